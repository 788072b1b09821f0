import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionName } from '../../../web/src/modules/admin/utils/auditNames.ts';

// The audit log page (web) names each action a service writes; an action it has no name for
// shows as its code. This holds the page's names to the codes in the services' source.
describe('the audit log page', () => {
  it('names every action the server writes to the log', () => {
    // The codes as the services write them: `action: 'x.y'` (or either side of a ternary).
    const root = fileURLToPath(new URL('..', import.meta.url));
    const codes = new Set<string>();
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, expression] of text.matchAll(/\baction:\s*([^\n]*)/g))
        for (const [, code] of (expression ?? '').matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g))
          if (code) codes.add(code);
    }
    expect(codes.size).toBeGreaterThan(50);
    const unnamed = [...codes].filter((code) => auditActionName(code, 'zh-CN') === code);
    expect(unnamed).toEqual([]);
  });
});
