import { AppError } from '../../domain/app-error.ts';
import { listFigureYears } from '../../db/chain-analysis.repository.ts';
import {
  findChainByCode,
  listChainFlows,
  listChainNodes,
  type ChainFlowRow,
  type ChainNodeRow,
  type ChainRow,
} from '../../db/chain.repository.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { findParkByCode, findParkById, type ParkRow } from '../../db/park.repository.ts';
import { findProblemCategory, type ProblemCategoryRow } from '../../db/department.repository.ts';
import { findRegion, type RegionRow } from '../../db/region.repository.ts';
import { findUserById, findUserByUsername, type UserRow } from '../../db/user.repository.ts';

/*
 * The one place services look up what a request names (a chain, a node, a region, a year, a
 * park) and refuse what does not exist. Each error code has one message here, and its `details`
 * carry the parameters ({ chain }, { region }, { park }, { year, years }) so a client can say it
 * in its own language.
 */

/** A chain with its stages, nodes (below the stages) and flows, indexed for the services. */
export interface ChainContext {
  chain: ChainRow;
  stages: ChainNodeRow[];
  /** Segment and sub-segment nodes in template order. */
  nodes: ChainNodeRow[];
  flows: ChainFlowRow[];
  /** The flows as node codes, supplier first. */
  flowCodes: { from: string; to: string }[];
  nodeByCode: Map<string, ChainNodeRow>;
  nodeById: Map<number, ChainNodeRow>;
}

function chainNotFound(code: string, field?: string): AppError {
  return new AppError(
    'CHAIN_NOT_FOUND',
    `No chain has code "${code}"; GET /api/chains lists the chains loaded, "chainlead template load FILE" adds one.`,
    field === undefined ? { chain: code } : { chain: code, field },
  );
}

/** The chain with this code. Throws CHAIN_NOT_FOUND (naming `field`, the request's). */
export async function requireChain(db: DbOrTx, code: string, field?: string): Promise<ChainRow> {
  const chain = await findChainByCode(db, code);
  if (!chain) throw chainNotFound(code, field);
  return chain;
}

/** A chain with its stages, nodes and flows. Throws CHAIN_NOT_FOUND. */
export async function loadChainContext(db: DbOrTx, chainCode: string): Promise<ChainContext> {
  const chain = await requireChain(db, chainCode);
  const [all, flows] = await Promise.all([
    listChainNodes(db, chain.id),
    listChainFlows(db, chain.id),
  ]);
  const nodes = all.filter((n) => n.level !== 'stage');
  const codeById = new Map(all.map((n) => [n.id, n.code]));
  return {
    chain,
    stages: all.filter((n) => n.level === 'stage'),
    nodes,
    flows,
    flowCodes: flows.map((f) => ({
      from: codeById.get(f.fromNodeId) ?? '',
      to: codeById.get(f.toNodeId) ?? '',
    })),
    nodeByCode: new Map(nodes.map((n) => [n.code, n])),
    nodeById: new Map(nodes.map((n) => [n.id, n])),
  };
}

/** The node of a chain with this code. Throws VALIDATION_FAILED naming the field and the chain. */
export function requireNode(
  context: Pick<ChainContext, 'chain' | 'nodeByCode'>,
  code: string,
  field = 'node',
): ChainNodeRow {
  const node = context.nodeByCode.get(code);
  if (!node) {
    const chain = context.chain.code;
    throw new AppError(
      'VALIDATION_FAILED',
      `"${code}" is not a node of chain ${chain}; GET /api/chains/${chain} lists its node codes.`,
      { field, chain, node: code },
    );
  }
  return node;
}

/**
 * The region with this administrative code, optionally of one of `levels`. Throws
 * REGION_NOT_FOUND, or VALIDATION_FAILED when it is of another level.
 */
