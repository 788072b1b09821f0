import { rowErrorsRefusal } from '../tables/table-common.ts';
import { performance } from 'node:perf_hooks';
import { AppError, isAppError } from '../../domain/app-error.ts';
import { nulCellProblem, refuse, textCellProblem } from '../../domain/cell-text.ts';
import {
  MONEY_PROJECT_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_COLUMN_KEYS,
  PROJECT_EXPORT_COLUMNS,
  PROJECT_REFERENCE_COLUMNS,
  formatSpaceNeed,
  mapProjectHeaders,
  parseProjectDate,
  parseProjectMoney,
  parseProjectYear,
  parseSpaceNeed,
  parseStage,
  type CellParse,
  type ProjectColumn,
  type ProjectReferenceColumn,
} from '../../domain/project-columns.ts';
import { listChains } from '../../db/chain.repository.ts';
import { regionPaths } from '../reference/region-paths.ts';
import { regionPathText } from '../../shared/region-path.ts';
import type { Db } from '../../db/connection.ts';
import { listParks } from '../../db/park.repository.ts';
import { insertImportBatch, updateImportBatch } from '../../db/import.repository.ts';
import {
  existingEnterpriseIds,
  findActiveProjectsForEnterprise,
  findProjectById,
  findProjectsByNames,
  listProjectViews,
} from '../../db/project.repository.ts';
import { findUserByUsername } from '../../db/user.repository.ts';
import {
  PROJECT_STAGE_NAMES,
  PROJECT_TEXT_MAX,
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
import {
  loadChainContext,
  requireNode,
  requirePark,
  requireChain,
  requireRegion,
} from '../lookup/lookup.service.ts';
import { createProject, requireOwner, updateProject } from './project.service.ts';
import { listProjectBoard, listProjectSummaries } from './project-query.service.ts';

export type ProjectFileFormat = 'xlsx' | 'csv';

const MONEY_HEADER_UNIT = '（万元）';
function header(key: ProjectColumn | ProjectReferenceColumn): string {
  if (key in PROJECT_REFERENCE_COLUMNS) {
    return PROJECT_REFERENCE_COLUMNS[key as ProjectReferenceColumn].label;
  }
  const column = key as ProjectColumn;
  const unit = MONEY_PROJECT_COLUMNS.includes(column)
    ? MONEY_HEADER_UNIT
    : column === 'space_need'
      ? '（m²）'
      : '';
  return PROJECT_COLUMNS[column].label + unit;
}
const wan = (yuan: number | null) => (yuan === null ? null : yuan / 1e4);

/** What an export names beside the codes: chains by code, region paths by code, parks' codes. */
interface ExportNames {
  chains: Map<string, string>;
  regions: Map<string, string>;
  parkCodes: Map<number, string>;
}

function exportRow(p: ProjectSummary, notes: Map<number, string | null>, names: ExportNames) {
  const values: Record<ProjectColumn | ProjectReferenceColumn, string | number | null> = {
    id: p.id,
    name: p.name,
    chain: p.chainCode,
    chain_name: names.chains.get(p.chainCode) ?? null,
    region_code: p.regionCode,
    region_name: names.regions.get(p.regionCode) ?? null,
    node_code: p.node?.code ?? null,
    node_name: p.node?.name.zh ?? null,
    stage: PROJECT_STAGE_NAMES[p.stage].zh,
    status: p.status === 'active' ? '推进中' : '已放弃',
    investor: p.investor,
    enterprise_id: p.enterprise?.id ?? null,
    enterprise_name: p.enterprise?.name ?? null,
    investment: wan(p.investmentYuan),
    capital_in_place: wan(p.capitalInPlaceYuan),
    expected_output: wan(p.expectedOutputYuan),
    output_start_year: p.outputStartYear,
    space_need: formatSpaceNeed(p.spaceNeed),
    space_needed_from: p.spaceNeededFrom,
    park: p.park ? (names.parkCodes.get(p.park.id) ?? null) : null,
    park_name: p.park?.name ?? null,
    owner: p.owner?.username ?? null,
    next_action: p.nextAction,
    next_action_on: p.nextActionOn,
    notes: notes.get(p.id) ?? null,
    updated_at: p.updatedAt.slice(0, 10),
  };
  return PROJECT_EXPORT_COLUMNS.map((key) => values[key]);
}

/**
 * Writes the projects matching a query as a spreadsheet people read (Chinese headers, money in
 * 万元, names beside codes) that imports back unchanged. Returns the bytes and the row count.
 */
export async function exportProjects(
  db: Db,
  query: Partial<ProjectQuery>,
  format: ProjectFileFormat,
): Promise<{ bytes: Uint8Array; count: number }> {
  const board = await listProjectBoard(db, { status: 'all', ...query });
  const parks = await listParks(db);
  const paths = await regionPaths(
    db,
    board.items.map((p) => p.regionCode),
  );
  const names: ExportNames = {
    chains: new Map((await listChains(db)).map((c) => [c.code, c.nameZh])),
    regions: new Map(
      [...paths].map(([code, path]) => [code, regionPathText(path.map((step) => step.name))]),
    ),
    parkCodes: new Map(parks.map(({ park }) => [park.id, park.code])),
  };
  const views = await listProjectViews(db, { ids: board.items.map((p) => p.id) });
  const notes = new Map(views.map((v) => [v.project.id, v.project.notes]));
  const rows = board.items.map((p) => exportRow(p, notes, names));
  const headers = PROJECT_EXPORT_COLUMNS.map(header);
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
  /**
   * What the row says of the columns a file may not change (status and capital in place are
   * changed on the project, where each change is recorded): null where the cell is empty.
   */
  readOnly: { status: string | null; capitalInPlaceYuan: number | null };
}

const STATUS_TEXT = { active: '推进中', dropped: '已放弃' } as const;

/** A status cell as stored ('active' for 推进中), or the text as written when it is neither. */
function statusOf(text: string): string {
  const folded = text.trim().toLowerCase();
  for (const [status, name] of Object.entries(STATUS_TEXT)) {
    if (folded === status || folded === name) return status;
  }
  return text.trim();
}

/** The free-text columns of a project list, with the longest text each holds. */
const TEXT_COLUMNS_MAX: readonly (readonly [ProjectColumn, number])[] = [
  ['name', PROJECT_TEXT_MAX.name],
  ['investor', PROJECT_TEXT_MAX.investor],
  ['next_action', PROJECT_TEXT_MAX.nextAction],
  ['notes', PROJECT_TEXT_MAX.notes],
];

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
  userByName: (name: string) => ReturnType<typeof findUserByUsername>,
): Promise<ParsedRow | null> {
  const before = errors.length;
  // No column can store a NUL character, and text columns hold the limits the API holds a
  // project's text to (a longer cell was stored whole before): name the cell.
  const textMax = new Map(TEXT_COLUMNS_MAX);
  for (const column of Object.keys(PROJECT_COLUMNS) as ProjectColumn[]) {
    const { text: value, header: shown } = cell(column);
    const max = textMax.get(column);
    // A text column is held to its length and to showing something; every column to no NUL.
    const problem =
      max === undefined ? nulCellProblem(value) : textCellProblem(value, max, { visible: true });
    if (problem) errors.push({ row: rowNumber, column: shown || column, ...problem });
  }
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
    const owner = await userByName(ownerText);
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
  const statusText = text('status');
  const readOnly = {
    status: statusText === null ? null : statusOf(statusText),
    capitalInPlaceYuan: money('capital_in_place') ?? null,
  };
  return errors.length === before ? { rowNumber, id: id ?? null, create, readOnly } : null;
}

