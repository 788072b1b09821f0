import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
import { run } from '../test-support/cli-runner.ts';
import { readTableFile } from '../services/tables/table-reader.ts';

const work = mkdtempSync(join(tmpdir(), 'chainlead-registry-cli-'));
const db = join(work, 'db');
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

const REGISTRY = [
  '统一社会信用代码,企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份,标签',
  '91320214MA1XYW12XU,无锡脚本生物科技有限公司,320214,体外诊断试剂的研发、生产,质谱检测试剂（维生素、激素）；生化、免疫分析仪,2000,2024,高新技术企业',
  ',无锡命令行医疗器械有限公司,320206,医用成像设备的生产,彩色多普勒超声诊断仪；监护仪,3500,2024,',
  ',"=HYPERLINK(""http://x"")",320206,,,,,',
  '91320214MA1XYW12X5,坏校验位有限公司,320214,,,,,',
].join('\n');

describe('registry commands as a user runs them', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code).toBe(0);
  });

  it('imports with an error report, and --strict refuses the whole file', SPAWNING, async () => {
    const csv = file('registry.csv', REGISTRY);
    const errors = join(work, 'errors.csv');
    const strict = await run(['--db', db, 'import', 'enterprises', csv, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(/--strict: 1 invalid rows, so nothing was imported/);
    // A dry run of --strict says what the strict run would do: refuse, not what a plain run writes.
    const rehearsal = await run([
      '--db',
      db,
      'import',
      'enterprises',
      csv,
      '--strict',
      '--dry-run',
    ]);
    expect(rehearsal.code).toBe(2);
    expect(rehearsal.stdout).toMatch(
      /\(nothing written\): 0 inserted, 0 updated, 0 merged, 0 unchanged, 1 rejected/,
    );
    expect(rehearsal.stdout).toMatch(
      /--strict: 1 invalid rows, so a real run would import nothing/,
    );
    const plain = await run(['--db', db, 'import', 'enterprises', csv, '--dry-run']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /\(nothing written\): 3 inserted, 0 updated, 0 merged, 0 unchanged, 1 rejected/,
    );

    const result = await run(['--db', db, 'import', 'enterprises', csv, '--errors', errors]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /4 rows read \(utf8\): 3 inserted, 0 updated, 0 merged, 0 unchanged, 1 rejected/,
    );
    expect(result.stdout).toMatch(/row 5, 统一社会信用代码: the check character is wrong/);
    expect(readFileSync(errors, 'utf8')).toBe(
      '\uFEFFfile,row,column,value,reason\n' +
        'registry.csv,5,统一社会信用代码,91320214MA1XYW12X5,the check character is wrong (GB 32100-2015 expects U): a typo?\n',
    );
    const again = await run(['--db', db, 'import', 'enterprises', csv]);
    expect(again.stdout).toMatch(/0 inserted, 0 updated, 0 merged, 3 unchanged, 1 rejected/);
  });

  it(
    'exports enterprises in the import columns, formula-safe, and the export round-trips',
    SPAWNING,
    async () => {
      const out = join(work, 'export.csv');
      const exported = await run(['--db', db, 'export', 'enterprises', '--out', out]);
      expect(exported.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.split('\n')[0]).toBe(
        '\uFEFFuscc,name,name_en,region_code,region_name,address,founded_on,registered_capital,industry_code,industry_name,business_scope,products,employees,revenue,output,year,tags,chain_nodes',
      );
      // Names beside the codes for the reader; the import reads the codes and passes them by.
      expect(text).toMatch(/,320214,江苏省·无锡市·新吴区,/);
      expect(text).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)",/);
      // 、 inside brackets and inside an item separated by ； is part of the product.
      expect(text).toMatch(/,质谱检测试剂（维生素、激素）；生化、免疫分析仪,/);
      const reimport = await run(['--db', db, 'import', 'enterprises', out]);
      expect(reimport.stdout).toMatch(/0 inserted, 0 updated, 0 merged, 3 unchanged, 0 rejected/);

      const nowhere = join(work, 'nowhere.csv');
      const noRegion = await run([
        '--db',
        db,
        'export',
        'enterprises',
        '--region',
        '9999',
        '--out',
        nowhere,
      ]);
      expect(noRegion.code).toBe(4);
      expect(noRegion.stderr).toMatch(/No region has code 9999/);
      expect(existsSync(nowhere)).toBe(false);

      const xlsx = join(work, 'export.xlsx');
      expect((await run(['--db', db, 'export', 'enterprises', '--out', xlsx])).code).toBe(0);
      // A spreadsheet is for people: tags by name, read back as the same tags.
      const sheet = await readTableFile(xlsx);
      const tagsAt = sheet.headers.indexOf('标签');
      const tagCells: string[] = [];
      for await (const row of sheet.rows) tagCells.push(row.cells[tagsAt] ?? '');
      expect(tagCells).toContain('高新技术企业');
      expect(tagCells.join()).not.toMatch(/high_tech/);
      const fromXlsx = await run(['--db', db, 'import', 'enterprises', xlsx]);
      expect(fromXlsx.stdout).toMatch(/0 inserted, 0 updated, 0 merged, 3 unchanged, 0 rejected/);
    },
  );

  it('classifies and exports classifications with their evidence', SPAWNING, async () => {
    const classify = await run(['--db', db, 'classify', '--chain', 'biomed']);
    expect(classify.stdout).toMatch(/Classified 3 enterprises on "biomed": 2 on the chain/);
    expect(classify.stdout).toMatch(/biomed\.mid\.device\s+1/);
    const exported = await run(['--db', db, 'export', 'classifications', '--chain', 'biomed']);
    const lines = exported.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'enterprise_id,uscc,name,node_code,node_name,primary,score,decision,evidence',
    );
    expect(
      lines.some((l) =>
        /无锡命令行医疗器械有限公司,biomed\.mid\.device,医疗设备,true,[\d.]+,confirmed,.*「超声诊断仪」/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it('queues near-duplicates, lists, merges and undoes them', SPAWNING, async () => {
    const near = file('near.csv', '企业名称,行政区划代码\n无锡命令型医疗器械有限公司,320206\n');
    await run(['--db', db, 'import', 'enterprises', near]);
    const list = await run(['--db', db, 'duplicates', 'list', '--json']);
    const queue = JSON.parse(list.stdout) as { items: { id: number }[]; total: number };
    expect(queue.total).toBe(1);
    const merged = await run(['--db', db, 'duplicates', 'merge', String(queue.items[0]?.id)]);
    expect(merged.stdout).toMatch(/merged/);
    expect(
      JSON.parse((await run(['--db', db, 'duplicates', 'list', '--json'])).stdout),
    ).toMatchObject({ total: 0 });
    const history = await run(['--db', db, 'duplicates', 'list', '--status', 'merged']);
    expect(history.stdout).toMatch(/^1 merged possible duplicates/);
    const id = String(queue.items[0]?.id);
    const undone = await run(['--db', db, 'duplicates', 'undo', id]);
    expect(undone.stdout).toMatch(/merge undone, open again/);
    expect(
      JSON.parse((await run(['--db', db, 'duplicates', 'list', '--json'])).stdout),
    ).toMatchObject({ total: 1 });
    const twice = await run(['--db', db, 'duplicates', 'undo', id]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/is open, not merged: there is no merge to undo/);
    expect((await run(['--db', db, 'duplicates', 'merge', id])).code).toBe(0);
    const missing = await run(['--db', db, 'duplicates', 'dismiss', '999']);
    expect(missing.code).toBe(4);
  });

  it('scores record pairs of two files with the matcher', SPAWNING, async () => {
    const left = file(
      'left.csv',
      'id,name,address\nL1,阿斯利康（无锡）贸易有限公司,无锡市新吴区\nL2,Acme Garments Ltd,Dhaka\n',
    );
    const right = file(
      'right.csv',
      'id,name,address\nR1,阿斯利康(无锡)贸易有限公司,无锡市新吴区\nR2,Zeta Textiles,Lahore\n',
    );
    const out = join(work, 'pairs.csv');
    const result = await run(['match', left, right, '--out', out]);
    expect(result.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('left_id,right_id,score,decision');
    expect(rows).toContainEqual(expect.stringMatching(/^L1,R1,(1|0\.9\d*)\d*,match$/));
    expect(rows.some((r) => r.startsWith('L2,R2'))).toBe(false);
  });
});
