import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateList, RoadToTarget } from '../shared/api/attract.ts';
import type { ProjectBoard, ProjectDetail } from '../shared/api/projects.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-attract-cli-'));
const db = join(work, 'db');

const REGISTRY = [
  '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,工业总产值（万元）,年份',
  '天津命令行血液制品有限公司,120111,血液制品的研发、生产,人血白蛋白；静注人免疫球蛋白,150000,150000,2024',
  '成都命令行生物制品有限公司,510112,血液制品生产,人凝血因子VIII,40000,40000,2024',
  '无锡命令行血浆蛋白有限公司,320214,血液制品的研发、生产,人血白蛋白,90000,90000,2024',
  '无锡命令行医药物流有限公司,320206,药品批发,药品批发配送,80000,80000,2024',
].join('\n');

describe('investment commands as a user runs them', () => {
  let projectId = 0;
  let candidateId = 0;

  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code).toBe(0);
    const registry = join(work, 'registry.csv');
    writeFileSync(registry, REGISTRY);
    expect((await run(['--db', db, 'import', 'enterprises', registry])).code).toBe(0);
    expect((await run(['--db', db, 'classify', '--chain', 'biomed'])).code).toBe(0);
  }, 240_000);

  it('ranks candidates from outside the region, as CSV, JSON or a file', SPAWNING, async () => {
    const args = ['--db', db, 'attract', 'candidates', '--chain', 'biomed', '--region', '3202'];
    const csv = await run([...args, '--node', 'biomed.mid.blood', '--top', '5']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('enterprise_id,name,region_code,node_code,score,reasons');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([
      '天津命令行血液制品有限公司',
      '成都命令行生物制品有限公司',
    ]);
    expect(lines[1]).toMatch(
      /^\d+,天津命令行血液制品有限公司,120111,biomed\.mid\.blood,[\d.]+,已确认属于血液制品/,
    );

    const json = await run([...args, '--node', 'biomed.mid.blood', '--json']);
    const list = JSON.parse(json.stdout) as CandidateList;
    expect(list.nodes[0]).toMatchObject({
      code: 'biomed.mid.blood',
      status: 'weak',
      localEnterprises: 1,
    });
    expect(list.items.every((c) => !c.regionCode.startsWith('3202'))).toBe(true);
    candidateId = list.items[0]?.enterpriseId ?? 0;

    const out = join(work, 'candidates.csv');
    const file = await run([...args, '--out', out, '--lang', 'en']);
    expect(file.code).toBe(0);
    expect(file.stderr).toMatch(/Wrote \d+ candidates for \d+ nodes/);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^\uFEFFenterprise_id,name,region_code,node_code,score,reasons\n/,
    );
    expect(readFileSync(out, 'utf8')).toMatch(/confirmed on Blood products/);

    const unknown = await run([...args, '--node', 'biomed.mid.nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not a node of chain biomed/);
  });

  it('adds, moves and lists projects, refusing a skipped stage', SPAWNING, async () => {
    const user = await run(['--db', db, 'user', 'add', 'inv', '--role', 'investment']);
    expect(user.code).toBe(0);
    const noPark = await run(['--db', db, 'user', 'add', 'pk', '--role', 'park']);
    expect(noPark.code).toBe(2);
    expect(noPark.stderr).toMatch(/park user manages one park/);

    const add = await run([
      '--db',
      db,
      'project',
      'add',
      '--region',
      '3202',
      '--node',
      'biomed.mid.blood',
      '--enterprise',
      String(candidateId),
      '--amount',
      '5亿',
      '--output',
      '8亿',
      '--from-year',
      '2026',
      '--space',
      'gmp_plant:3000,office:500',
      '--owner',
      'inv',
      '--json',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const created = JSON.parse(add.stdout) as ProjectDetail;
    projectId = created.id;
    expect(created).toMatchObject({
      stage: 'lead',
      name: '天津命令行血液制品有限公司投资项目',
      investmentYuan: 5e8,
      expectedOutputYuan: 8e8,
      spaceNeed: [
        { kind: 'gmp_plant', areaM2: 3000 },
        { kind: 'office', areaM2: 500 },
      ],
      owner: { username: 'inv' },
    });

    const moved = await run(['--db', db, 'project', 'move', String(projectId), '--to', '在谈']);
    expect(moved.stdout).toMatch(/Moved project #\d+ .* — 在谈 \(negotiating\)/);
    const skipped = await run([
      '--db',
      db,
      'project',
      'move',
      String(projectId),
      '--to',
      'started',
    ]);
    expect(skipped.code).toBe(5);
    expect(skipped.stderr).toMatch(/STAGE_MOVE_INVALID.*one stage at a time/);

    const list = await run(['--db', db, 'project', 'list', '--json']);
    const board = JSON.parse(list.stdout) as ProjectBoard;
    expect(board.columns.find((c) => c.stage === 'negotiating')?.items.map((p) => p.id)).toEqual([
      projectId,
    ]);
    const text = await run(['--db', db, 'project', 'list', '--stage', 'negotiating']);
    expect(text.stdout).toMatch(
      /在谈 negotiating \(1, p=0\.3\)\n {2}#\d+ +天津命令行血液制品有限公司投资项目/,
    );

    const candidates = await run([
      '--db',
      db,
      'attract',
      'candidates',
      '--region',
      '3202',
      '--node',
      'biomed.mid.blood',
      '--json',
    ]);
    const after = JSON.parse(candidates.stdout) as CandidateList;
    expect(after.items.map((c) => c.enterpriseId)).not.toContain(candidateId);
  });

  it('shows the road to the target with the weighted pipeline', SPAWNING, async () => {
    const table = await run([
      '--db',
      db,
      'attract',
      'road',
      '--chain',
      'biomed',
      '--region',
      '3202',
    ]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/YEAR +ACTUAL +BASELINE +PIPELINE +PROJECTED +TARGET +GAP/);
    const json = await run(['--db', db, 'attract', 'road', '--region', '3202', '--json']);
    const road = JSON.parse(json.stdout) as RoadToTarget;
    const y2026 = road.years.find((y) => y.year === 2026);
    expect(y2026?.pipelineYuan).toBeCloseTo(0.3 * 8e8, 0);
    const off = await run([
      '--db',
      db,
      'attract',
      'road',
      '--region',
      '3202',
      '--exclude',
      String(projectId),
      '--json',
    ]);
    expect(
      (JSON.parse(off.stdout) as RoadToTarget).years.find((y) => y.year === 2026)?.pipelineYuan,
    ).toBe(0);
  });

  it('exports projects to Excel and imports the file back unchanged', SPAWNING, async () => {
    const xlsx = join(work, 'projects.xlsx');
    const exported = await run(['--db', db, 'project', 'export', '--out', xlsx]);
    expect(exported.code, exported.stderr).toBe(0);
    const back = await run(['--db', db, 'project', 'import', xlsx]);
    expect(back.stdout).toMatch(/1 rows read: 0 created, 0 updated, 1 unchanged/);
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, '项目名称,落地区域,阶段\n好项目,3202,线索\n坏项目,3202,谈判中\n');
    const refused = await run(['--db', db, 'project', 'import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/\n\s*3\s+阶段\s+谈判中\s+not a stage/);
    expect(refused.stderr).toMatch(/nothing was imported/);
    const list = JSON.parse(
      (await run(['--db', db, 'project', 'list', '--json'])).stdout,
    ) as ProjectBoard;
    expect(list.total).toBe(1);
  });
});