/**
 * The row's refusals for read-only columns that differ from the project (a new project starts
 * active with nothing in place): an edit there would otherwise be dropped without a word.
 */
function readOnlyErrors(
  row: ParsedRow,
  current: { status: string; capitalInPlaceYuan: number },
  cell: (column: ProjectColumn) => string,
): ProjectRowError[] {
  const errors: ProjectRowError[] = [];
  const { status, capitalInPlaceYuan } = row.readOnly;
  if (status !== null && status !== current.status) {
    const shown = STATUS_TEXT[current.status as keyof typeof STATUS_TEXT] ?? current.status;
    errors.push({
      row: row.rowNumber,
      column: cell('status'),
      value: status in STATUS_TEXT ? STATUS_TEXT[status as keyof typeof STATUS_TEXT] : status,
      reason: `the status differs from the project's (${shown}); drop or reopen the project on its page so the change is recorded`,
      code: 'PROJECT_STATUS_READ_ONLY',
      params: { current: shown },
    });
  }
  // Exported in 万元 and read back: equal to the yuan.
  if (
    capitalInPlaceYuan !== null &&
    Math.abs(capitalInPlaceYuan - current.capitalInPlaceYuan) >= 0.5
  ) {
    const wanText = String(current.capitalInPlaceYuan / 1e4);
    errors.push({
      row: row.rowNumber,
      column: cell('capital_in_place'),
      value: String(capitalInPlaceYuan / 1e4),
      reason: `capital in place differs from the project's recorded ${wanText} (10,000 yuan); record each arrival on the project's page`,
      code: 'PROJECT_CAPITAL_READ_ONLY',
      params: { current: wanText },
    });
  }
  return errors;
}

