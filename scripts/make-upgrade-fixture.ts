/**
 * Writes src/db/upgrade-fixtures/<name>.sql: a database at a release's migration level, with a few
 * rows in each main table, as SQL that any PostgreSQL (PGlite or a server) loads. The upgrade test
 * loads it, runs today's migrations and checks every row survived.
 *
 *   npx tsx scripts/make-upgrade-fixture.ts --ref v0.2.0 [--name v0.2.0]
 *
 * The release's migrations come from git history (`git show REF:src/db/migrations/...`), run by
 * drizzle's migrator on an in-memory PGlite exactly as that release ran them; the rows come from
 * SEED below, written against that schema (when a release changes a main table, add its columns
 * here). See docs/releasing.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'src/db/upgrade-fixtures');

/** A few rows in each main table, as the release before the problems loop (0005) had them. */
const SEED = `
insert into region (code, name, level, parent_code) values
  ('32', '江苏省', 'province', null), ('3202', '无锡市', 'city', '32'),
  ('320214', '新吴区', 'county', '3202');
insert into app_setting (key, value) values ('fixture', '{"made":"upgrade fixture"}');
insert into park (id, code, name, name_en, region_code, address, focus_node_codes) values
  (1, 'fx-park-1', '无锡生命科技产业园', 'Wuxi Life Science Park', '320214', '新吴区 1 号', '{biomed.mid.drugs}'),
  (2, 'fx-park-2', '惠山生物医药园', 'Huishan Biomed Park', '3202', null, '{}');
insert into app_user (id, username, display_name, password_hash, role, park_id) values
  (1, 'fx-admin', '管理员', 'scrypt$fixture$not-a-real-hash', 'admin', null),
  (2, 'fx-analyst', '分析员', 'scrypt$fixture$not-a-real-hash', 'analyst', null),
  (3, 'fx-park', '园区', 'scrypt$fixture$not-a-real-hash', 'park', 1);
insert into chain (id, code, name_zh, name_en, industry_scheme, template_version, template_hash) values
  (1, 'fx-chain', '生物医药（样例）', 'Biomedicine (fixture)', 'GB/T 4754-2017', 1, 'fixture');
insert into chain_node (id, chain_id, parent_id, code, level, name_zh, name_en, weight, focus, sort_order, rules) values
  (1, 1, null, 'fx-chain.up', 'segment', '上游', 'Upstream', 1, false, 1, null),
  (2, 1, 1, 'fx-chain.up.api', 'node', '原料药', 'APIs', 0.5, true, 1, '{"industryCodes":["2710"]}'),
  (3, 1, null, 'fx-chain.mid', 'segment', '中游', 'Midstream', 1, false, 2, null);
insert into chain_flow (chain_id, from_node_id, to_node_id, note_zh, note_en) values
  (1, 2, 3, '原料供应', 'supplies');
insert into enterprise (id, region_code, uscc, name, name_en, aliases, address, founded_on,
    registered_capital_yuan, industry_code, business_scope, products, tags, park_id, source,
    status, name_key, match_keys, provenance) values
  (1, '320214', '91320214MA1XXXXX1A', '无锡样例药业有限公司', 'Wuxi Fixture Pharma', '{样例药业}',
   '新吴区 8 号', '2015-06-01', 50000000.00, '2710', '原料药生产', '{阿司匹林}', '{高新}', 1,
   'fixture', 'active', '样例药业', '{3202:样例药业}', '{"file":"fixture.csv","row":2}'),
  (2, '3202', null, '惠山样例器械有限公司', null, '{}', null, null, null, '3581', null, '{}', '{}',
   2, 'fixture', 'active', '样例器械', '{3202:样例器械}', '{}'),
  (3, '3202', null, '已注销样例公司', null, '{}', null, null, null, null, null, '{}', '{}', null,
   'fixture', 'closed', '已注销样例', '{}', '{}');
insert into enterprise_year (enterprise_id, region_code, year, revenue_yuan, output_yuan, tax_yuan,
    employees) values
  (1, '320214', 2023, 120000000, 110000000, 6000000, 320),
  (1, '320214', 2024, 150000000, 140000000, 7000000, 350),
  (2, '3202', 2024, 30000000, 28000000, 900000, 60);
insert into classification (enterprise_id, node_id, region_code, score, decision, is_primary,
    evidence, method) values
  (1, 2, '320214', 0.92, 'accepted', true, '{"keywords":["原料药"]}', 'rules'),
  (2, 3, '3202', 0.41, 'review', false, '{}', 'rules');
insert into region_stat (region_code, region_name, scheme, industry_code, industry_name,
    industry_type, year, employment, establishments, payroll, output) values
  ('3202', '无锡市', 'GB/T 4754-2017', '27', '医药制造业', 'division', 2023, 52000, 310, 7.5e9, 1.1e11),
  ('3202', '无锡市', 'GB/T 4754-2017', '27', '医药制造业', 'division', 2024, 54000, 322, 8.1e9, 1.2e11);
insert into park_space (id, park_id, code, building, kind, floor, area_m2, occupied_m2,
    available_from, rent_yuan_per_m2_month, reserved_m2) values
  (1, 1, 'A-101', 'A', 'lab', 1, 1200, 200, '2025-01-01', 55, 300),
  (2, 1, 'B-201', 'B', 'plant', 2, 5000, 0, null, 30, 0);
insert into project (id, chain_id, node_id, region_code, enterprise_id, name, investor, stage,
    status, investment_yuan, expected_output_yuan, output_start_year, space_need, park_id,
    owner_id, next_action, next_action_on, notes) values
  (1, 1, 2, '320214', 1, '样例原料药扩产项目', '样例投资', 'negotiating', 'active', 800000000,
   1200000000, 2027, '{"kind":"lab","areaM2":300}', 1, 2, '再次洽谈', '2025-03-01', null),
  (2, 1, 3, '3202', null, '样例器械新项目', null, 'lead', 'dropped', null, null, null, '{}', null,
   null, null, null, '投资方撤回');
insert into project_stage_event (project_id, kind, from_stage, to_stage, reason, actor_id,
    actor_name) values
  (1, 'stage', 'lead', 'negotiating', null, 2, 'fx-analyst'),
  (2, 'status', 'lead', 'lead', '投资方撤回', 2, 'fx-analyst');
insert into project_attachment (project_id, file_name, content_type, size_bytes, sha256, content,
    uploaded_by) values (1, '洽谈纪要.txt', 'text/plain', 5,
    '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', 'hello'::bytea, 'fx-analyst');
insert into space_reservation (project_id, space_id, park_id, kind, area_m2, status, note,
    reserved_by) values (1, 1, 1, 'lab', 300, 'reserved', '样例预留', 'fx-park');
insert into target (chain_id, node_id, region_code, metric, year, value) values
  (1, null, '3202', 'output', 2025, 2.5e11), (1, 2, '3202', 'output', 2025, 5e10);
insert into import_batch (kind, file_name, source, status, rows_read, counts, actor_name,
    finished_at) values
  ('enterprises', 'fixture.csv', 'fixture', 'done', 3, '{"inserted":3}', 'fx-admin', now());
insert into duplicate_candidate (enterprise_id, other_id, score, reasons, status, other_name) values
  (1, 2, 0.61, '{name}', 'open', '惠山样例器械有限公司');
insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, after) values
  (1, 'fx-admin', 'create', 'project', '1', '{"name":"样例原料药扩产项目"}');
`;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The release's migration folder, copied out of git history into a temporary folder. */
function migrationsAt(ref: string): { folder: string; sql: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'chainlead-upgrade-fixture-'));
  mkdirSync(join(folder, 'meta'));
  const journal = git('show', `${ref}:src/db/migrations/meta/_journal.json`);
  writeFileSync(join(folder, 'meta/_journal.json'), journal);
  const sql: string[] = [];
  for (const entry of (JSON.parse(journal) as { entries: { tag: string }[] }).entries) {
    const text = git('show', `${ref}:src/db/migrations/${entry.tag}.sql`);
    writeFileSync(join(folder, `${entry.tag}.sql`), text);
    sql.push(`-- migration ${entry.tag}\n${text.replaceAll('--> statement-breakpoint', '')}`);
  }
  return { folder, sql };
}

