import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package version, shown by --version, the start banner and /api/health. */
export const APP_VERSION = (require('../../package.json') as { version: string }).version;
