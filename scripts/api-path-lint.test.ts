import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// An existing file, so the type-aware parser finds its project; lintText lints our text instead.
const COMPONENT = `${ROOT}web/src/modules/parks/components/ParksPage.tsx`;
const CLIENT = `${ROOT}web/src/modules/api/utils/apiClient.ts`;

async function apiPathErrors(code: string, filePath = COMPONENT) {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: `${ROOT}eslint.config.js` });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
}

describe('the lint rule against hand-written API paths in the web app', () => {
  it('refuses /api/ in strings and templates, saying to use the typed client', async () => {
    const errors = await apiPathErrors(
      [
        "export const list = '/api/parks';",
        'export const one = (id: number) => `/api/parks/${id}`;',
        "export const root = '/api';",
      ].join('\n'),
    );
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
    for (const error of errors) {
      expect(error.severity).toBe(2);
      expect(error.message).toMatch(/typed client/);
      expect(error.message).toMatch(/type checker sees the contract/);
    }
  });

  it('accepts import paths and the typed client', async () => {
    const errors = await apiPathErrors(
      [
        "import type { ParkSummary } from '@shared/api/parks.ts';",
        "import { apiGet } from '../../api/utils/apiClient.ts';",
        "export const parks = apiGet('/parks');",
        'export const none: ParkSummary | null = null;',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('lets the client folder name the /api prefix', async () => {
    expect(await apiPathErrors("export const BASE_URL = '/api';", CLIENT)).toEqual([]);
  });
});
