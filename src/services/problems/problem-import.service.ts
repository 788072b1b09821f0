import { AppError, isAppError } from '../../domain/app-error.ts';
import { fold } from '../../domain/cell-text.ts';
import { normalizeUscc } from '../../domain/import-values.ts';
import {
  PROBLEM_COLUMNS,
  PROBLEM_COLUMN_KEYS,
  mapProblemHeaders,
  parseChannel,
  parseProblemText,
  parseReceivedAt,
  type ProblemCellParse,
  type ProblemColumn,
} from '../../domain/problem-columns.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import { findChainByCode } from '../../db/chain.repository.ts';
import type { Db } from '../../db/connection.ts';
import { listDepartments, listProblemCategories } from '../../db/department.repository.ts';
import {
  TICKET_PREFIX,
  findEnterprisesByUsccOrName,
  listImportedTickets,
} from '../../db/problem-import.repository.ts';
import { listConfirmedPlacements, updateProblemRow } from '../../db/problem.repository.ts';
import type { ProblemImportResult } from '../../shared/api/problem-import.ts';
import type { RaiseProblemRequest } from '../../shared/api/problems.ts';
import { ROW_REASONS, type RowReason } from '../../shared/row-reasons.ts';
import type { RowError } from '../tables/error-report.ts';
import { openTable, tableSourceName, type TableSource } from '../tables/table-reader.ts';
import type { ProblemUser } from './problem-access.ts';
import { recordProblem } from './problem-intake.service.ts';

/** One import is one transaction; a file beyond this is split, or it would hold locks for long. */
export const MAX_PROBLEM_IMPORT_ROWS = 5_000;
const MAX_DESCRIPTION = 10_000;
const USCC_SHAPE = /^[0-9A-Z]{18}$/;

interface RawRow {
  rowNumber: number;
  cell: (column: ProblemColumn) => { text: string; header: string };
}

interface ParsedRow {
  rowNumber: number;
  enterpriseId: number;
  ticket: string | null;
  assignee: string | null;
  input: RaiseProblemRequest;
}

/** What the rows name, looked up once for the whole file. */
interface Lookups {
  enterprises: Map<string, { id: number }[]>;
  categories: Map<string, string>;
  categoryList: string;
  departments: Map<string, number>;
  chains: Map<string, boolean>;
  placed: Map<number, boolean>;
}

const key = (text: string) => fold(text).trim().toLowerCase();

async function lookUp(db: Db, rows: RawRow[]): Promise<Lookups> {
  const texts = rows.map((r) => r.cell('enterprise').text.trim()).filter(Boolean);
  const usccs = [...new Set(texts.map(normalizeUscc).filter((t) => USCC_SHAPE.test(t)))];
  const found = await findEnterprisesByUsccOrName(db, usccs, [...new Set(texts)]);
  const enterprises = new Map<string, { id: number }[]>();
  for (const e of found) {
    const add = (k: string) => enterprises.set(k, [...(enterprises.get(k) ?? []), { id: e.id }]);
    if (e.uscc) add(`uscc:${e.uscc}`);
    add(`name:${e.name}`);
  }
  const categories = new Map<string, string>();
  const active = (await listProblemCategories(db)).filter((c) => c.active);
  for (const c of active) {
    for (const name of [c.code, c.nameZh, c.nameEn]) categories.set(key(name), c.code);
  }
  const departments = new Map<string, number>();
  for (const d of await listDepartments(db)) {
    if (d.active) departments.set(key(d.name), d.id);
  }
  const chains = new Map<string, boolean>();
  for (const code of new Set(rows.map((r) => r.cell('chain').text.trim()).filter(Boolean))) {
    chains.set(code, (await findChainByCode(db, code)) !== null);
  }
  return {
    enterprises,
    categories,
    categoryList: active.map((c) => `${c.nameZh} (${c.code})`).join(', '),
    departments,
    chains,
    placed: new Map(),
  };
}

