import { buildUscc } from '../domain/uscc.ts';
import { enterpriseKeys } from '../services/registry/enterprise-keys.ts';
import type { NewEnterpriseRow } from '../db/enterprise.repository.ts';

let serial = 0;

/** An enterprise row for tests: a valid USCC and plausible fields, overridden as needed. */
export function makeEnterprise(overrides: Partial<NewEnterpriseRow> = {}): NewEnterpriseRow {
  serial++;
  const regionCode = overrides.regionCode ?? '320214';
  const row = {
    regionCode,
    uscc: buildUscc(regionCode, `T${String(serial).padStart(7, '0')}`),
    name: `测试企业${serial}有限公司`,
    source: 'test',
    products: [],
    tags: [],
    ...overrides,
  };
  // The keys every real write stores (imports, the demo), from the name as it ends up.
  return { ...enterpriseKeys(row), ...row };
}