const COLUMN_OF_FIELD: Record<keyof UpdateProjectRequest, ProjectColumn> = {
  name: 'name',
  investor: 'investor',
  enterpriseId: 'enterprise_id',
  nodeCode: 'node_code',
  investmentYuan: 'investment',
  expectedOutputYuan: 'expected_output',
  outputStartYear: 'output_start_year',
  spaceNeed: 'space_need',
  spaceNeededFrom: 'space_needed_from',
  parkId: 'park',
  ownerId: 'owner',
  nextAction: 'next_action',
  nextActionOn: 'next_action_on',
  notes: 'notes',
};

/** The fields of an existing project that a row changes (stage excluded: it must match). */
async function changesFor(
  db: Db,
  id: number,
  row: CreateProjectRequest,
  options: { present: ReadonlySet<ProjectColumn>; blankKeeps: boolean },
): Promise<UpdateProjectRequest | 'stage' | null> {
  const [current] = await listProjectSummaries(db, { ids: [id] });
  if (!current) return null;
  if (options.present.has('stage') && current.stage !== row.stage) return 'stage';
  const existing = await findProjectById(db, id);
  // Read-only columns (status, capital in place, updated) are never written: a row whose status
  // or capital differs was refused by the check (readOnlyErrors).
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
    // A column the file lacks changes nothing; nor does an empty cell of a row matched by name
    // (it was a default when the row created the project: the owner, say).
    if (!options.present.has(COLUMN_OF_FIELD[key])) continue;
    if (options.blankKeeps && (now === null || (Array.isArray(now) && now.length === 0))) continue;
    if (!same(was, now)) (changes as Record<string, unknown>)[key] = now;
  }
  return changes;
}

/** Rows written per transaction: small enough that other requests wait for one batch, not the file. */
const IMPORT_BATCH_ROWS = 200;
/** A batch also ends once it has written for this long (a busy machine writes fewer rows). */
const IMPORT_BATCH_MS = 100;

/** A validated row and the project it changes: its id, or the project its name matched. */
interface PlannedRow extends ParsedRow {
  /** The row named no id, but its name is a project of the same chain and region. */
  matchedByName: boolean;
  /** The chain of a row that creates: known from the check, so writes look nothing up. */
  chainId: number | null;
}

const memo = <K, V>(load: (key: K) => Promise<V>) => {
  const cache = new Map<K, Promise<V>>();
  return (key: K): Promise<V> => {
    let found = cache.get(key);
    if (!found) {
      found = load(key);
      found.catch(() => undefined);
      cache.set(key, found);
    }
    return found;
  };
};

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Checks every parsed row against the database before anything is written, with read-only
 * look-ups done for the whole file (existing projects by id and by name, enterprises) or once per
 * distinct value (chains, regions, owners): the checks the writes would make, so that a bad row is
 * found before the first batch commits. Rows without an id whose name is a project of the same
 * chain and region are matched to it (a re-run of a file updates what it created).
 */
