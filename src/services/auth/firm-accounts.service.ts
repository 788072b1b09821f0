import { rowErrorsRefusal } from '../tables/table-common.ts';
import { AppError } from '../../domain/app-error.ts';
import { isValidUscc } from '../../domain/uscc.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  findAccountEnterprises,
  insertUser,
  takenUsernames,
  type AccountEnterprise,
} from '../../db/user.repository.ts';
import { csvDocument } from '../../shared/csv.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';
import type { RowError } from '../tables/error-report.ts';
import {
  openTable,
  tableSourceName,
  type Table,
  type TableSource,
} from '../tables/table-reader.ts';
import { generatePassword, hashPassword } from './password.ts';
import { checkUsername } from './users.service.ts';
import { recordsNamed } from '../../domain/entity-matching.ts';
import { nulCellProblem } from '../../domain/cell-text.ts';

/** One firm account opened, with its one-time password (shown only in this answer). */
export interface FirmAccount {
  row: number;
  username: string;
  displayName: string | null;
  enterpriseId: number;
  enterpriseName: string;
  password: string;
}

const COLUMNS = {
  enterprise: ['enterprise', '企业', '企业名称', 'uscc', '统一社会信用代码'],
  username: ['username', '用户名'],
  displayName: ['displayname', 'display_name', 'name', '显示名称', '姓名'],
} as const;
type Column = keyof typeof COLUMNS;
const ACCOUNT_COLUMNS = Object.keys(COLUMNS) as Column[];
const MAX_DISPLAY_NAME = 64;
const MAX_ROWS = 2_000;

interface ParsedRow {
  row: number;
  enterprise: string;
  username: string;
  displayName: string;
}

function columnIndexes(headers: readonly string[], file: string): Record<Column, number> {
  const normalized = headers.map((header) => header.trim().toLowerCase());
  const indexOf = (column: Column) =>
    normalized.findIndex((header) => (COLUMNS[column] as readonly string[]).includes(header));
  const indexes = {
    enterprise: indexOf('enterprise'),
    username: indexOf('username'),
    displayName: indexOf('displayName'),
  };
  if (indexes.enterprise < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The file has no enterprise column: give the columns enterprise (USCC, registered name or id), username (optional) and displayName (optional).',
      {
        field: 'file',
        reason: 'COLUMNS_MISSING',
        // Said by the web app: the file, and what its first row holds.
        file,
        columns: 'enterprise',
        headers: headers.join(', ') || '—',
      },
    );
  }
  return indexes;
}

/** Finds each row's enterprise: an id, an 18-character USCC, or its registered name (recordsNamed). */
function resolveEnterprise(
  ref: string,
  found: readonly AccountEnterprise[],
): AccountEnterprise | { code: RowReason; params?: ReasonParams } {
  if (/^\d{1,15}$/.test(ref)) {
    const byId = found.find((entry) => entry.id === Number(ref));
    if (byId) return byId;
  }
  const byUscc = found.find((entry) => entry.uscc === ref.toUpperCase());
  if (byUscc) return byUscc;
  const byName = recordsNamed(ref, found);
  if (byName.length > 1) return { code: 'ENTERPRISE_AMBIGUOUS', params: { count: byName.length } };
  return byName[0] ?? { code: 'ENTERPRISE_UNKNOWN' };
}

const REASON_TEXT: Partial<Record<RowReason, (params?: ReasonParams) => string>> = {
  ENTERPRISE_REQUIRED: () => 'name the enterprise (USCC, registered name or id)',
  ENTERPRISE_UNKNOWN: () => 'no enterprise has this USCC, registered name or id',
  ENTERPRISE_AMBIGUOUS: (p) =>
    `${p?.count ?? 'several'} enterprises are registered under this name; use the USCC or the id`,
  USERNAME_INVALID: () =>
    'use 2–32 lower-case letters, digits, . _ or -, starting with a letter or digit',
  USERNAME_TAKEN: () => 'a user with this username exists',
  USERNAME_REPEATED: (p) => `the same username as row ${p?.row ?? '?'}`,
  DISPLAY_NAME_TOO_LONG: (p) =>
    `a display name has at most ${p?.max ?? MAX_DISPLAY_NAME} characters`,
};

function rowError(
  row: number,
  column: string,
  value: string,
  code: RowReason,
  params?: ReasonParams,
): RowError {
  const reason = REASON_TEXT[code]?.(params) ?? code;
  return params
    ? { row, column, value, reason, code, params }
    : { row, column, value, reason, code };
}

async function readRows(file: TableSource): Promise<ParsedRow[]> {
  const table = await openTable(file);
  try {
    return await rowsOf(table, file);
  } finally {
    // A refused header or too many rows stop reading early: the file (or an upload's spooled
    // copy) is released either way.
    table.close();
  }
}

