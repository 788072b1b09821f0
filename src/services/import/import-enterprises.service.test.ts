import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUscc } from '../../domain/uscc.ts';
import type { Database } from '../../db/connection.ts';
import { classification, enterprise, enterpriseYear } from '../../db/schema.ts';
import { settlePrimaryPlacements } from '../../db/classification.repository.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import {
  dismissDuplicate,
  listDuplicates,
  mergeDuplicate,
} from '../registry/duplicates.service.ts';
import { getEnterprise, searchEnterprises } from '../registry/enterprise-query.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { importEnterprises as importWith } from './import-enterprises.service.ts';
import { getImport } from './import-jobs.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'chainlead-import-'));
const actor = { id: null, name: 'test-importer' };
const USCC_A = buildUscc('320214', 'MA1XMP01');
const USCC_B = buildUscc('320206', 'MA1XMP02');
const HEADER =
  '统一社会信用代码,企业名称,行政区划代码,成立日期,注册资本（万元）,行业代码,经营范围,主营产品,从业人数,营业收入（万元）,年份,标签';

function csv(name: string, lines: string[], encoding: 'utf8' | 'gb18030' | 'bom' = 'utf8'): string {
  const file = join(dir, name);
  const text = [HEADER, ...lines].join('\r\n');
  if (encoding === 'gb18030') writeFileSync(file, iconv.encode(text, 'gb18030'));
  else writeFileSync(file, (encoding === 'bom' ? '\uFEFF' : '') + text);
  return file;
}

const GOOD = [
  `${USCC_A},无锡新测生物科技有限公司,320214,2019/3/5,500,2761,体外诊断试剂的研发、生产和销售,化学发光检测试剂盒；新冠抗原检测试剂盒,120,8000,2024,高新技术企业`,
  `${USCC_B},无锡惠泽制药有限公司,320206,2020年1月5日,1000,2720,化学药制剂的研发、生产,缓释片；肠溶片,80,5000,2024,`,
  `,无锡锡山康护医疗器械有限公司,320205,43835,200,,一次性使用无菌医疗器械的生产,一次性使用输液器,30,1200,2024,`,
];