async function planRows(
  db: Db,
  rows: ParsedRow[],
  errors: ProjectRowError[],
  present: ReadonlySet<ProjectColumn>,
  headerOf: (column: ProjectColumn) => string,
): Promise<PlannedRow[]> {
  const chainContext = memo((code: string) => loadChainContext(db, code));
  const region = memo((code: string) => requireRegion(db, code));
  const owner = memo((id: number) => requireOwner(db, id));
  const park = memo((id: number) => requirePark(db, id, 'parkId'));
  const courted = memo((key: string) => {
    const [chainId, regionCode, enterpriseId] = key.split('|');
    return findActiveProjectsForEnterprise(db, {
      chainId: Number(chainId),
      regionCode: regionCode ?? '',
      enterpriseId: Number(enterpriseId),
    });
  });
  const refuse = (row: ParsedRow, id: number | null, error: unknown) => {
    if (!isAppError(error)) throw error;
    errors.push({
      row: row.rowNumber,
      column: columnOf(error.details),
      value: valueOf(error.details, row),
      reason: error.message,
      ...reasonOf(error, id),
    });
  };

  // Rows without an id: matched by name within their chain and region.
  const planned: PlannedRow[] = rows.map((row) => ({
    ...row,
    matchedByName: false,
    chainId: null,
  }));
  const newByChain = new Map<string, PlannedRow[]>();
  for (const row of planned) {
    if (row.id !== null || !row.create.name) continue;
    const list = newByChain.get(row.create.chainCode);
    if (list) list.push(row);
    else newByChain.set(row.create.chainCode, [row]);
  }
  for (const [code, list] of newByChain) {
    const context = await chainContext(code).catch(() => null);
    if (!context) continue; // refused per row below
    const byName = new Map<string, number>();
    for (const names of chunks([...new Set(list.map((r) => r.create.name ?? ''))], 1000)) {
      for (const found of await findProjectsByNames(db, context.chain.id, names)) {
        const key = `${found.regionCode}|${found.name}`;
        if (!byName.has(key)) byName.set(key, found.id);
      }
    }
    for (const row of list) {
      const id = byName.get(`${row.create.regionCode}|${row.create.name}`);
      if (id !== undefined) Object.assign(row, { id, matchedByName: true });
    }
  }

  // Existing projects, by id, in sets.
  const existing = new Map<number, ProjectSummary>();
  const ids = [...new Set(planned.flatMap((r) => (r.id === null ? [] : [r.id])))];
  for (const part of chunks(ids, 1000)) {
    for (const summary of await listProjectSummaries(db, { ids: part })) {
      existing.set(summary.id, summary);
    }
  }
  const enterprises = new Set<number>();
  const enterpriseIds = [
    ...new Set(
      planned.flatMap((r) => (r.create.enterpriseId == null ? [] : [r.create.enterpriseId])),
    ),
  ];
  for (const part of chunks(enterpriseIds, 1000)) {
    for (const id of await existingEnterpriseIds(db, part)) enterprises.add(id);
  }
  const knownParks = new Set((await listParks(db)).map(({ park: p }) => p.id));

  // One courtship per enterprise, chain and city, within the file too.
  const courtedInFile = new Map<string, number>();
  const valid: PlannedRow[] = [];
  for (const row of planned) {
    const { create } = row;
    try {
      let chainCode = create.chainCode;
      let regionCode = create.regionCode;
      let currentEnterprise: number | null = null;
      if (row.id !== null) {
        const current = existing.get(row.id);
        if (!current) {
          throw new AppError('PROJECT_NOT_FOUND', `No project has id ${row.id}.`, { field: 'id' });
        }
        if (present.has('stage') && current.stage !== create.stage) {
          throw new AppError(
            'STAGE_MOVE_INVALID',
            'the stage differs from the project\'s; move it with "project move" so the change is recorded',
            { field: 'stage' },
          );
        }
        chainCode = current.chainCode;
        regionCode = current.regionCode;
        currentEnterprise = current.enterprise?.id ?? null;
      } else {
        await region(create.regionCode);
      }
      const current = row.id === null ? undefined : existing.get(row.id);
      const readOnly = readOnlyErrors(
        row,
        current ?? { status: 'active', capitalInPlaceYuan: 0 },
        headerOf,
      );
      if (readOnly.length > 0) {
        errors.push(...readOnly);
        continue;
      }
      const context = await chainContext(chainCode);
      row.chainId = context.chain.id;
      if (create.nodeCode) requireNode(context, create.nodeCode, 'nodeCode');
      const enterpriseId = create.enterpriseId;
      if (enterpriseId != null) {
        if (!enterprises.has(enterpriseId)) {
          throw new AppError('ENTERPRISE_NOT_FOUND', `No enterprise has id ${enterpriseId}.`, {
            field: 'enterpriseId',
          });
        }
        const key = `${context.chain.id}|${regionCode.slice(0, 4)}|${enterpriseId}`;
        const target = row.id ?? -row.rowNumber;
        const first =
          enterpriseId === currentEnterprise
            ? undefined
            : (await courted(key)).find((p) => p.id !== row.id);
        const inFile = courtedInFile.get(key);
        if (first || (inFile !== undefined && inFile !== target)) {
          throw new AppError(
            'PROJECT_EXISTS',
            first
              ? `Enterprise ${enterpriseId} is already in the pipeline: project ${first.id} ` +
                  `"${first.name}". Update that project instead.`
              : `Enterprise ${enterpriseId} is courted by an earlier row of this file.`,
            { projectId: first?.id ?? null, field: 'enterpriseId' },
          );
        }
        courtedInFile.set(key, target);
      }
      if (create.parkId != null && !knownParks.has(create.parkId)) await park(create.parkId);
      if (create.ownerId != null) await owner(create.ownerId);
      valid.push(row);
    } catch (error) {
      refuse(row, row.id, error);
    }
  }
  return valid;
}

