import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

describe('the web app API types', () => {
  it('match the OpenAPI document the server serves', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    if (committed !== fresh) {
      expect.fail(
        'web/src/modules/api/utils/openapi.gen.ts is stale: the API changed since it was ' +
          'generated. Run npm run gen:api and commit the result.',
      );
    }
  });
});