export async function requireRegion(
  db: DbOrTx,
  code: string,
  options: { levels?: readonly string[]; field?: string } = {},
): Promise<RegionRow> {
  const row = await findRegion(db, code);
  if (!row) {
    throw new AppError(
      'REGION_NOT_FOUND',
      `No region has code ${code}; use an administrative code such as 3202 (Wuxi) or 320214.`,
      options.field === undefined ? { region: code } : { region: code, field: options.field },
    );
  }
  if (options.levels && !options.levels.includes(row.level)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Region ${code} is a ${row.level}; use a region of level ${options.levels.join(' or ')}.`,
      { field: 'region', region: code, level: row.level, levels: options.levels },
    );
  }
  return row;
}

/**
 * The year to analyse: the one asked for if the registry holds figures for it, else the latest
 * with figures. Throws VALIDATION_FAILED when there are none (for that year, or at all).
 */
export async function resolveFigureYear(db: DbOrTx, year: number | undefined): Promise<number> {
  const years = await listFigureYears(db);
  const latest = years[0];
  if (latest === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The registry holds no yearly figures yet; import enterprises with a year and output or revenue first.',
      { field: 'year', years },
    );
  }
  if (year === undefined) return latest;
  if (!years.includes(year)) {
    const earliest = years.at(-1) ?? latest;
    throw new AppError(
      'VALIDATION_FAILED',
      `The registry holds no figures for ${year}; years with figures are ${earliest}–${latest}.`,
      { field: 'year', year, years },
    );
  }
  return year;
}

/** Checks a calendar year a plan or target may name. Throws VALIDATION_FAILED. */
export function requirePlanYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', `"${year}" is not a year between 1949 and 2100.`, {
      field,
      year,
    });
  }
  return year;
}

function parkNotFound(park: string | number, field: string | undefined): AppError {
  return new AppError(
    'PARK_NOT_FOUND',
    `No park has id or code "${park}"; GET /api/parks lists them.`,
    field === undefined ? { park } : { park, field },
  );
}

/** The park with this id, with its region's name. Throws PARK_NOT_FOUND (naming `field`). */
export async function requirePark(
  db: DbOrTx,
  id: number,
  field?: string,
): Promise<{ park: ParkRow; regionName: string | null }> {
  const found = await findParkById(db, id);
  if (!found) throw parkNotFound(id, field);
  return found;
}

/** The park with this id or code. Throws PARK_NOT_FOUND. */
export async function resolvePark(db: DbOrTx, ref: string | number): Promise<ParkRow> {
  const text = String(ref).trim();
  const found = /^\d+$/.test(text)
    ? (await findParkById(db, Number(text)))?.park
    : await findParkByCode(db, text);
  if (!found) throw parkNotFound(text, undefined);
  return found;
}

/** The user with this username or id. Throws USER_NOT_FOUND (naming `field`). */
export async function requireUser(
  db: DbOrTx,
  ref: string | number,
  field?: string,
): Promise<UserRow> {
  const found =
    typeof ref === 'number' ? await findUserById(db, ref) : await findUserByUsername(db, ref);
  if (!found) {
    throw new AppError(
      'USER_NOT_FOUND',
      `No user has the name or id "${ref}"; GET /api/users (or "chainlead user list") lists them.`,
      field === undefined ? { user: ref } : { user: ref, field },
    );
  }
  return found;
}

/**
 * An active category (a retired one too with `includeRetired`: a filter still finds the problems
 * filed under it). Throws CATEGORY_NOT_FOUND naming `field`.
 */
export async function requireCategory(
  tx: DbOrTx,
  code: string,
  options: { includeRetired?: boolean; field?: string } = {},
): Promise<ProblemCategoryRow> {
  const category = await findProblemCategory(tx, code);
  if (!category || (!category.active && !options.includeRetired)) {
    const which = options.includeRetired ? 'No' : 'No active';
    throw new AppError(
      'CATEGORY_NOT_FOUND',
      `${which} problem category has code "${code}"; GET /api/problem-categories lists them.`,
      { field: options.field ?? 'categoryCode', code },
    );
  }
  return category;
}