/** Writes one checked row inside its batch's transaction; throws the service's AppError. */
async function writeRow(
  tx: Db,
  actor: { id: number | null; name: string },
  row: PlannedRow,
  result: ImportProjectsResult,
  present: ReadonlySet<ProjectColumn>,
): Promise<void> {
  let id = row.id;
  let blankKeeps = row.matchedByName;
  if (id === null && row.create.name && row.chainId !== null) {
    // An earlier row of this file may have created the project this one names.
    const found = (await findProjectsByNames(tx, row.chainId, [row.create.name])).find(
      (p) => p.regionCode === row.create.regionCode,
    );
    id = found?.id ?? null;
    blankKeeps = true;
  }
  if (id === null) {
    await createProject(tx, actor, row.create);
    result.created++;
    return;
  }
  const changes = await changesFor(tx, id, row.create, { present, blankKeeps });
  if (changes === null) throw new AppError('PROJECT_NOT_FOUND', `no project has id ${id}`);
  if (changes === 'stage') {
    throw new AppError(
      'STAGE_MOVE_INVALID',
      'the stage differs from the project\'s; move it with "project move" so the change is recorded',
    );
  }
  if (Object.keys(changes).length === 0) result.unchanged++;
  else {
    await updateProject(tx, actor, id, changes);
    result.updated++;
  }
}

/**
 * Imports projects from a spreadsheet (XLSX, CSV or JSON Lines): rows with an id update that
 * project; rows without one update the project of the same chain and region with that name, or
 * create one. The whole file is checked first: any bad row and nothing is written, the error
 * naming each row, column and reason. Then rows are written in batches of 200, each its own
 * transaction, yielding between batches so that other requests are served meanwhile (on the
 * embedded database one long transaction would hold everyone). The import is recorded in
 * import_batch (kind 'projects') with its progress per batch; a run killed mid-way is marked failed
 * at the next start, and running the same file again completes it (written rows are matched, not
 * duplicated). Stage changes go through moves, so a row may not change an existing project's stage.
 * Throws VALIDATION_FAILED with `details` listing the errors.
 */
