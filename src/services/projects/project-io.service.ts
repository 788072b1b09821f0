import { AppError, isAppError } from '../../domain/app-error.ts';
import { refuse } from '../../domain/cell-text.ts';
import {
  MONEY_PROJECT_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_COLUMN_KEYS,
  formatSpaceNeed,
  mapProjectHeaders,
  parseProjectDate,
  parseProjectMoney,
  parseProjectYear,
  parseSpaceNeed,
  parseStage,
  type CellParse,
  type ProjectColumn,
} from '../../domain/project-columns.ts';
import type { Db } from '../../db/connection.ts';
import { listParks } from '../../db/park.repository.ts';
import { findProjectById, listProjectViews } from '../../db/project.repository.ts';
import { findUserByUsername } from '../../db/user.repository.ts';
import {
  PROJECT_STAGE_NAMES,
  type CreateProjectRequest,
  type ImportProjectsResult,
  type ProjectQuery,
  type ProjectSummary,
  type UpdateProjectRequest,
} from '../../shared/api/projects.ts';
import { ROW_REASONS, type ReasonParams, type RowReason } from '../../shared/row-reasons.ts';
import { csvDocument } from '../../shared/csv.ts';
import type { RowError } from '../tables/error-report.ts';
import { openTable, tableSourceName, type TableSource } from '../tables/table-reader.ts';
import { createProject, updateProject } from './project.service.ts';
import { listProjectBoard, listProjectSummaries } from './project-query.service.ts';

export type ProjectFileFormat = 'xlsx' | 'csv';

const MONEY_HEADER_UNIT = '（万元）';
const header = (key: ProjectColumn) =>
  PROJECT_COLUMNS[key].label +
  (MONEY_PROJECT_COLUMNS.includes(key) ? MONEY_HEADER_UNIT : key === 'space_need' ? '（m²）' : '');
const wan = (yuan: number | null) => (yuan === null ? null : yuan / 1e4);

function exportRow(
  p: ProjectSummary,
  notes: Map<number, string | null>,
  parkCodes: Map<number, string>,
) {
  const values: Record<ProjectColumn, string | number | null> = {
    id: p.id,
    name: p.name,
    chain: p.chainCode,
    region_code: p.regionCode,
    node_code: p.node?.code ?? null,
    stage: PROJECT_STAGE_NAMES[p.stage].zh,
    status: p.status === 'active' ? '推进中' : '已放弃',
    investor: p.investor,
    enterprise_id: p.enterprise?.id ?? null,
    investment: wan(p.investmentYuan),
    capital_in_place: wan(p.capitalInPlaceYuan),
    expected_output: wan(p.expectedOutputYuan),
    output_start_year: p.outputStartYear,
    space_need: formatSpaceNeed(p.spaceNeed),
    space_needed_from: p.spaceNeededFrom,
    park: p.park ? (parkCodes.get(p.park.id) ?? null) : null,
    owner: p.owner?.username ?? null,
    next_action: p.nextAction,
    next_action_on: p.nextActionOn,
    notes: notes.get(p.id) ?? null,
    updated_at: p.updatedAt.slice(0, 10),
  };
  return PROJECT_COLUMN_KEYS.map((key) => values[key]);
}

/**
 * Writes the projects matching a query as a spreadsheet people read (Chinese headers, money in
 * 万元) that imports back unchanged. Returns the bytes and the row count.
 */
export async function exportProjects(
  db: Db,
  query: Partial<ProjectQuery>,
  format: ProjectFileFormat,
): Promise<{ bytes: Uint8Array; count: number }> {
  const board = await listProjectBoard(db, { status: 'all', ...query });
  const parks = await listParks(db);
  const parkCodes = new Map(parks.map(({ park }) => [park.id, park.code]));
  const views = await listProjectViews(db, { ids: board.items.map((p) => p.id) });
  const notes = new Map(views.map((v) => [v.project.id, v.project.notes]));
  const rows = board.items.map((p) => exportRow(p, notes, parkCodes));
  const headers = PROJECT_COLUMN_KEYS.map(header);
  if (format === 'csv') {
    const text = csvDocument(headers, rows);
    return { bytes: new TextEncoder().encode(text), count: rows.length };
  }
  // exceljs takes half a second to load: only spreadsheet exports pay for it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer), count: rows.length };
}

/** A refused row: the same shape as every import's refused rows (see RowError). */
export type ProjectRowError = RowError;

interface ParsedRow {
  rowNumber: number;
  id: number | null;
  create: CreateProjectRequest;
}

