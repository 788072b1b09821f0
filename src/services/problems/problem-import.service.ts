import { rowErrorsRefusal } from '../tables/table-common.ts';
import { AppError, isAppError } from '../../domain/app-error.ts';
import {
  PROBLEM_COLUMNS,
  mapProblemHeaders,
  type ProblemColumn,
} from '../../domain/problem-columns.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import {
  listImportedTickets,
  listRecordedProblemKeys,
  problemKey,
} from '../../db/problem-import.repository.ts';
import { updateProblemRow } from '../../db/problem.repository.ts';
import type { ProblemImportResult } from '../../shared/api/problem-import.ts';
import { ROW_REASONS, type RowReason } from '../../shared/row-reasons.ts';
import type { RowError } from '../tables/error-report.ts';
import { openTable, tableSourceName, type TableSource } from '../tables/table-reader.ts';
import type { ProblemUser } from './problem-access.ts';
import { recordProblem } from './problem-intake.service.ts';
import {
  headerErrors,
  lookUp,
  parseRow,
  type ParsedRow,
  type RawRow,
} from './problem-import-rows.ts';

/**
 * One import is one transaction, and each row is recorded as by hand (about 0.1 s a row on the
 * embedded database); a bigger file would hold its locks, and the upload, for minutes.
 */
export const MAX_PROBLEM_IMPORT_ROWS = 2_000;

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
 * row. A row whose 12345 ticket number the enterprise already has is skipped, and so is a row
 * without one whose enterprise, title and receipt match a recorded problem, so a re-run imports
 * nothing twice. `dryRun` checks and counts without writing. Throws FORBIDDEN (not the
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

  const enterpriseIds = [...new Set(parsed.map((r) => r.enterpriseId))];
  const known = await listImportedTickets(db, enterpriseIds);
  // Without a ticket number, the same enterprise, title and moment of receipt is the same problem.
  const recorded = await listRecordedProblemKeys(db, enterpriseIds);
  const fresh = parsed.filter((row) => {
    if (row.ticket === null) {
      const key = problemKey(row.enterpriseId, row.input.title, row.input.receivedAt ?? '');
      if (recorded.has(key)) return false;
      recorded.add(key);
      return true;
    }
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
  return rowErrorsRefusal(errors, tableSourceName(file), 'so nothing was imported', errors);
}
