/** The opened accounts as CSV (UTF-8 with BOM for Excel), quoting every field. */
export function accountsCsv(
  accounts: readonly {
    username: string;
    password: string;
    displayName: string | null;
    enterpriseId: number;
    enterpriseName: string;
  }[],
): string {
  const quote = (value: string | number | null) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const rows = [
    ['username', 'password', 'displayName', 'enterpriseId', 'enterprise'],
    ...accounts.map((a) => [
      a.username,
      a.password,
      a.displayName,
      a.enterpriseId,
      a.enterpriseName,
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
