import { fold } from '../../domain/cell-text.ts';
import { normalizeUscc } from '../../domain/import-values.ts';
import type { mapProblemHeaders } from '../../domain/problem-columns.ts';
import {
  PROBLEM_COLUMNS,
  PROBLEM_COLUMN_KEYS,
  parseChannel,
  parseProblemText,
  parseReceivedAt,
  type ProblemCellParse,
  type ProblemColumn,
} from '../../domain/problem-columns.ts';
import { findChainByCode } from '../../db/chain.repository.ts';
import type { Db } from '../../db/connection.ts';
import { listDepartments, listProblemCategories } from '../../db/department.repository.ts';
import { TICKET_PREFIX, findEnterprisesByUsccOrName } from '../../db/problem-import.repository.ts';
import { listConfirmedPlacements } from '../../db/problem.repository.ts';
import type { RaiseProblemRequest } from '../../shared/api/problems.ts';
import { PHONE_TEXT_MESSAGE } from '../../shared/api/fields.ts';
import { isPhoneText } from '../../shared/phone-text.ts';
import type { RowReason } from '../../shared/row-reasons.ts';
import type { RowError } from '../tables/error-report.ts';
import { recordsNamed } from '../../domain/entity-matching.ts';

// The rows of a problem import read and checked against what they name, before anything is
// written (problem-import.service.ts writes them).

const MAX_DESCRIPTION = 10_000;
const USCC_SHAPE = /^[0-9A-Z]{18}$/;

export interface RawRow {
  rowNumber: number;
  cell: (column: ProblemColumn) => { text: string; header: string };
}

export interface ParsedRow {
  rowNumber: number;
  enterpriseId: number;
  ticket: string | null;
  assignee: string | null;
  input: RaiseProblemRequest;
}

/** What the rows name, looked up once for the whole file. */
export interface Lookups {
  enterprises: Map<string, { id: number }[]>;
  categories: Map<string, string>;
  categoryList: string;
  departments: Map<string, number>;
  chains: Map<string, boolean>;
  placed: Map<number, boolean>;
}

const key = (text: string) => fold(text).trim().toLowerCase();

/** Looks up the enterprises, categories, departments and chains the rows name, in bulk. */
export async function lookUp(db: Db, rows: RawRow[]): Promise<Lookups> {
  const texts = rows.map((r) => r.cell('enterprise').text.trim()).filter(Boolean);
  const usccs = [...new Set(texts.map(normalizeUscc).filter((t) => USCC_SHAPE.test(t)))];
  const found = await findEnterprisesByUsccOrName(db, usccs, [...new Set(texts)]);
  const enterprises = new Map<string, { id: number }[]>();
  for (const e of found) {
    if (e.uscc)
      enterprises.set(`uscc:${e.uscc}`, [
        ...(enterprises.get(`uscc:${e.uscc}`) ?? []),
        { id: e.id },
      ]);
  }
  for (const text of new Set(texts)) {
    enterprises.set(
      `name:${text}`,
      recordsNamed(text, found).map((e) => ({ id: e.id })),
    );
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
export async function parseRow(
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
  if (contactPhone && !isPhoneText(contactPhone))
    refuse('contact_phone', contactPhone, PHONE_TEXT_MESSAGE, 'PHONE_INVALID');
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

/** Refusals of the header row: unknown (or repeated) columns and missing required ones. */
export function headerErrors(headers: string[], mapping: ReturnType<typeof mapProblemHeaders>) {
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
