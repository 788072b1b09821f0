// A worker thread's entry: loads the import's read half (record-worker.ts) the way
// bin/chainlead.js loads the CLI, compiled or through tsx.
import { importSources } from '../../../bin/compiled-sources.js';

await importSources('record-worker');
