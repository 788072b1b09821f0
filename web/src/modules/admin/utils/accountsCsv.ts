import { csvDocument } from '@shared/csv.ts';

/**
 * The opened accounts as CSV (UTF-8 with BOM for Excel), written by the shared CSV writer: a
 * display or enterprise name such as `=cmd|' /C calc'!A0` is neutralised, not run as a formula.
 */
export function accountsCsv(
  accounts: readonly {
    username: string;
    password: string;
    displayName: string | null;
    enterpriseId: number;
    enterpriseName: string;
  }[],
): string {
  return csvDocument(
    ['username', 'password', 'displayName', 'enterpriseId', 'enterprise'],
    accounts.map((a) => [a.username, a.password, a.displayName, a.enterpriseId, a.enterpriseName]),
    { eol: '\r\n' },
  );
}
