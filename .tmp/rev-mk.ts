import { writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { splitDeviceTemplate } from '../src/test-support/template-revision.ts';
writeFileSync('/tmp/biomed-v2.yaml', YAML.stringify(splitDeviceTemplate()));
