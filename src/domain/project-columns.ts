import {
  PROJECT_STAGE_NAMES,
  PROJECT_STAGES,
  type ProjectStage,
  type SpaceNeed,
} from '../shared/api/projects.ts';
import { SPACE_KIND_NAMES, SPACE_KINDS, type SpaceKind } from '../shared/api/parks.ts';
import { refuse } from './cell-text.ts';
import {
  parseDate,
  parseMoney,
  parseMoneyUnit,
  type MoneyUnit,
  type ParseFailure,
} from './import-values.ts';

/**
 * The columns of a project spreadsheet (export and import): Chinese headers as people write them,
 * canonical keys for scripts; money in 万元 unless the header or cell says otherwise.
 */
export const PROJECT_COLUMNS = {
  id: { label: '编号', aliases: ['项目编号'] },
  name: { label: '项目名称', aliases: ['名称'] },
  chain: { label: '产业链', aliases: ['链'] },
  region_code: { label: '落地区域', aliases: ['区域代码', '行政区划代码'] },
  node_code: { label: '环节', aliases: ['产业链环节', '节点'] },
  stage: { label: '阶段', aliases: ['项目阶段'] },
  status: { label: '状态', aliases: [] },
  investor: { label: '投资方', aliases: ['投资主体'] },
  enterprise_id: { label: '企业编号', aliases: [] },
  investment: { label: '投资额', aliases: ['总投资', '计划投资'] },
  capital_in_place: { label: '到资', aliases: ['到资额', '实际到资'] },
  expected_output: { label: '预计年产值', aliases: ['达产产值', '预计产值'] },
  output_start_year: { label: '投产年份', aliases: ['产值起始年份'] },
  space_need: { label: '空间需求', aliases: ['用房需求', '载体需求'] },
  space_needed_from: { label: '用房时间', aliases: ['入驻时间'] },
  park: { label: '园区', aliases: ['意向园区'] },
  owner: { label: '负责人', aliases: ['招商负责人'] },
  next_action: { label: '下一步', aliases: ['下一步工作'] },
  next_action_on: { label: '下一步日期', aliases: [] },
  notes: { label: '备注', aliases: [] },
  updated_at: { label: '更新时间', aliases: [] },
} as const;

export type ProjectColumn = keyof typeof PROJECT_COLUMNS;

/**
 * Columns an export writes beside a code so a person can read it (the chain's, region's, node's,
 * enterprise's and park's names). The code is what counts: an import reads past these headers.
 */
export const PROJECT_REFERENCE_COLUMNS = {
  chain_name: { label: '产业链名称', after: 'chain' },
  region_name: { label: '地区', after: 'region_code' },
  node_name: { label: '环节名称', after: 'node_code' },
  enterprise_name: { label: '企业名称', after: 'enterprise_id' },
  park_name: { label: '园区名称', after: 'park' },
} as const satisfies Record<string, { label: string; after: ProjectColumn }>;
export type ProjectReferenceColumn = keyof typeof PROJECT_REFERENCE_COLUMNS;

/** An export's columns: the import's own, each code followed by its name. */
export const PROJECT_EXPORT_COLUMNS: readonly (ProjectColumn | ProjectReferenceColumn)[] =
  Object.keys(PROJECT_COLUMNS).flatMap((key) => [
    key as ProjectColumn,
    ...(Object.keys(PROJECT_REFERENCE_COLUMNS) as ProjectReferenceColumn[]).filter(
      (name) => PROJECT_REFERENCE_COLUMNS[name].after === key,
    ),
  ]);
export const PROJECT_COLUMN_KEYS = Object.keys(PROJECT_COLUMNS) as ProjectColumn[];
export const MONEY_PROJECT_COLUMNS: readonly ProjectColumn[] = [
  'investment',
  'capital_in_place',
  'expected_output',
];

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();
const BRACKETED = /[(（]([^)）]*)[)）]\s*$/;