/** Tables in an order that inserts parents before children. */
async function tablesInInsertOrder(client: PGlite): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname in ('public', 'drizzle') order by 1`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `select format('%I.%I', cn.nspname, c.relname) as child,
              format('%I.%I', pn.nspname, p.relname) as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
       where k.contype = 'f' and k.conrelid <> k.confrelid`,
    )
  ).rows;
  const ordered: string[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) =>
        !ordered.includes(t) && edges.every((e) => e.child !== t || ordered.includes(e.parent)),
    );
    if (!next) throw new Error('foreign keys form a cycle');
    ordered.push(next);
  }
  return ordered;
}

/** Moves each serial column's sequence past the ids SEED wrote, as the release's inserts would. */
async function advanceSequences(client: PGlite): Promise<void> {
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `select s.oid::regclass::text as seq, format('%I.%I', n.nspname, t.relname) as tbl,
            quote_ident(a.attname) as col
     from pg_class s
     join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
     join pg_class t on t.oid = d.refobjid
     join pg_namespace n on n.oid = t.relnamespace
     join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
     where s.relkind = 'S'`,
  );
  for (const { seq, tbl, col } of owned.rows) {
    await client.query(
      `select setval($1, max(${col})) from ${tbl} having max(${col}) is not null`,
      [seq],
    );
  }
}

async function main(): Promise<void> {
  const ref = argument('ref');
  if (!ref) {
    console.error('Usage: npx tsx scripts/make-upgrade-fixture.ts --ref <git ref> [--name NAME]');
    process.exit(2);
  }
  const name = argument('name') ?? ref.replace(/[^\w.-]+/g, '-');
  const commit = git('rev-parse', `${ref}^{commit}`).trim();
  const { folder, sql: migrationSql } = migrationsAt(ref);
  const client = new PGlite();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: folder });
    await client.exec(SEED);
    await advanceSequences(client);
    const lines = [
      `-- chainlead upgrade fixture "${name}": the schema and a few rows of every main table as`,
      `-- the release at ${ref} (commit ${commit}) left them.`,
      '-- Made by scripts/make-upgrade-fixture.ts; do not edit by hand (see docs/releasing.md).',
      'create schema if not exists drizzle;',
      'create table if not exists drizzle.__drizzle_migrations ' +
        '(id serial primary key, hash text not null, created_at bigint);',
      ...migrationSql,
      '-- rows',
    ];
    for (const table of await tablesInInsertOrder(client)) {
      const rows = await client.query<{ line: string }>(
        `select format('insert into ${table} select * from json_populate_record(null::${table}, %L);',
                       row_to_json(t)::text) as line
         from ${table} t order by t::text collate "C"`,
      );
      lines.push(...rows.rows.map((r) => r.line));
    }
    const sequences = await client.query<{ line: string }>(
      `select format('select setval(%L, %s, %s);', s.seqrelid::regclass::text,
                     coalesce(pg_sequence_last_value(s.seqrelid), 1),
                     (pg_sequence_last_value(s.seqrelid) is not null)::text) as line
       from pg_sequence s order by 1`,
    );
    lines.push(...sequences.rows.map((r) => r.line));
    mkdirSync(OUT_DIR, { recursive: true });
    const out = join(OUT_DIR, `${name}.sql`);
    writeFileSync(out, `${lines.join('\n')}\n`);
    console.log(`Wrote ${out} (${ref} = ${commit.slice(0, 10)}).`);
  } finally {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