/** One row's cells by column, parsed; errors name the row, the header as written and why. */
async function parseRow(
  db: Db,
  rowNumber: number,
  cell: (column: ProjectColumn) => {
    text: string;
    header: string;
    unit: ReturnType<typeof mapProjectHeaders>['units'][number];
  },
  defaults: { chainCode: string; regionCode?: string | undefined },
  errors: ProjectRowError[],
  parkIds: Map<string, number>,
): Promise<ParsedRow | null> {
  const before = errors.length;
  const take = <T>(column: ProjectColumn, parse: (text: string) => CellParse<T>): T | undefined => {
    const { text, header: shown } = cell(column);
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    errors.push({
      row: rowNumber,
      column: shown || column,
      value: text,
      reason: parsed.reason,
      code: parsed.code,
      ...(parsed.params && { params: parsed.params }),
    });
    return undefined;
  };
  const text = (column: ProjectColumn) => cell(column).text.trim() || null;
  const money = (column: ProjectColumn) =>
    take(column, (t) => parseProjectMoney(t, cell(column).unit));
  const idText = text('id');
  const id =
    idText === null
      ? null
      : take('id', (t) =>
          /^\d+$/.test(t.trim())
            ? { ok: true, value: Number(t) }
            : refuse('NOT_A_PROJECT_ID', 'not a project id'),
        );
  const name = text('name');
  if (!name && idText === null) {
    errors.push({
      row: rowNumber,
      column: cell('name').header || PROJECT_COLUMNS.name.label,
      value: '',
      reason: 'a new project needs a name',
      code: 'PROJECT_NAME_REQUIRED',
    });
  }
  const regionCode = text('region_code') ?? defaults.regionCode;
  if (!regionCode && idText === null) {
    errors.push({
      row: rowNumber,
      column: cell('region_code').header || PROJECT_COLUMNS.region_code.label,
      value: '',
      reason: 'a new project needs the region it lands in',
      code: 'PROJECT_REGION_REQUIRED',
    });
  }
  const parkText = text('park');
  const parkId =
    parkText === null
      ? null
      : (parkIds.get(parkText) ?? (/^\d+$/.test(parkText) ? Number(parkText) : undefined));
  if (parkId === undefined) {
    errors.push({
      row: rowNumber,
      column: cell('park').header,
      value: parkText ?? '',
      reason: 'no park has this code',
      code: 'PARK_UNKNOWN',
    });
  }
  const ownerText = text('owner');
  let ownerId: number | null = null;
  if (ownerText !== null) {
    const owner = await findUserByUsername(db, ownerText);
    if (!owner)
      errors.push({
        row: rowNumber,
        column: cell('owner').header,
        value: ownerText,
        reason: 'no user has this username',
        code: 'USER_UNKNOWN',
      });
    ownerId = owner?.id ?? null;
  }
  const enterpriseText = text('enterprise_id');
  const create: CreateProjectRequest = {
    chainCode: text('chain') ?? defaults.chainCode,
    regionCode: regionCode ?? '',
    name: name ?? undefined,
    stage: take('stage', parseStage) ?? 'lead',
    investor: text('investor'),
    enterpriseId:
      enterpriseText === null
        ? null
        : (take('enterprise_id', (t) =>
            /^\d+$/.test(t.trim())
              ? { ok: true, value: Number(t) }
              : refuse('NOT_AN_ENTERPRISE_ID', 'not an enterprise id'),
          ) ?? null),
    nodeCode: text('node_code'),
    investmentYuan: money('investment') ?? null,
    expectedOutputYuan: money('expected_output') ?? null,
    outputStartYear: take('output_start_year', parseProjectYear) ?? null,
    spaceNeed: take('space_need', parseSpaceNeed) ?? [],
    spaceNeededFrom: take('space_needed_from', parseProjectDate) ?? null,
    parkId: parkId ?? null,
    ownerId,
    nextAction: text('next_action'),
    nextActionOn: take('next_action_on', parseProjectDate) ?? null,
    notes: text('notes'),
  };
  return errors.length === before ? { rowNumber, id: id ?? null, create } : null;
}

/** The fields of an existing project that a row changes (stage excluded: it must match). */
async function changesFor(
  db: Db,
  id: number,
  row: CreateProjectRequest,
): Promise<UpdateProjectRequest | 'stage' | null> {
  const [current] = await listProjectSummaries(db, { ids: [id] });
  if (!current) return null;
  if (current.stage !== row.stage) return 'stage';
  const existing = await findProjectById(db, id);
  // Read-only columns (status, capital in place, updated) are exported for people, never read.
  const changes: UpdateProjectRequest = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fields: [keyof UpdateProjectRequest, unknown, unknown][] = [
    ['name', current.name, row.name ?? current.name],
    ['investor', current.investor, row.investor],
    ['enterpriseId', current.enterprise?.id ?? null, row.enterpriseId],
    ['nodeCode', current.node?.code ?? null, row.nodeCode],
    ['investmentYuan', current.investmentYuan, row.investmentYuan],
    ['expectedOutputYuan', current.expectedOutputYuan, row.expectedOutputYuan],
    ['outputStartYear', current.outputStartYear, row.outputStartYear],
    ['spaceNeed', current.spaceNeed, row.spaceNeed],
    ['spaceNeededFrom', current.spaceNeededFrom, row.spaceNeededFrom],
    ['parkId', current.park?.id ?? null, row.parkId],
    ['ownerId', current.owner?.id ?? null, row.ownerId],
    ['nextAction', current.nextAction, row.nextAction],
    ['nextActionOn', current.nextActionOn, row.nextActionOn],
    ['notes', existing?.notes ?? null, row.notes],
  ];
  for (const [key, was, now] of fields) {
    if (!same(was, now)) (changes as Record<string, unknown>)[key] = now;
  }
  return changes;
}

