import { basename } from 'node:path';
import { AppError } from '../../domain/app-error.ts';
import {
  blockingKeys,
  decideMatch,
  matchScore,
  type MatchDecision,
  type MatchRecord,
} from '../../domain/entity-matching.ts';
import { readTableFile } from '../tables/table-reader.ts';

interface IdentifiedRecord extends MatchRecord {
  id: string;
}

const ALIASES: Record<keyof Omit<IdentifiedRecord, 'nameEn'>, string[]> = {
  id: ['id', 'enterprise_id', '编号', '序号'],
  name: ['name', '企业名称', '名称', '公司名称'],
  address: ['address', '地址', '注册地址'],
  regionCode: ['region_code', '行政区划代码', 'region', 'country'],
  uscc: ['uscc', '统一社会信用代码'],
};

/** Reads a file of records to match: id, name, address, region_code, uscc (by name or Chinese header). */
async function readRecords(file: string): Promise<IdentifiedRecord[]> {
  const table = await readTableFile(file);
  const find = (names: string[]) =>
    table.headers.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const index = Object.fromEntries(
    Object.entries(ALIASES).map(([key, names]) => [key, find(names)]),
  ) as Record<keyof typeof ALIASES, number>;
  if (index.name < 0) {
    table.close();
    throw new AppError(
      'VALIDATION_FAILED',
      `${basename(file)}: no name column (name or 企业名称).`,
    );
  }
  const records: IdentifiedRecord[] = [];
  for await (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() || null : null);
    records.push({
      id: cell(index.id) ?? String(row.rowNumber),
      name: cell(index.name) ?? '',
      address: cell(index.address),
      regionCode: cell(index.regionCode),
      uscc: cell(index.uscc),
    });
  }
  return records;
}

export interface ScoredPair {
  leftId: string;
  rightId: string;
  score: number;
  decision: MatchDecision;
}

/**
 * Scores the record pairs of two files that share a blocking key, so a matcher can be measured
 * against labelled pairs. Pairs below the review threshold are left out unless `all` is set.
 */
export async function matchFiles(
  leftFile: string,
  rightFile: string,
  options: { all?: boolean } = {},
): Promise<ScoredPair[]> {
  const [left, right] = await Promise.all([readRecords(leftFile), readRecords(rightFile)]);
  const byKey = new Map<string, IdentifiedRecord[]>();
  for (const record of right) {
    for (const key of blockingKeys(record)) byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }
  const pairs: ScoredPair[] = [];
  for (const record of left) {
    const candidates = new Set(blockingKeys(record).flatMap((key) => byKey.get(key) ?? []));
    for (const other of candidates) {
      const score = matchScore(record, other);
      const decision = decideMatch(score);
      if (options.all || decision !== 'distinct') {
        pairs.push({ leftId: record.id, rightId: other.id, score, decision });
      }
    }
  }
  return pairs.sort((a, b) => b.score - a.score);
}