/** One row parsed, or null with its errors pushed: every cell is checked, not only the first. */
async function parseRow(
  db: Db,
  row: RawRow,
  lookups: Lookups,
  now: Date,
  errors: RowError[],
): Promise<ParsedRow | null> {
  const before = errors.length;
  const refuse = (
    column: ProblemColumn,
    value: string,
    reason: string,
    code: RowReason,
    params?: Record<string, string | number>,
  ) =>
    errors.push({
      row: row.rowNumber,
      column: row.cell(column).header || PROBLEM_COLUMNS[column].label,
      value,
      reason,
      code,
      ...(params && { params }),
    });
  const take = <T>(column: ProblemColumn, parse: (text: string) => ProblemCellParse<T>) => {
    const { text } = row.cell(column);
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    refuse(column, text, parsed.reason, parsed.code, parsed.params);
    return undefined;
  };
  const text = (column: ProblemColumn) => take(column, (t) => parseProblemText(t, column));
  const required = (column: ProblemColumn) => {
    const value = text(column);
    if (value === null) refuse(column, '', 'required', 'VALUE_REQUIRED');
    return value ?? undefined;
  };

  const enterpriseText = row.cell('enterprise').text.trim();
  let enterpriseId: number | undefined;
  if (!enterpriseText) refuse('enterprise', '', 'required', 'VALUE_REQUIRED');
  else {
    const uscc = normalizeUscc(enterpriseText);
    const matches =
      (USCC_SHAPE.test(uscc) ? lookups.enterprises.get(`uscc:${uscc}`) : undefined) ??
      lookups.enterprises.get(`name:${enterpriseText}`) ??
      [];
    if (matches.length === 1) enterpriseId = matches[0]?.id;
    else if (matches.length === 0)
      refuse(
        'enterprise',
        enterpriseText,
        'no enterprise has this USCC or registered name',
        'PROBLEM_ENTERPRISE_UNKNOWN',
      );
    else
      refuse(
        'enterprise',
        enterpriseText,
        `${matches.length} enterprises have this name; use the USCC`,
        'PROBLEM_ENTERPRISE_AMBIGUOUS',
        { count: matches.length },
      );
  }
  const title = required('title');
  let description = required('description');
  const ticket = text('ticket');
  if (ticket?.includes(']')) {
    refuse('ticket', ticket, 'a ticket number cannot contain "]"', 'VALUE_INVALID', {
      message: 'a ticket number cannot contain "]"',
    });
  }
  if (ticket && description) {
    description = `${TICKET_PREFIX}${ticket}] ${description}`;
    if (description.length > MAX_DESCRIPTION) {
      refuse(
        'description',
        row.cell('description').text.slice(0, 50),
        `longer than ${MAX_DESCRIPTION} characters with the ticket number`,
        'TEXT_TOO_LONG',
        { max: MAX_DESCRIPTION - TICKET_PREFIX.length - ticket.length - 2 },
      );
    }
  }
  const categoryText = row.cell('category').text.trim();
  const categoryCode = categoryText ? lookups.categories.get(key(categoryText)) : undefined;
  if (!categoryText) refuse('category', '', 'required', 'VALUE_REQUIRED');
  else if (!categoryCode)
    refuse(
      'category',
      categoryText,
      `not a problem category; use ${lookups.categoryList}`,
      'PROBLEM_CATEGORY_UNKNOWN',
      { categories: lookups.categoryList },
    );
  const channel = take('channel', parseChannel);
  const receivedAt = take('received_at', (t) => parseReceivedAt(t, now));
  if (receivedAt === null) refuse('received_at', '', 'required', 'VALUE_REQUIRED');
  const departmentText = row.cell('department').text.trim();
  const departmentId = departmentText ? lookups.departments.get(key(departmentText)) : undefined;
  if (departmentText && departmentId === undefined)
    refuse(
      'department',
      departmentText,
      'no active department has this name',
      'PROBLEM_DEPARTMENT_UNKNOWN',
    );
  const assignee = text('assignee') ?? null;
  const contactName = text('contact_name');
  const contactPhone = text('contact_phone');
  const chainCode = row.cell('chain').text.trim() || undefined;
  if (chainCode && !lookups.chains.get(chainCode))
    refuse('chain', chainCode, 'no chain has this code', 'PROBLEM_CHAIN_UNKNOWN');
  if (!chainCode && enterpriseId !== undefined) {
    let placed = lookups.placed.get(enterpriseId);
    if (placed === undefined) {
      placed = (await listConfirmedPlacements(db, enterpriseId)).length > 0;
      lookups.placed.set(enterpriseId, placed);
    }
    if (!placed)
      refuse(
        'chain',
        '',
        'the enterprise is placed on no chain yet; fill in the chain',
        'PROBLEM_CHAIN_REQUIRED',
      );
  }
  if (errors.length > before || enterpriseId === undefined) return null;
  if (!title || !description || !categoryCode || !channel || !receivedAt) return null;
  return {
    rowNumber: row.rowNumber,
    enterpriseId,
    ticket: ticket ?? null,
    assignee,
    input: {
      enterpriseId,
      title,
      description,
      categoryCode,
      channel,
      receivedAt: receivedAt.toISOString(),
      contactName: contactName ?? null,
      contactPhone: contactPhone ?? null,
      ...(chainCode && { chainCode }),
      ...(departmentId !== undefined && { departmentId }),
    },
  };
}

function headerErrors(headers: string[], mapping: ReturnType<typeof mapProblemHeaders>) {
  const columns = PROBLEM_COLUMN_KEYS.map((k) => PROBLEM_COLUMNS[k].label).join('、');
  const errors: RowError[] = mapping.unknown.map((name) => ({
    row: 1,
    column: name,
    value: name,
    reason: `unknown column; use ${columns}`,
    code: 'UNKNOWN_COLUMN' as const,
    params: { columns },
  }));
  for (const column of mapping.missing) {
    const label = PROBLEM_COLUMNS[column].label;
    errors.push({
      row: 1,
      column: label,
      value: '',
      reason: `the column ${label} is missing (the first row holds ${headers.join(', ')})`,
      code: 'PROBLEM_COLUMN_MISSING',
      params: { column: label },
    });
  }
  return errors;
}