export async function importProjects(
  db: Db,
  actor: { id: number | null; name: string },
  file: TableSource,
  defaults: { chainCode: string; regionCode?: string | undefined },
  options: { batchRows?: number } = {},
): Promise<ImportProjectsResult> {
  // The defaults are the request's, not a row's: an unknown one is said once, naming its field.
  await requireChain(db, defaults.chainCode, 'chain');
  if (defaults.regionCode !== undefined) {
    await requireRegion(db, defaults.regionCode, { field: 'region' });
  }
  const table = await openTable(file);
  const shown = tableSourceName(file);
  const jobOptions = { chain: defaults.chainCode, region: defaults.regionCode ?? null };
  const job = await insertImportBatch(db, {
    kind: 'projects',
    fileName: shown,
    source: shown,
    options: jobOptions,
    actorName: actor.name,
  }).catch((error: unknown) => {
    table.close();
    throw error;
  });
  const result: ImportProjectsResult = { rowsRead: 0, created: 0, updated: 0, unchanged: 0 };
  const counts = (rowsWritten: number) => ({
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rowsWritten,
    total: result.rowsRead,
  });
  let rowsWritten = 0;
  try {
    const mapping = mapProjectHeaders(table.headers);
    const cellsOf = (cells: string[]) => (column: ProjectColumn) => {
      const index = mapping.columns.indexOf(column);
      return {
        text: index < 0 ? '' : (cells[index] ?? ''),
        header: index < 0 ? '' : (table.headers[index] ?? column),
        unit: index < 0 ? null : (mapping.units[index] ?? null),
      };
    };
    const present = new Set(mapping.columns.filter((c): c is ProjectColumn => c !== null));
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
    const userIds = memo((name: string) => findUserByUsername(db, name));
    for await (const row of table.rows) {
      result.rowsRead++;
      const parsed = await parseRow(
        db,
        row.rowNumber,
        cellsOf(row.cells),
        defaults,
        errors,
        parkIds,
        userIds,
      );
      if (parsed) rows.push(parsed);
    }
    const headerOf = (column: ProjectColumn) =>
      table.headers[mapping.columns.indexOf(column)] ?? PROJECT_COLUMNS[column].label;
    const planned = await planRows(db, rows, errors, present, headerOf);
    if (errors.length > 0) throw refusal(errors, table.headers, shown, null);

    const size = options.batchRows ?? IMPORT_BATCH_ROWS;
    while (rowsWritten < planned.length) {
      const rowErrors: ProjectRowError[] = [];
      const before = { ...result };
      let taken = 0;
      try {
        await db.transaction(async (tx) => {
          const started = performance.now();
          // Up to 200 rows, and no longer than the budget: other requests wait for one batch.
          while (taken < size && rowsWritten + taken < planned.length) {
            const row = planned[rowsWritten + taken] as PlannedRow;
            taken++;
            try {
              await writeRow(tx, actor, row, result, present);
            } catch (error) {
              if (!isAppError(error)) throw error;
              rowErrors.push({
                row: row.rowNumber,
                column: columnOf(error.details),
                value: '',
                reason: error.message,
                ...reasonOf(error, row.id),
              });
            }
            if (performance.now() - started > IMPORT_BATCH_MS) break;
          }
          if (rowErrors.length > 0) throw new RollBack();
          // The progress commits with the rows it counts: what survives a kill is exact.
          await updateImportBatch(tx, job.id, {
            rowsRead: rowsWritten + taken,
            counts: counts(rowsWritten + taken),
          });
        });
      } catch (error) {
        Object.assign(result, before);
        if (!(error instanceof RollBack)) throw error;
      }
      // Found only while writing (the data changed since the check): earlier batches stay.
      if (rowErrors.length > 0) throw refusal(rowErrors, table.headers, shown, rowsWritten);
      rowsWritten += taken;
      // Let the requests that queued during this batch run before the next one starts.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await updateImportBatch(db, job.id, {
      status: 'failed',
      rowsRead: rowsWritten,
      counts: counts(rowsWritten),
      errors: isAppError(error) && Array.isArray(error.details) ? error.details : [],
      message: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
    throw error;
  } finally {
    table.close();
  }
  await updateImportBatch(db, job.id, {
    status: 'done',
    rowsRead: rowsWritten,
    counts: counts(rowsWritten),
    finishedAt: new Date(),
  });
  return result;
}

/** The VALIDATION_FAILED of an import's refused rows, sorted by row and column. */
function refusal(
  errors: ProjectRowError[],
  headers: string[],
  shown: string,
  writtenBefore: number | null,
): AppError {
  const position = (column: string) => {
    const index = headers.indexOf(column);
    return index < 0 ? headers.length : index;
  };
  errors.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
  const outcome =
    writtenBefore === null
      ? 'so nothing was imported'
      : `so the import stopped after ${writtenBefore.toLocaleString('en')} rows (those are written; ` +
        'correct the file and run it again: rows already written are matched, not duplicated)';
  return rowErrorsRefusal(errors, shown, outcome, errors.slice(0, 500));
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

/** The row's value of the field an error names, as the file would show it; '' when none. */
function valueOf(details: unknown, row: ParsedRow): string {
  const field = (details as { field?: unknown } | null)?.field;
  const values: Record<string, unknown> = {
    id: row.id,
    enterpriseId: row.create.enterpriseId,
    nodeCode: row.create.nodeCode,
    parkId: row.create.parkId,
    ownerId: row.create.ownerId,
    name: row.create.name,
    region: row.create.regionCode,
    stage: row.create.stage,
  };
  const value = typeof field === 'string' ? values[field] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
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
    id: 'id',
    stage: 'stage',
  };
  const column = typeof field === 'string' ? byField[field] : undefined;
  return column ? PROJECT_COLUMNS[column].label : '';
}
