// A worker thread's entry: loads the TypeScript sources through tsx, as bin/chainlead.js does,
// then runs the import's read half (record-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./record-worker.ts');