class RollBack extends Error {}

/** The row error for a refusal by recordProblem (a chain out of the user's scope, a node). */
function serviceRowError(row: ParsedRow, error: AppError): RowError {
  const stated = (error.details as { reason?: unknown } | null)?.reason;
  const field = (error.details as { field?: unknown } | null)?.field;
  const byField: Record<string, ProblemColumn> = {
    chainCode: 'chain',
    receivedAt: 'received_at',
    enterpriseId: 'enterprise',
    categoryCode: 'category',
    departmentId: 'department',
  };
  const column = typeof field === 'string' ? byField[field] : undefined;
  return {
    row: row.rowNumber,
    column: column ? PROBLEM_COLUMNS[column].label : '',
    value: '',
    reason: error.message,
    ...(ROW_REASONS.includes(stated as RowReason)
      ? { code: stated as RowReason }
      : { code: 'VALUE_INVALID' as const, params: { message: error.message } }),
  };
}

/**
 * Imports problems from a spreadsheet (XLSX or CSV; docs/problems.md lists the columns), each
 * recorded as the office records one (at 已受理, or 已交办 with a department), its receipt from
 * the file. All or nothing: any bad row and nothing is written, and the error lists every bad
 * row. A row whose 12345 ticket number the enterprise already has is skipped, so a re-run
 * imports nothing twice. `dryRun` checks and counts without writing. Throws FORBIDDEN (not the
 * office) and VALIDATION_FAILED (an unreadable file; bad rows, listed in `details`).
 */
export async function importProblems(
  db: Db,
  user: ProblemUser,
  file: TableSource,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<ProblemImportResult> {
  if (user.role !== 'office' && user.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only the chain office imports problems.');
  }
  const now = options.now ?? new Date();
  const table = await openTable(file);
  const mapping = mapProblemHeaders(table.headers);
  const errors = headerErrors(table.headers, mapping);
  const raw: RawRow[] = [];
  for await (const row of table.rows) {
    if (raw.length >= MAX_PROBLEM_IMPORT_ROWS) {
      table.close();
      throw new AppError(
        'VALIDATION_FAILED',
        `${tableSourceName(file)} holds more than ${MAX_PROBLEM_IMPORT_ROWS} rows; split it and import each part.`,
      );
    }
    const cells = row.cells;
    raw.push({
      rowNumber: row.rowNumber,
      cell: (column) => {
        const index = mapping.columns.indexOf(column);
        return {
          text: index < 0 ? '' : (cells[index] ?? ''),
          header: index < 0 ? '' : (table.headers[index] ?? ''),
        };
      },
    });
  }
  const parsed: ParsedRow[] = [];
  if (mapping.missing.length === 0) {
    const lookups = await lookUp(db, raw);
    for (const row of raw) {
      const done = await parseRow(db, row, lookups, now, errors);
      if (done) parsed.push(done);
    }
  }
  if (errors.length > 0) throw rowsRefused(file, errors, table.headers);

  const known = await listImportedTickets(db, [...new Set(parsed.map((r) => r.enterpriseId))]);
  const fresh = parsed.filter((row) => {
    if (row.ticket === null) return true;
    const tickets = known.get(row.enterpriseId) ?? new Set<string>();
    known.set(row.enterpriseId, tickets);
    if (tickets.has(row.ticket)) return false;
    tickets.add(row.ticket);
    return true;
  });
  const result: ProblemImportResult = {
    dryRun: options.dryRun ?? false,
    rows: raw.length,
    imported: fresh.length,
    skipped: parsed.length - fresh.length,
    references: [],
    errors: [],
  };
  if (options.dryRun) return result;
  try {
    await db.transaction(async (tx) => {
      for (const row of fresh) {
        try {
          const recorded = await recordProblem(tx, user, row.input, { now });
          if (row.assignee) await updateProblemRow(tx, recorded.id, { assigneeName: row.assignee });
          result.references.push(recorded.reference);
        } catch (error) {
          if (!isAppError(error)) throw error;
          errors.push(serviceRowError(row, error));
        }
      }
      if (errors.length > 0) throw new RollBack();
      await recordAudit(tx, user, {
        action: 'problem.import',
        entityType: 'problem',
        after: {
          file: tableSourceName(file),
          rows: result.rows,
          imported: result.imported,
          skipped: result.skipped,
          references: result.references,
        },
      });
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    result.references = [];
    throw rowsRefused(file, errors, table.headers);
  }
  return result;
}

function rowsRefused(file: TableSource, errors: RowError[], headers: string[]): AppError {
  const position = (column: string) => {
    const index = headers.indexOf(column);
    return index < 0 ? headers.length : index;
  };
  errors.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
  return new AppError(
    'VALIDATION_FAILED',
    `${errors.length} error${errors.length === 1 ? '' : 's'} in ${tableSourceName(file)}, so nothing was imported: ` +
      errors
        .slice(0, 5)
        .map((e) => `row ${e.row}, ${e.column || '-'}: ${e.reason}`)
        .join('; ') +
      (errors.length > 5 ? '; …' : ''),
    errors,
  );
}
