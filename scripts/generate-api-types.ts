// Writes the web app's API types from the server's OpenAPI document: `npm run gen:api`.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`Wrote ${relative(process.cwd(), API_TYPES_FILE)}`);
