import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/connection.ts';
import { normalizeEnterpriseName } from '../domain/enterprise-names.ts';
import { importEnterprises } from '../services/import/import-enterprises.service.ts';
import {
  scoreNeed,
  summarise,
  type MatchQuality,
  type MatchSet,
  type NeedResult,
} from '../services/ecology/match-quality.ts';
import type { Need, NeedMatches } from '../shared/api/needs.ts';
import { createApp } from './app.ts';

/** Every firm of the set and the buyer sit in one district, so "local first" decides nothing. */
export const MATCH_QUALITY_REGION = '320214';
const BUYER = '匹配质量评测采购方有限公司';

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const key = normalizeEnterpriseName;

/**
 * Measures a labelled set through the user's path: imports its firms (name and product names) and
 * a buyer into one district with the real importer, which classifies them onto the biomedical
 * chain; then, signed in as `admin`, publishes each need for the buyer through the API (the node
 * proposed from its text) and judges the top 5 proposed matches. `database` must be prepared
 * (migrated, installation set up with `adminPassword`) and hold no other enterprises.
 */
export async function measureMatchQuality(
  database: Database,
  set: MatchSet,
  adminPassword: string,
  onNeed?: (result: NeedResult) => void,
): Promise<MatchQuality> {
  const dir = mkdtempSync(join(tmpdir(), 'chainlead-match-quality-'));
  try {
    const file = join(dir, `${set.name}.csv`);
    const rows = [
      '企业名称,行政区划代码,主营产品',
      `${BUYER},${MATCH_QUALITY_REGION},`,
      ...set.firms.map((f) =>
        [f.name, MATCH_QUALITY_REGION, f.products.join('；')].map(csvCell).join(','),
      ),
    ];
    writeFileSync(file, rows.join('\r\n'));
    const imported = await importEnterprises(
      database.db,
      { id: null, name: 'match-quality' },
      { file, source: `eval/matchmaking/${set.name}` },
    );
    if (imported.counts.rejected > 0) {
      throw new Error(`${set.name}: ${imported.counts.rejected} firms rejected by the importer`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const app = createApp({ database, version: 'match-quality' });
  let cookie = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  await call('POST', '/api/auth/login', { username: 'admin', password: adminPassword });
  const stored: { id: number; name: string }[] = [];
  for (let page = 1; ; page += 1) {
    const list = await call<{ items: { id: number; name: string }[]; total: number }>(
      'GET',
      `/api/enterprises?region=${MATCH_QUALITY_REGION}&pageSize=500&page=${page}`,
    );
    stored.push(...list.items);
    if (list.items.length === 0 || stored.length >= list.total) break;
  }
  const setIdByName = new Map(set.firms.map((f) => [key(f.name), f.id]));
  const setIdOf = new Map(stored.map((e) => [e.id, setIdByName.get(key(e.name)) ?? null]));
  const buyerId = stored.find((e) => key(e.name) === key(BUYER))?.id;
  if (buyerId === undefined) throw new Error('the buyer was not imported');
  if (stored.length !== set.firms.length + 1) {
    throw new Error(
      `${set.name}: ${stored.length - 1} firms stored, ${set.firms.length} in the set`,
    );
  }

  const results: NeedResult[] = [];
  for (const need of set.needs) {
    const created = await call<Need>('POST', '/api/chains/biomed/needs', {
      enterpriseId: buyerId,
      product: need.product,
    });
    const matches = await call<NeedMatches>(
      'GET',
      `/api/chains/biomed/needs/${created.id}/matches`,
    );
    // A proposed enterprise outside the set (none but the buyer exists) counts as a miss.
    const ranked = matches.items.map(
      (m) => setIdOf.get(m.supplier.id) ?? `enterprise-${m.supplier.id}`,
    );
    const result = scoreNeed(need, ranked, created.node?.code ?? null);
    results.push(result);
    onNeed?.(result);
  }
  return summarise(results);
}