/**
 * Imports projects from a spreadsheet (XLSX, CSV or JSON Lines): rows with an id update that
 * project, rows without one create projects. All or nothing: any bad row and nothing is written;
 * the error names each row, column and reason. Stage changes go through moves, so a row may not
 * change an existing project's stage. Throws VALIDATION_FAILED with `details` listing the errors.
 */
export async function importProjects(
  db: Db,
  actor: { id: number | null; name: string },
  file: TableSource,
  defaults: { chainCode: string; regionCode?: string | undefined },
): Promise<ImportProjectsResult> {
  const table = await openTable(file);
  const mapping = mapProjectHeaders(table.headers);
  const cellsOf = (cells: string[]) => (column: ProjectColumn) => {
    const index = mapping.columns.indexOf(column);
    return {
      text: index < 0 ? '' : (cells[index] ?? ''),
      header: index < 0 ? '' : (table.headers[index] ?? column),
      unit: index < 0 ? null : (mapping.units[index] ?? null),
    };
  };
  const parkIds = new Map((await listParks(db)).map(({ park }) => [park.code, park.id]));
  const errors: ProjectRowError[] = mapping.unknown.map((name) => ({
    row: 1,
    column: name,
    value: name,
    reason: `unknown column; use ${PROJECT_COLUMN_KEYS.map((k) => PROJECT_COLUMNS[k].label).join(', ')}`,
    code: 'UNKNOWN_COLUMN' as const,
    params: { columns: PROJECT_COLUMN_KEYS.map((k) => PROJECT_COLUMNS[k].label).join('、') },
  }));
  const rows: ParsedRow[] = [];
  let rowsRead = 0;
  for await (const row of table.rows) {
    rowsRead++;
    const parsed = await parseRow(db, row.rowNumber, cellsOf(row.cells), defaults, errors, parkIds);
    if (parsed) rows.push(parsed);
  }
  const result: ImportProjectsResult = { rowsRead, created: 0, updated: 0, unchanged: 0 };
  try {
    await db.transaction(async (tx) => {
      for (const row of rows) {
        try {
          if (row.id === null) {
            await createProject(tx, actor, row.create);
            result.created++;
            continue;
          }
          const changes = await changesFor(tx, row.id, row.create);
          if (changes === null)
            throw new AppError('PROJECT_NOT_FOUND', `no project has id ${row.id}`);
          if (changes === 'stage') {
            throw new AppError(
              'STAGE_MOVE_INVALID',
              'the stage differs from the project\'s; move it with "project move" so the change is recorded',
            );
          }
          if (Object.keys(changes).length === 0) result.unchanged++;
          else {
            await updateProject(tx, actor, row.id, changes);
            result.updated++;
          }
        } catch (error) {
          if (!isAppError(error)) throw error;
          errors.push({
            row: row.rowNumber,
            column: columnOf(error.details),
            value: '',
            reason: error.message,
            ...reasonOf(error, row.id),
          });
        }
      }
      if (errors.length > 0) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (errors.length > 0) {
    const position = (column: string) => {
      const index = table.headers.indexOf(column);
      return index < 0 ? table.headers.length : index;
    };
    errors.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
    throw new AppError(
      'VALIDATION_FAILED',
      `${errors.length} error${errors.length === 1 ? '' : 's'} in ${tableSourceName(file)}, so nothing was imported: ` +
        errors
          .slice(0, 5)
          .map((e) => `row ${e.row}, ${e.column}: ${e.reason}`)
          .join('; ') +
        (errors.length > 5 ? '; …' : ''),
      errors.slice(0, 500),
    );
  }
  return result;
}

class RollBack extends Error {}

/** The reason code of a service's refusal of a row: its details' reason, or one by error code. */
function reasonOf(error: AppError, id: number | null): { code: RowReason; params?: ReasonParams } {
  const stated = (error.details as { reason?: unknown } | null)?.reason;
  if (ROW_REASONS.includes(stated as RowReason)) return { code: stated as RowReason };
  if (error.code === 'PROJECT_NOT_FOUND')
    return { code: 'PROJECT_ID_UNKNOWN', params: { id: id ?? '' } };
  if (error.code === 'STAGE_MOVE_INVALID') return { code: 'PROJECT_STAGE_CHANGED' };
  return { code: 'VALUE_INVALID', params: { message: error.message } };
}

function columnOf(details: unknown): string {
  const field = (details as { field?: unknown } | null)?.field;
  const byField: Record<string, ProjectColumn> = {
    enterpriseId: 'enterprise_id',
    nodeCode: 'node_code',
    parkId: 'park',
    ownerId: 'owner',
    name: 'name',
    region: 'region_code',
  };
  const column = typeof field === 'string' ? byField[field] : undefined;
  return column ? PROJECT_COLUMNS[column].label : '';
}