/** Maps headers to columns and the money unit a header states; unknown headers map to null. */
export function mapProjectHeaders(headers: readonly string[]): {
  columns: (ProjectColumn | null)[];
  units: (MoneyUnit | null)[];
  unknown: string[];
} {
  const byName = new Map<string, ProjectColumn>();
  for (const key of PROJECT_COLUMN_KEYS) {
    const spec = PROJECT_COLUMNS[key];
    for (const name of [key, spec.label, ...spec.aliases]) byName.set(fold(name), key);
  }
  const reference = new Set(
    (Object.keys(PROJECT_REFERENCE_COLUMNS) as ProjectReferenceColumn[]).flatMap((name) => [
      fold(name),
      fold(PROJECT_REFERENCE_COLUMNS[name].label),
    ]),
  );
  const seen = new Set<ProjectColumn>();
  const unknown: string[] = [];
  const units: (MoneyUnit | null)[] = [];
  const columns = headers.map((header) => {
    const unitText = BRACKETED.exec(header)?.[1] ?? '';
    const column = byName.get(fold(header.replace(BRACKETED, ''))) ?? null;
    units.push(unitText ? parseMoneyUnit(unitText) : null);
    if (column === null || seen.has(column)) {
      if (header.trim() && !reference.has(fold(header))) unknown.push(header);
      return null;
    }
    seen.add(column);
    return column;
  });
  return { columns, units, unknown };
}

export type CellParse<T> = { ok: true; value: T } | ParseFailure;

/** A stage by code (signed) or Chinese name (签约). */
export function parseStage(text: string): CellParse<ProjectStage | null> {
  const value = fold(text);
  if (!value) return { ok: true, value: null };
  const stage = PROJECT_STAGES.find(
    (s) =>
      s === value ||
      fold(PROJECT_STAGE_NAMES[s].zh) === value ||
      fold(PROJECT_STAGE_NAMES[s].en) === value,
  );
  return stage
    ? { ok: true, value: stage }
    : refuse(
        'STAGE_UNKNOWN',
        `not a stage; use ${PROJECT_STAGES.map((s) => `${PROJECT_STAGE_NAMES[s].zh} (${s})`).join(', ')}`,
      );
}

function spaceKindOf(text: string): SpaceKind | null {
  const value = fold(text);
  return (
    SPACE_KINDS.find(
      (k) =>
        k === value ||
        fold(SPACE_KIND_NAMES[k].zh) === value ||
        fold(SPACE_KIND_NAMES[k].en) === value,
    ) ?? null
  );
}

/** A space need such as `湿实验室 2000；办公 500` or `wet_lab:2000; office:500` (m²). */
export function parseSpaceNeed(text: string): CellParse<SpaceNeed[]> {
  const parts = text
    .normalize('NFKC')
    .split(/[;,、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const need: SpaceNeed[] = [];
  for (const part of parts) {
    const match = /^(.+?)\s*[: ]\s*([\d.]+)\s*(?:m2|m²|平方米|平米)?$/i.exec(part);
    const kind = match ? spaceKindOf(match[1] ?? '') : null;
    const area = Number(match?.[2]);
    if (!match || !kind || !Number.isFinite(area) || area <= 0) {
      return refuse(
        'SPACE_NEED_FORMAT',
        `"${part}" is not kind and m²; write e.g. 湿实验室 2000；办公 500 (kinds: ${SPACE_KINDS.map((k) => SPACE_KIND_NAMES[k].zh).join('、')})`,
        { part },
      );
    }
    const same = need.find((n) => n.kind === kind);
    if (same) same.areaM2 += area;
    else need.push({ kind, areaM2: area });
  }
  return { ok: true, value: need };
}

/** The space need as one cell: `湿实验室 2000；办公 500`. */
export function formatSpaceNeed(need: readonly SpaceNeed[]): string {
  return need.map((n) => `${SPACE_KIND_NAMES[n.kind].zh} ${n.areaM2}`).join('；');
}

/** Money in 元 from a cell; 万元 unless the header or the cell states a unit. */
export function parseProjectMoney(
  text: string,
  headerUnit: MoneyUnit | null,
): CellParse<number | null> {
  const parsed = parseMoney(text, headerUnit, 'wan');
  return parsed.ok ? { ok: true, value: parsed.yuan } : parsed;
}

// Project dates lie ahead (next action, moving in), so the registry's "not in the future" rule
// is lifted to a horizon no project plans beyond.
const PLANNING_HORIZON = new Date(Date.UTC(2100, 0, 1));

/** A date in any spelling the registry import reads, future dates allowed. */
export function parseProjectDate(text: string): CellParse<string | null> {
  const parsed = parseDate(text.trim(), PLANNING_HORIZON);
  return parsed.ok ? { ok: true, value: parsed.date } : parsed;
}

/** A year from 2000 to 2100 ('2026', '2026年'). */
export function parseProjectYear(text: string): CellParse<number | null> {
  const value = text.normalize('NFKC').trim().replace(/年$/, '').replace(/\.0+$/, '');
  if (!value) return { ok: true, value: null };
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100
    ? { ok: true, value: year }
    : refuse('PROJECT_YEAR_RANGE', 'not a year from 2000 to 2100');
}