// Every test runs with the rows read in-process and on the worker thread that large files use.
describe.each([
  { reading: 'in-process', worker: false },
  { reading: 'on a worker thread', worker: true },
])(`importing enterprises (${testDatabaseKind()}), rows read $reading`, ({ worker }) => {
  const importEnterprises: typeof importWith = (db, who, options) =>
    importWith(db, who, { ...options, worker });
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'test-admin-password' });
  });
  afterAll(async () => {
    await database.close();
  });

  const count = () => database.db.$count(enterprise);

  it('imports valid rows, rejects bad ones with row, column, value and reason', async () => {
    const file = csv('first.csv', [
      ...GOOD,
      `${USCC_A.slice(0, 17)}X,坏的代码企业,320214,,,,,,,,,`,
      `,,320214,,,,,,,,,`,
      `,日期错误企业,320214,2020-02-30,-5,27,,,abc,,2024,`,
      `,无区划企业,999999,,,,,,,,,`,
      // Cells no column can hold: a NUL character, a count past an integer column, 10^20 元.
      `,坏字符\u0000企业,320214,,,,,,,,,`,
      `,超大企业,320214,,,,,,2147483648,99999999999999999999,2024,`,
    ]);
    const result = await importEnterprises(database.db, actor, { file });
    expect(result.counts).toMatchObject({ inserted: 3, rejected: 6, updated: 0, merged: 0 });
    const reasons = result.errors.map((e) => `${e.row}:${e.column}:${e.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5:统一社会信用代码:the check character is wrong/),
        expect.stringMatching(/^6:企业名称:the enterprise name is required/),
        expect.stringMatching(/^7:成立日期:no such date/),
        expect.stringMatching(/^7:注册资本（万元）:must not be negative/),
        expect.stringMatching(/^7:从业人数:not a number/),
        expect.stringMatching(/^8:行政区划代码:no region has code 999999/),
        expect.stringMatching(/^9:企业名称:contains the NUL character/),
        expect.stringMatching(/^10:从业人数:too large/),
        expect.stringMatching(/^10:营业收入（万元）:too large/),
      ]),
    );
    expect(await count()).toBe(3);

    const found = await searchEnterprises(database.db, { q: '新测', page: 1, pageSize: 5 });
    const detail = await getEnterprise(database.db, found.items[0]?.id ?? 0);
    expect(detail).toMatchObject({
      uscc: USCC_A,
      foundedOn: '2019-03-05',
      registeredCapitalYuan: 5_000_000,
      products: ['化学发光检测试剂盒', '新冠抗原检测试剂盒'],
      // The qualification as typed becomes its tag code (issue 13).
      tags: ['high_tech'],
    });
    expect(detail.years).toEqual([
      expect.objectContaining({ year: 2024, revenueYuan: 80_000_000, employees: 120 }),
    ]);
    // Classified right after the import, with evidence.
    expect(detail.classifications.find((c) => c.primary)?.nodeCode).toBe('biomed.mid.ivd');
    const serial = await searchEnterprises(database.db, { q: '康护', page: 1, pageSize: 5 });
    expect((await getEnterprise(database.db, serial.items[0]?.id ?? 0)).foundedOn).toBe(
      '2020-01-05',
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    const years = await database.db.$count(enterpriseYear);
    const result = await importEnterprises(database.db, actor, { file: join(dir, 'first.csv') });
    expect(result.counts).toMatchObject({ inserted: 0, updated: 0, merged: 0, unchanged: 3 });
    expect(await count()).toBe(3);
    expect(await database.db.$count(enterpriseYear)).toBe(years);
  });

  it('updates a changed row and keeps where each change came from', async () => {
    const changed = GOOD[1]?.replace('80,5000,2024', '95,6500,2024') ?? '';
    const result = await importEnterprises(database.db, actor, {
      file: csv('changed.csv', [
        changed.replace('化学药制剂的研发、生产', '化学药制剂的研发、生产和销售'),
      ]),
      source: '统计局2024',
    });
    expect(result.counts).toMatchObject({ updated: 1, inserted: 0 });
    const [row] = await database.db.select().from(enterprise).where(sqlEq(enterprise.uscc, USCC_B));
    expect(row?.businessScope).toBe('化学药制剂的研发、生产和销售');
    expect(row?.provenance).toEqual([
      expect.objectContaining({ action: 'insert', source: 'first.csv' }),
      expect.objectContaining({
        action: 'update',
        source: '统计局2024',
        fields: ['businessScope'],
      }),
    ]);
  });

  it('merges a record without USCC by its normalised name, in GB18030 and full-width forms', async () => {
    const file = csv(
      'gbk.csv',
      [
        // The region code typed in full-width digits, as Chinese input methods give them.
        `,无锡锡山康护医疗器械有限责任公司,３２０２０５,,,,一次性使用无菌医疗器械的生产,一次性使用注射器,,,,`,
      ],
      'gb18030',
    );
    const result = await importEnterprises(database.db, actor, { file });
    expect(result.encoding).toBe('gb18030');
    expect(result.counts).toMatchObject({ merged: 1, inserted: 0 });
    expect(await count()).toBe(3);
  });

  it('--strict and --dry-run leave the database as it was', async () => {
    const before = await count();
    const strict = await importEnterprises(database.db, actor, {
      file: csv('strict.csv', [`,严格模式新企业有限公司,320214,,,,,,,,,`, `,,320214,,,,,,,,,`]),
      strict: true,
    });
    expect(strict.status).toBe('rolled_back');
    expect(strict.counts).toMatchObject({ inserted: 0, rejected: 1 });
    const dry = await importEnterprises(database.db, actor, {
      file: csv('dry.csv', [`,试运行企业有限公司,320214,,,,,,,,,`]),
      dryRun: true,
    });
    expect(dry.status).toBe('rolled_back');
    expect(dry.counts.inserted).toBe(1);
    expect(await count()).toBe(before);
  });

  it('queues near-duplicates for review; merge and dismiss close them', async () => {
    await importEnterprises(database.db, actor, {
      file: csv('near.csv', [
        `,无锡新测生物技术有限公司,320214,,,,体外诊断试剂,,,,,`,
        `,无锡惠泽药业有限公司,320206,,,,化学药制剂,,,,,`,
      ]),
    });
    const queue = await listDuplicates(database.db, { page: 1, pageSize: 10 });
    expect(queue.total).toBeGreaterThanOrEqual(1);
    const pair = queue.items.find((d) =>
      [d.enterprise.name, d.other.name].includes('无锡新测生物技术有限公司'),
    );
    expect(pair?.reasons.length).toBeGreaterThan(0);
    const before = await count();
    await mergeDuplicate(database.db, actor, pair?.id ?? 0);
    expect(await count()).toBe(before - 1);
    const kept = await getEnterprise(database.db, pair?.enterprise.id ?? 0);
    expect(
      kept.aliases.length + (kept.name === '无锡新测生物技术有限公司' ? 1 : 0),
    ).toBeGreaterThan(0);
    await expect(mergeDuplicate(database.db, actor, pair?.id ?? 0)).rejects.toThrow(
      /was already merged/,
    );
    // The history keeps the pair: what was merged into what, though the second record is gone.
    const merged = await listDuplicates(database.db, { status: 'merged', page: 1, pageSize: 10 });
    expect(merged.items).toEqual([
      expect.objectContaining({
        id: pair?.id,
        enterprise: pair?.enterprise,
        other: { id: null, name: pair?.other.name },
        status: 'merged',
      }),
    ]);
    const rest = await listDuplicates(database.db, { page: 1, pageSize: 10 });
    for (const item of rest.items) await dismissDuplicate(database.db, actor, item.id);
    expect((await listDuplicates(database.db, { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('matches look-alikes within one batch as it does across imports', async () => {
    // Rows without USCC: a place variant (a fuzzy match, merged) and a near name (a pair to
    // review). Batches adapt their size to time, so where one ends must not change the outcome.
    const rows = (word: string) => [
      `,无锡${word}生物科技有限公司,320211,,,,生物试剂,,,,,`,
      `,${word}生物科技(无锡)有限公司,320211,,,,生物试剂,,,,,`,
      `,无锡${word}生物技术有限公司,320211,,,,生物试剂,,,,,`,
    ];
    const open = async () => (await listDuplicates(database.db, { page: 1, pageSize: 1 })).total;
    const holders = async (word: string) =>
      (await searchEnterprises(database.db, { q: word, page: 1, pageSize: 10 })).total;
    const before = await open();
    const together = await importEnterprises(database.db, actor, {
      file: csv('one-batch.csv', rows('翠柏')),
    });
    const pairsTogether = (await open()) - before;
    const apart = { inserted: 0, merged: 0, unchanged: 0, possibleDuplicates: 0 };
    for (const [index, row] of rows('银杏').entries()) {
      const { counts } = await importEnterprises(database.db, actor, {
        file: csv(`apart-${index}.csv`, [row]),
      });
      for (const key of Object.keys(apart) as (keyof typeof apart)[]) apart[key] += counts[key];
    }
    expect(together.counts).toMatchObject({ inserted: 2, rejected: 0, possibleDuplicates: 1 });
    expect(together.counts.merged + together.counts.unchanged).toBe(1);
    expect(together.counts).toMatchObject(apart);
    expect(pairsTogether).toBe(1);
    expect((await open()) - before).toBe(2);
    expect(await holders('翠柏')).toBe(await holders('银杏'));
    const rest = await listDuplicates(database.db, { page: 1, pageSize: 50 });
    for (const item of rest.items) await dismissDuplicate(database.db, actor, item.id);
  });

  it('keeps branches of one firm, and names alike but for a number, as records of their own', async () => {
    const file = csv('branches.csv', [
      `,无锡康泰医疗器械有限公司滨湖分公司,320211,,,,医疗器械销售,,,,,`,
      `,无锡康泰医疗器械有限公司新吴分公司,320214,,,,医疗器械销售,,,,,`,
      `,测试康泰医疗有限公司1,320214,,,,医疗器械销售,,,,,`,
      `,测试康泰医疗有限公司10,320214,,,,医疗器械销售,,,,,`,
    ]);
    const first = await importEnterprises(database.db, actor, { file });
    expect(first.counts).toMatchObject({ inserted: 4, merged: 0, updated: 0 });
    const found = await searchEnterprises(database.db, { q: '康泰医疗', page: 1, pageSize: 10 });
    expect(found.items.map((e) => `${e.name} ${e.regionCode}`).sort()).toEqual([
      '无锡康泰医疗器械有限公司新吴分公司 320214',
      '无锡康泰医疗器械有限公司滨湖分公司 320211',
      '测试康泰医疗有限公司1 320214',
      '测试康泰医疗有限公司10 320214',
    ]);
    // Each row finds its own record again: nothing flips from one branch to the other.
    const again = await importEnterprises(database.db, actor, { file });
    expect(again.counts).toMatchObject({ inserted: 0, merged: 0, updated: 0, unchanged: 4 });
    const rest = await listDuplicates(database.db, { page: 1, pageSize: 50 });
    for (const item of rest.items) await dismissDuplicate(database.db, actor, item.id);
  });

  it('bounds the possible-duplicates queue: one pair per new enterprise, and a cap per import', async () => {
    const words = ['青松', '白桦', '红杉', '紫藤', '金桂'];
    await importEnterprises(database.db, actor, {
      file: csv(
        'originals.csv',
        words.map((w) => `,无锡${w}生物科技有限公司,320211,,,,生物试剂,,,,,`),
      ),
    });
    const open = async () => (await listDuplicates(database.db, { page: 1, pageSize: 1 })).total;
    const before = await open();
    const result = await importEnterprises(database.db, actor, {
      file: csv(
        'look-alikes.csv',
        words.map((w) => `,无锡${w}生物技术有限公司,320211,,,,生物试剂,,,,,`),
      ),
      duplicateCap: 2,
    });
    expect(result.counts).toMatchObject({ inserted: words.length, possibleDuplicates: 2 });
    expect((await open()) - before).toBe(2);
    const job = await getImport(database.db, result.importId);
    expect(job.message).toBe(
      'the possible-duplicates cap was reached: 2 pairs were queued for review and 3 more were ' +
        'not (each new enterprise queues at most its best look-alike)',
    );
    const rest = await listDuplicates(database.db, { page: 1, pageSize: 50 });
    for (const item of rest.items) await dismissDuplicate(database.db, actor, item.id);
  });

  it('reads XLSX and JSON Lines with the same columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    sheet.addRow(['企业名称', '行政区划代码', '成立日期', '营业收入(亿元)', '年份', '经营范围']);
    sheet.addRow([
      '无锡表格医疗科技有限公司',
      '320213',
      new Date(Date.UTC(2018, 4, 6)),
      1.5,
      2023,
      '医用成像设备的研发',
    ]);
    const xlsx = join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await importEnterprises(database.db, actor, { file: xlsx });
    expect(fromXlsx.counts.inserted).toBe(1);
    const jsonl = join(dir, 'rows.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ name: '无锡行数据科技有限公司', region_code: '320211', business_scope: '互联网医院平台运营' })}\n`,
    );
    expect((await importEnterprises(database.db, actor, { file: jsonl })).counts.inserted).toBe(1);
    const hit = await searchEnterprises(database.db, { q: '表格医疗', page: 1, pageSize: 1 });
    const detail = await getEnterprise(database.db, hit.items[0]?.id ?? 0);
    expect(detail.foundedOn).toBe('2018-05-06');
    expect(detail.years[0]).toMatchObject({ year: 2023, revenueYuan: 150_000_000 });
  });

  it('reads a JSON Lines key that only later lines carry, and checks its values', async () => {
    const file = join(dir, 'later-keys.jsonl');
    const lines = [
      { name: '无锡首行精简医药有限公司', region_code: '320211' },
      {
        name: '无锡次行完整医药有限公司',
        region_code: '320211',
        founded_on: '2016-03-04',
        products: ['注射剂', '口服液'],
      },
      { name: '无锡三行日期医药有限公司', region_code: '320211', founded_on: '2016-02-30' },
    ];
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    const result = await importEnterprises(database.db, actor, { file });
    expect(result.counts.inserted).toBe(2);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'founded_on', value: '2016-02-30' }),
    ]);
    const hit = await searchEnterprises(database.db, {
      q: '无锡次行完整医药',
      page: 1,
      pageSize: 1,
    });
    const detail = await getEnterprise(database.db, hit.items[0]?.id ?? 0);
    expect(detail.foundedOn).toBe('2016-03-04');
    expect(detail.products).toEqual(['注射剂', '口服液']);
    // A worker thread and --strict's second pass reread the file with the keys the first read found.
    const strict = await importEnterprises(database.db, actor, {
      file,
      strict: true,
      worker: true,
    });
    expect(strict.status).toBe('rolled_back');
    expect(strict.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'founded_on', value: '2016-02-30' }),
    ]);
    writeFileSync(
      file,
      lines
        .slice(0, 2)
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const again = await importEnterprises(database.db, actor, { file, strict: true, worker: true });
    expect(again.counts).toMatchObject({ rejected: 0, unchanged: 2 });
  });

  it('ignores a money column in a unit it cannot convert, naming the column and the unit', async () => {
    const file = join(dir, 'bad-unit.csv');
    writeFileSync(
      file,
      '企业名称,行政区划代码,营业收入（千元）,年份\n无锡千元单位测试有限公司,320214,3000,2024\n',
    );
    const result = await importEnterprises(database.db, actor, { file });
    expect(result.counts.inserted).toBe(1);
    expect(result.errors).toEqual([
      {
        row: 1,
        column: '营业收入（千元）',
        value: '千元',
        reason: 'unit 千元 is not supported; use 元, 万元 or 亿元; the column was ignored',
        code: 'HEADER_UNIT_UNSUPPORTED',
        params: { unit: '千元' },
      },
    ]);
  });

  it("fails on a broken quote mid-file with the reader's reason, file and row, as the import record says", async () => {
    const file = csv('broken-quote.csv', [
      ...GOOD.slice(0, 2),
      // Past the head the reader checks before the import starts.
      `,无锡长范围科技有限公司,320214,,,,${'医疗器械的研发'.repeat(12_000)},,,,,`,
      `,"无锡断引号科技有限公司,320214,,,,,,,,,`,
    ]);
    let importId = 0;
    const failure = await importEnterprises(database.db, actor, {
      file,
      onStart: (id) => (importId = id),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(String((failure as Error).message)).toMatch(/broken-quote\.csv/);
    const record = await getImport(database.db, importId);
    expect(record).toMatchObject({ status: 'failed' });
    expect(record.message).toBe((failure as Error).message);
    // The web says it from the code: which row, and what is wrong with it.
    expect(record.failure).toMatchObject({
      code: 'ROW_QUOTE_NOT_CLOSED',
      params: { file: 'broken-quote.csv', row: 5 },
    });
  });

  it("writes new records' placements with the primaries the settling rule gives, in bulk batches too", async () => {
    // Firms whose text reaches several nodes of a chain: which placement is primary matters.
    const scopes = [
      '化学药制剂、体外诊断试剂、医疗器械的研发、生产和销售',
      '生物制品、疫苗、单克隆抗体的研发；医疗器械租赁',
      '集成电路设计；半导体分立器件制造；电子元器件销售',
      '新能源汽车整车制造；动力电池、驱动电机的研发',
      '物联网技术服务；传感器制造；工业机器人制造',
    ];
    // Sixty names the matcher does not take for one firm (测试1 and 测试10 it would).
    const lines = Array.from({ length: 60 }, (_, i) => {
      const scope = scopes[i % scopes.length] ?? '';
      const trade = `${'甲乙丙丁戊己庚辛壬癸'.charAt(i % 10)}${'子丑寅卯辰巳'.charAt(i / 10)}`;
      return `,无锡多节点${trade}测试科技有限公司,320214,,,,${scope},,,,,`;
    });
    const batchings = ['interactive', 'bulk'] as const;
    for (const [round, batching] of batchings.entries()) {
      const file = csv(
        `settle-${round}.csv`,
        lines.map((l) => l.replace('测试', `测试${round}轮`)),
      );
      const result = await importEnterprises(database.db, actor, { file, batching });
      expect(result.counts).toMatchObject({ inserted: 60 });
    }
    const placements = async () =>
      (
        await database.db
          .select({
            enterpriseId: classification.enterpriseId,
            nodeId: classification.nodeId,
            isPrimary: classification.isPrimary,
          })
          .from(classification)
          .innerJoin(enterprise, eq(enterprise.id, classification.enterpriseId))
          .where(like(enterprise.name, '无锡多节点%'))
          .orderBy(classification.enterpriseId, classification.nodeId)
      ).map((p) => `${p.enterpriseId}:${p.nodeId}:${p.isPrimary}`);
    const written = await placements();
    // Several placements per firm, so that choosing the primary was a real choice.
    expect(written.length).toBeGreaterThan(240);
    const ids = [...new Set(written.map((p) => Number(p.split(':')[0])))];
    await settlePrimaryPlacements(database.db, ids, null);
    expect(await placements()).toEqual(written);
  });

  it('moves a firm to another county with its yearly figures and placements', async () => {
    const uscc = buildUscc('320214', 'MA1XMW01');
    const row = (region: string, year: number) =>
      `${uscc},无锡迁址诊断试剂有限公司,${region},2019/3/5,500,2761,体外诊断试剂的研发、生产和销售,化学发光检测试剂盒,120,8000,${year},`;
    await importEnterprises(database.db, actor, {
      file: csv('before-move.csv', [row('320214', 2023)]),
    });
    if (testDatabaseKind() === 'citus') {
      // A row's distribution value cannot change in place on Citus: the import says so.
      await expect(
        importEnterprises(database.db, actor, { file: csv('moved.csv', [row('320206', 2024)]) }),
      ).rejects.toThrow(/would move from region 320214 to 320206/);
      return;
    }
    const result = await importEnterprises(database.db, actor, {
      file: csv('moved.csv', [row('320206', 2024)]),
    });
    expect(result.counts).toMatchObject({ updated: 1, inserted: 0 });
    const [firm] = await database.db.select().from(enterprise).where(sqlEq(enterprise.uscc, uscc));
    const id = firm?.id ?? 0;
    expect(firm?.regionCode).toBe('320206');
    const years = await database.db
      .select({ year: enterpriseYear.year, region: enterpriseYear.regionCode })
      .from(enterpriseYear)
      .where(eq(enterpriseYear.enterpriseId, id));
    expect(years.map((y) => y.year).sort()).toEqual([2023, 2024]);
    const placements = await database.db
      .select({ region: classification.regionCode })
      .from(classification)
      .where(eq(classification.enterpriseId, id));
    expect(placements.length).toBeGreaterThan(0);
    // The analyses join figures and placements to the firm on region_code as well.
    expect(new Set([...years, ...placements].map((r) => r.region))).toEqual(new Set(['320206']));
  });

  it('keeps backslashes, tabs, line breaks and quotes in cells as written (COPY text escaping)', async () => {
    const uscc = buildUscc('320214', 'MA1XEXC1');
    const scope = 'C:\\data\\new 路径；第一行\n第二行\t制表\r\\N 不是空值';
    const products = ['含"引号"的试剂盒', '反斜杠\\片'];
    const file = csv('escapes.csv', [
      `${uscc},无锡转义测试生物科技有限公司,320214,,,,"${scope}","${products.join('；').replaceAll('"', '""')}",,,,`,
    ]);
    const result = await importEnterprises(database.db, actor, { file });
    expect(result.counts.inserted).toBe(1);
    const [row] = await database.db
      .select({ scope: enterprise.businessScope, products: enterprise.products })
      .from(enterprise)
      .where(eq(enterprise.uscc, uscc));
    expect(row).toEqual({ scope, products });
  });

  it('refuses a file without a name column, naming the file and what was found', async () => {
    const file = join(dir, 'no-name.csv');
    writeFileSync(file, 'uscc,address\n91320214MA1IMP01X,somewhere\n');
    await expect(importEnterprises(database.db, actor, { file })).rejects.toThrow(
      /no-name\.csv: no column for name \(企业名称\)\. Headers found: uscc, address/,
    );
  });
});

function sqlEq<T>(column: T, value: string) {
  return eq(column as never, value);
}
import { eq, like } from 'drizzle-orm';
