import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import type { Database } from '../../db/connection.ts';
import { listRegionStats } from '../../db/region-stat.repository.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { importStats } from './import-stats.service.ts';
import {
  clusterStrengths,
  listLoadedStats,
  locationQuotients,
  shiftShareAnalysis,
} from './regional-analysis.service.ts';

const actor = { id: null, name: 'test' };
const work = mkdtempSync(join(tmpdir(), 'chainlead-stats-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

const HEADER =
  'region_code,region_name,scheme,industry_code,industry_name,industry_type,year,employment,establishments,payroll,output';
// Two regions, two traded industries and one local; 2020 and 2022.
const GOOD = [
  HEADER,
  'A,Alpha,toy,x,Gadgets,traded,2020,8,2,,',
  'A,Alpha,toy,y,Widgets,traded,2020,32,4,,',
  'A,Alpha,toy,z,Shops,local,2020,60,10,,',
  'B,Beta,toy,x,Gadgets,traded,2020,32,3,,',
  'B,Beta,toy,y,Widgets,traded,2020,28,5,,',
  'B,Beta,toy,z,Shops,local,2020,40,8,,',
  'A,Alpha,toy,x,Gadgets,traded,2022,14,2,,',
  'A,Alpha,toy,y,Widgets,traded,2022,36,4,,',
  'B,Beta,toy,x,Gadgets,traded,2022,46,3,,',
  'B,Beta,toy,y,Widgets,traded,2022,29,5,,',
].join('\r\n');

describe(`regional statistics: import and analysis (${testDatabaseKind()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('imports a CSV with a BOM, and a re-run changes nothing', async () => {
    const path = file('toy.csv', `\uFEFF${GOOD}\r\n`);
    const first = await importStats(database.db, actor, { file: path });
    expect(first).toMatchObject({
      status: 'done',
      encoding: 'utf8',
      rowsRead: 10,
      counts: { inserted: 10, updated: 0, unchanged: 0, rejected: 0 },
      schemes: [{ scheme: 'toy', years: [2020, 2022], regions: 2, industries: 3 }],
    });
    const again = await importStats(database.db, actor, { file: path });
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 10, rejected: 0 });

    const changed = file('toy-changed.csv', `${HEADER}\nA,,TOY,x,,traded,2020,9,2,,\n`);
    const update = await importStats(database.db, actor, { file: changed });
    expect(update.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    const [ax] = await listRegionStats(database.db, 'toy', [2020]);
    // The scheme is case-blind, an empty name keeps the stored one, the figure is replaced.
    expect(ax).toMatchObject({ regionCode: 'A', regionName: 'Alpha', industryName: 'Gadgets' });
    expect(ax?.employment).toBe(9);
    await importStats(database.db, actor, { file: path });
  });

  it('writes nothing when any row is invalid, and names row, column, value and reason', async () => {
    const bad = file(
      'bad.csv',
      [
        HEADER,
        'C,Gamma,toy,x,,traded,2021,10,1,,',
        'C,Gamma,toy,y,,traded,20x1,-5,1,,',
        'C,Gamma,toy,x,,traded,2021,11,1,,',
        ',Gamma,toy,z,,LOCAL,2021,1 200,,,',
        'C,Gamma,toy,x,,local,2022,3,1,,',
      ].join('\n'),
    );
    const result = await importStats(database.db, actor, { file: bad });
    expect(result.status).toBe('rolled_back');
    expect(result.counts).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 4 });
    expect(result.errors).toEqual([
      { row: 3, column: 'year', value: '20x1', reason: 'not a year', code: 'NOT_A_YEAR' },
      {
        row: 3,
        column: 'employment',
        value: '-5',
        reason: 'must not be negative',
        code: 'NOT_NEGATIVE',
      },
      {
        row: 4,
        column: 'region_code, scheme, industry_code, year',
        value: 'C, toy, x, 2021',
        reason: 'repeats row 2; each region, industry and year appears once',
        code: 'ROW_REPEATED',
        params: { first: 2 },
      },
      {
        row: 5,
        column: 'region_code',
        value: '',
        reason: 'region code is required',
        code: 'VALUE_REQUIRED',
      },
      expect.objectContaining({ row: 5, column: 'employment', value: '1 200' }),
      {
        row: 6,
        column: 'industry_type',
        value: 'local',
        reason: 'industry x is "traded" on row 2; an industry has one type',
        code: 'INDUSTRY_TYPE_CONFLICT',
        params: { industry: 'x', type: 'traded', first: 2 },
      },
    ]);
    // Row 2 was valid, but the file is all or nothing.
    expect(await listRegionStats(database.db, 'toy', [2021])).toEqual([]);
  });

  it('refuses an industry type that contradicts the stored one', async () => {
    const path = file('retype.csv', `${HEADER}\nA,,toy,y,,local,2024,5,1,,\n`);
    const result = await importStats(database.db, actor, { file: path });
    expect(result.status).toBe('rolled_back');
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'industry_type', 'local'],
    ]);
    expect(result.errors[0]?.reason).toMatch(
      /^stored figures of scheme toy give industry y the type "traded"/,
    );
    expect(await listRegionStats(database.db, 'toy', [2024])).toEqual([]);
  });

  it('keeps the stored industry types when a file has no type column', async () => {
    const typed = file('typed.csv', `${HEADER}\nA,Alpha,keep,x,Gadgets,traded,2020,8,2,,\n`);
    expect((await importStats(database.db, actor, { file: typed })).status).toBe('done');
    // A later year from a bureau that prints no type: neither a conflict nor a type lost.
    const header = HEADER.replace(',industry_type', '');
    const untyped = (name: string, rows: string[]) => file(name, [header, ...rows].join('\n'));
    const later = untyped('notype.csv', [
      'A,Alpha,keep,x,Gadgets,2023,15,2,,',
      'A,Alpha,keep,w,New,2023,3,1,,',
    ]);
    const result = await importStats(database.db, actor, { file: later });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('done');
    const stored = await listRegionStats(database.db, 'keep', [2020, 2023]);
    expect(stored.map((r) => [r.industryCode, r.year, r.industryType])).toEqual([
      ['w', 2023, null],
      ['x', 2020, 'traded'],
      ['x', 2023, 'traded'],
    ]);
    // The stored year again without types: its type stays.
    const again = untyped('notype-2020.csv', ['A,Alpha,keep,x,Gadgets,2020,9,2,,']);
    expect((await importStats(database.db, actor, { file: again })).status).toBe('done');
    expect((await listRegionStats(database.db, 'keep', [2020]))[0]).toMatchObject({
      employment: 9,
      industryType: 'traded',
    });
  });

  it('refuses a file without the key columns, naming them', async () => {
    const path = file('nokey.csv', 'region,industry,employment\nA,x,1\n');
    const error = await importStats(database.db, actor, { file: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /nokey\.csv: no column for region_code, scheme, industry_code, year\. Headers found: region, industry, employment/,
    );
    // The web app says it from the reason, naming the columns as people write them.
    expect((error as AppError).details).toMatchObject({
      reason: 'STATS_COLUMNS_MISSING',
      columns:
        '地区代码（region_code）、分类标准（scheme）、行业代码（industry_code）、年份（year）',
      headers: 'region, industry, employment',
    });
  });

  it('reads GB18030 CSV with Chinese headers and XLSX', async () => {
    const chinese = iconv.encode(
      '地区代码,地区名称,分类标准,行业代码,行业名称,行业类型,年份,从业人数,单位数,工资总额,产值\n' +
        '3202,无锡市,gbt4754,2761,生物药品制造,traded,2023,"1,200",15,,3.5e9\n',
      'gb18030',
    );
    const fromGb = await importStats(database.db, actor, { file: file('gb.csv', chinese) });
    expect(fromGb).toMatchObject({ status: 'done', encoding: 'gb18030', counts: { inserted: 1 } });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('stats');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '3201',
      '南京市',
      'gbt4754',
      '2761',
      '生物药品制造',
      'traded',
      2023,
      800,
      9,
      null,
      2.1e9,
    ]);
    const xlsx = join(work, 'stats.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await importStats(database.db, actor, { file: xlsx });
    expect(fromXlsx).toMatchObject({ status: 'done', counts: { inserted: 1 } });
    const rows = await listRegionStats(database.db, 'gbt4754', [2023]);
    expect(rows.map((r) => [r.regionCode, r.regionName, r.employment, r.output])).toEqual([
      ['3201', '南京市', 800, 2.1e9],
      ['3202', '无锡市', 1200, 3.5e9],
    ]);
  });

  it('lists what is loaded', async () => {
    const loaded = await listLoadedStats(database.db, 'TOY');
    expect(loaded.datasets).toEqual([
      {
        scheme: 'toy',
        year: 2020,
        regions: 2,
        industries: 3,
        rows: 6,
        industryTypes: ['local', 'traded'],
      },
      { scheme: 'toy', year: 2022, regions: 2, industries: 2, rows: 4, industryTypes: ['traded'] },
    ]);
    expect(loaded.regions).toEqual([
      { scheme: 'toy', regionCode: 'A', regionName: 'Alpha', years: [2020, 2022], industries: 3 },
      { scheme: 'toy', regionCode: 'B', regionName: 'Beta', years: [2020, 2022], industries: 3 },
    ]);
  });

  it('computes location quotients with names, filters and both denominators', async () => {
    const total = await locationQuotients(database.db, { scheme: 'toy', year: 2020 });
    expect(total).toMatchObject({ denominator: 'total', measure: 'employment', benchmark: null });
    expect(total.items).toHaveLength(6);
    const ax = total.items.find((r) => r.regionCode === 'A' && r.industryCode === 'x');
    // A: 8 of 100; both: 40 of 200.
    expect(ax).toMatchObject({ regionName: 'Alpha', industryName: 'Gadgets', value: 8 });
    expect(ax?.lq).toBeCloseTo(0.4, 12);
    const sameType = await locationQuotients(database.db, {
      scheme: 'toy',
      year: 2020,
      denominator: 'same-type',
      region: 'A',
      industry: 'x',
    });
    // A traded: 8 of 40; all traded: 40 of 100.
    expect(sameType.items).toHaveLength(1);
    expect(sameType.items[0]?.lq).toBeCloseTo(0.5, 12);
    const versusB = await locationQuotients(database.db, {
      scheme: 'toy',
      year: 2020,
      benchmark: 'B',
    });
    expect(new Set(versusB.items.map((r) => r.regionCode))).toEqual(new Set(['A']));
  });

  it('says what is loaded when a scheme or year is not, and refuses unknown regions', async () => {
    const missing = await locationQuotients(database.db, { scheme: 'naics', year: 2020 }).catch(
      (e: unknown) => e,
    );
    expect(missing).toMatchObject({ code: 'STATS_NOT_FOUND' });
    expect((missing as AppError).message).toMatch(
      /No statistics for scheme "naics" in 2020\. Loaded: .*toy 2020, toy 2022/,
    );
    const region = await locationQuotients(database.db, {
      scheme: 'toy',
      year: 2020,
      benchmark: 'Z',
    }).catch((e: unknown) => e);
    expect(region).toMatchObject({ code: 'REGION_NOT_FOUND' });
  });

  it('computes cluster strength and shift-share', async () => {
    const strength = await clusterStrengths(database.db, { scheme: 'toy', year: 2020 });
    expect(strength.denominator).toBe('same-type');
    expect(strength.items.map((r) => [r.regionCode, r.tradedEmployment])).toEqual(
      expect.arrayContaining([
        ['A', 40],
        ['B', 60],
      ]),
    );
    const shift = await shiftShareAnalysis(database.db, {
      scheme: 'toy',
      from: 2020,
      to: 2022,
      region: 'A',
    });
    // Local industry z has no 2022 figures: A loses its 60, B its 40 (gN over all industries).
    expect(shift.totals).toEqual([
      expect.objectContaining({
        regionCode: 'A',
        regionName: 'Alpha',
        base: 100,
        end: 50,
        change: -50,
      }),
    ]);
    for (const row of shift.items)
      expect(row.nationalShare + row.industryMix + row.regionalShare).toBe(row.change);
    const backwards = await shiftShareAnalysis(database.db, {
      scheme: 'toy',
      from: 2022,
      to: 2020,
    }).catch((e: unknown) => e);
    expect(backwards).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