async function rowsOf(table: Table, file: TableSource): Promise<ParsedRow[]> {
  const at = columnIndexes(table.headers, tableSourceName(file));
  const cell = (cells: readonly string[], index: number) =>
    index < 0 ? '' : (cells[index] ?? '').trim();
  const rows: ParsedRow[] = [];
  for await (const { rowNumber, cells } of table.rows) {
    const parsed = {
      row: rowNumber,
      enterprise: cell(cells, at.enterprise),
      username: cell(cells, at.username),
      displayName: cell(cells, at.displayName),
    };
    if (parsed.enterprise || parsed.username || parsed.displayName) rows.push(parsed);
    if (rows.length > MAX_ROWS) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The file has more than ${MAX_ROWS} accounts: split it.`,
        { field: 'file' },
      );
    }
  }
  return rows;
}

/**
 * Opens one firm account per row of a CSV/XLSX (columns enterprise — USCC, exact registered name
 * or id — username, optional, `f` + the enterprise id when absent, and displayName, optional),
 * each with a random one-time password returned only here. Every row is checked first and nothing
 * is written when any is bad. Throws VALIDATION_FAILED with the row errors ({row, column, value,
 * reason, code, params}) as details, or for a file without an enterprise column.
 */
export async function createFirmAccounts(
  db: Db,
  actor: Actor,
  file: TableSource,
): Promise<FirmAccount[]> {
  const errors: RowError[] = [];
  // A cell with a NUL is refused before anything looks it up (no column can hold one).
  const rows: ParsedRow[] = [];
  for (const row of await readRows(file)) {
    const problems = ACCOUNT_COLUMNS.flatMap((column) => {
      const problem = nulCellProblem(row[column]);
      return problem ? [{ row: row.row, column, ...problem }] : [];
    });
    if (problems.length > 0) errors.push(...problems);
    else rows.push(row);
  }
  const refs = rows.map((row) => row.enterprise).filter(Boolean);
  const found = await findAccountEnterprises(db, {
    ids: refs.filter((ref) => /^\d{1,15}$/.test(ref)).map(Number),
    usccs: refs.map((ref) => ref.toUpperCase()).filter((ref) => isValidUscc(ref)),
    names: refs,
  });
  const planned: Omit<FirmAccount, 'password'>[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    let enterprise: AccountEnterprise | null = null;
    if (!row.enterprise) errors.push(rowError(row.row, 'enterprise', '', 'ENTERPRISE_REQUIRED'));
    else {
      const resolved = resolveEnterprise(row.enterprise, found);
      if ('code' in resolved) {
        errors.push(
          rowError(row.row, 'enterprise', row.enterprise, resolved.code, resolved.params),
        );
      } else enterprise = resolved;
    }
    const username = row.username || (enterprise ? `f${enterprise.id}` : '');
    if (row.username) {
      try {
        checkUsername(row.username);
      } catch {
        errors.push(rowError(row.row, 'username', row.username, 'USERNAME_INVALID'));
      }
    }
    const earlier = username ? firstRowOf.get(username) : undefined;
    if (earlier !== undefined) {
      errors.push(rowError(row.row, 'username', username, 'USERNAME_REPEATED', { row: earlier }));
    } else if (username) firstRowOf.set(username, row.row);
    if (row.displayName.length > MAX_DISPLAY_NAME) {
      errors.push(
        rowError(row.row, 'displayName', row.displayName, 'DISPLAY_NAME_TOO_LONG', {
          max: MAX_DISPLAY_NAME,
        }),
      );
    }
    if (enterprise && username) {
      planned.push({
        row: row.row,
        username,
        displayName: row.displayName || null,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
      });
    }
  }
  const taken = new Set(await takenUsernames(db, [...firstRowOf.keys()]));
  for (const account of planned) {
    if (taken.has(account.username)) {
      errors.push(rowError(account.row, 'username', account.username, 'USERNAME_TAKEN'));
    }
  }
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('VALIDATION_FAILED', `${tableSourceName(file)} lists no accounts.`, {
      field: 'file',
      reason: 'FILE_NO_ROWS',
      file: tableSourceName(file),
    });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw rowErrorsRefusal(
      errors,
      tableSourceName(file),
      'so no account was opened',
      errors.slice(0, 500),
    );
  }
  const accounts: FirmAccount[] = planned.map((account) => ({
    ...account,
    password: generatePassword(),
  }));
  const hashes = await Promise.all(accounts.map((account) => hashPassword(account.password)));
  await db.transaction(async (tx) => {
    for (const [index, account] of accounts.entries()) {
      const row = await insertUser(tx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash: hashes[index] ?? '',
        role: 'firm',
        enterpriseId: account.enterpriseId,
        mustChangePassword: true,
      });
      await recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        after: {
          username: account.username,
          role: 'firm',
          displayName: account.displayName,
          enterpriseId: account.enterpriseId,
          mustChangePassword: true,
          via: 'firm-accounts',
        },
      });
    }
  });
  return accounts;
}

/** The opened accounts as CSV (UTF-8 with BOM) to hand out: username, password, enterprise. */
export function firmAccountsCsv(accounts: readonly FirmAccount[]): string {
  return csvDocument(
    ['username', 'password', 'displayName', 'enterpriseId', 'enterprise'],
    accounts.map((a) => [a.username, a.password, a.displayName, a.enterpriseId, a.enterpriseName]),
  );
}
