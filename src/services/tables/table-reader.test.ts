import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/app-error.ts';
import { Readable } from 'node:stream';
import {
  readTable,
  readTableFile,
  type ReadTableOptions,
  type Table,
  type TableRow,
} from './table-reader.ts';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chainlead-table-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function rowsOf(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

async function readAll(file: string, options?: ReadTableOptions) {
  const table = await readTableFile(file, options);
  return { table, rows: await rowsOf(table) };
}

/** Reads to the end and returns the VALIDATION_FAILED message, failing the test otherwise. */
async function failure(file: string, options?: ReadTableOptions): Promise<string> {
  try {
    await readAll(file, options);
  } catch (error) {
    if (isAppError(error, 'VALIDATION_FAILED')) return error.message;
    throw error;
  }
  throw new Error(`${file} was read without an error`);
}

const HEADER = '统一社会信用代码,企业名称,注册资本（万元）,成立日期';
const ROW_A = '91440300708461136T,腾讯科技（深圳）有限公司,200,2000-02-24';
const ROW_B = '91320214MA1XYW12XX,无锡某某生物医药有限公司,"1,000",2019/7/1';

describe('readTable: CSV', () => {
  it('reads UTF-8 with the header as row 1 and the rows a person sees', async () => {
    const file = fixture('companies.csv', `${HEADER}\n${ROW_A}\n\n${ROW_B}\n`);
    const { table, rows } = await readAll(file);
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('utf8');
    expect(table.sheet).toBeNull();
    expect(table.headers).toEqual(['统一社会信用代码', '企业名称', '注册资本（万元）', '成立日期']);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: ['91440300708461136T', '腾讯科技（深圳）有限公司', '200', '2000-02-24'],
      },
      {
        rowNumber: 4,
        cells: ['91320214MA1XYW12XX', '无锡某某生物医药有限公司', '1,000', '2019/7/1'],
      },
    ]);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const file = fixture('bom.csv', `\uFEFF${HEADER}\r\n${ROW_A}\r\n`);
    const { table, rows } = await readAll(file);
    expect(table.encoding).toBe('utf8');
    expect(table.headers[0]).toBe('统一社会信用代码');
    expect(rows.map((row) => row.rowNumber)).toEqual([2]);
  });

  it('detects GB18030 as Chinese Excel writes it, including characters beyond GBK', async () => {
    const text = `${HEADER}\r\n${ROW_A}\r\n91110000X00000000X,𠮷野家（北京）餐饮有限公司,50,2010年3月1日\r\n`;
    const file = fixture('gbk.csv', iconv.encode(text, 'gb18030'));
    const { table, rows } = await readAll(file);
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['统一社会信用代码', '企业名称', '注册资本（万元）', '成立日期']);
    expect(rows[1]?.cells[1]).toBe('𠮷野家（北京）餐饮有限公司');
  });

  it('refuses UTF-8 with a damaged byte instead of reading it as GB18030, naming the line', async () => {
    const damaged = Buffer.concat([
      Buffer.from(`${HEADER}\n${ROW_A}\n91320214MA1XYW12XX,无锡药用`),
      Buffer.from([0xff]),
      Buffer.from('辅料有限公司,100,2019-07-01\n'),
    ]);
    expect(await failure(fixture('damaged.csv', damaged))).toMatch(
      /damaged\.csv row 3: is UTF-8 text with damaged characters/,
    );
    // GBK text of many different characters still reads as GB18030: it forms valid UTF-8
    // sequences only by chance, far fewer than the bytes where it breaks UTF-8.
    const names = [
      '无锡药明康德新药开发股份有限公司',
      '阿斯利康（无锡）贸易有限公司',
      '江苏恒瑞医药股份有限公司',
      '华润双鹤药业股份有限公司',
      '苏州信达生物制药有限公司',
      '上海联影医疗科技股份有限公司',
      '深圳迈瑞生物医疗电子股份有限公司',
      '北京同仁堂健康药业股份有限公司',
    ];
    const gbk = iconv.encode(
      `企业名称,经营范围\r\n${names.map((n) => `${n},药品研发、生产、销售；医疗器械经营`).join('\r\n')}\r\n`,
      'gbk',
    );
    const { table, rows } = await readAll(fixture('gbk-names.csv', gbk));
    expect(table.encoding).toBe('gb18030');
    expect(rows.map((row) => row.cells[0])).toEqual(names);
  });

  it('keeps UTF-8 when a character straddles the 64 KB sniffing boundary', async () => {
    // 65,535 bytes of ASCII put the three bytes of 药 across the boundary at 65,536.
    const filler = 'x'.repeat(65_535 - 'name\n'.length);
    const file = fixture('boundary.csv', `name\n${filler}药\n`);
    const { table, rows } = await readAll(file);
    expect(table.encoding).toBe('utf8');
    expect(rows[0]?.cells[0]?.endsWith('x药')).toBe(true);
  });

  it('gives multi-line cells the line they start on', async () => {
    // Excel writes CRLF between records and a bare LF inside cells.
    const text = [
      '企业名称,经营范围,主营产品',
      '甲公司,"药品研发\n技术服务",原料药',
      '乙公司,"第一行\n第二行\n第三行","片剂\r\n胶囊"',
      '',
      '丙公司,医疗器械,导管',
      '',
    ].join('\r\n');
    const { rows } = await readAll(fixture('multiline.csv', text));
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 4, 9]);
    expect(rows[1]?.cells).toEqual(['乙公司', '第一行\n第二行\n第三行', '片剂\r\n胶囊']);
  });

  it('reads tab-separated .txt and pads short rows', async () => {
    const file = fixture(
      'export.txt',
      '企业名称\t地址\t标签\n甲公司\t无锡市\n乙公司\t\t专精特新\n',
    );
    const { table, rows } = await readAll(file);
    expect(table.format).toBe('csv');
    expect(table.headers).toEqual(['企业名称', '地址', '标签']);
    expect(rows.map((row) => row.cells)).toEqual([
      ['甲公司', '无锡市', ''],
      ['乙公司', '', '专精特新'],
    ]);
  });

  it('ignores blank padding columns but refuses values with no header', async () => {
    const padded = fixture('padded.csv', '企业名称,地址,,\n甲公司,无锡市,,\n,,,\n');
    const { table, rows } = await readAll(padded);
    expect(table.headers).toEqual(['企业名称', '地址']);
    expect(rows).toEqual([{ rowNumber: 2, cells: ['甲公司', '无锡市'] }]);

    const stray = fixture('stray.csv', '企业名称,地址\n甲公司,无锡市\n乙公司,苏州市,备注在此\n');
    expect(await failure(stray)).toMatch(
      /stray\.csv row 3: column 3 \(C\) has a value \("备注在此"\) but no header/,
    );
  });

  it('names the file and the starting row of an unterminated quote', async () => {
    const text = `${HEADER}\n${ROW_A}\n\n91320214MA1XYW12XX,"无锡某某公司,100,2019-07-01\n${ROW_A}\n`;
    const message = await failure(fixture('companies-bad.csv', text));
    expect(message).toMatch(/companies-bad\.csv row 4: unterminated quote/);
  });

  it('fails on bytes that are not UTF-8 after a UTF-8 start, naming the line', async () => {
    const start = Buffer.from(`企业名称\n${'甲公司\n'.repeat(20_000)}`);
    const file = fixture('mixed.csv', Buffer.concat([start, iconv.encode('乙公司\n', 'gbk')]));
    expect(await failure(file)).toMatch(/mixed\.csv row 20002: is not valid UTF-8/);
  });

  it('lets the caller stop early or not start at all', async () => {
    const file = fixture('many.csv', `企业名称\n${'甲公司\n'.repeat(100_000)}`);
    const stopped = await readTableFile(file);
    for await (const row of stopped.rows) {
      expect(row).toEqual({ rowNumber: 2, cells: ['甲公司'] });
      break;
    }
    expect(stopped.progress().bytesRead).toBeLessThan(stopped.progress().totalBytes);
    const unread = await readTableFile(file);
    expect(unread.headers).toEqual(['企业名称']);
    unread.close();
  });

  it('can be told the encoding', async () => {
    const file = fixture('told.csv', iconv.encode(`${HEADER}\n${ROW_A}\n`, 'gb18030'));
    const { table, rows } = await readAll(file, { encoding: 'gb18030' });
    expect(table.encoding).toBe('gb18030');
    expect(rows[0]?.cells[1]).toBe('腾讯科技（深圳）有限公司');
    expect(await failure(file, { encoding: 'utf8' })).toMatch(
      /told\.csv row 1: is not valid UTF-8/,
    );
  });
});

describe('readTable: files it refuses', () => {
  it('refuses an empty file', async () => {
    expect(await failure(fixture('empty.csv', ''))).toMatch(/empty\.csv: the file is empty/);
    expect(await failure(fixture('blank.csv', '\n\n ,, \n'))).toMatch(/blank\.csv: is empty/);
  });

  it('refuses old binary Excel files and tells the user what to save instead', async () => {
    const file = fixture(
      'companies.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    expect(await failure(file)).toMatch(/companies\.xls: .*save it as \.xlsx or "CSV UTF-8"/);
    // Renaming does not help: the content gives it away.
    const renamed = fixture(
      'renamed.csv',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    expect(await failure(renamed)).toMatch(/renamed\.csv: is an old binary Excel file/);
  });

  it('says a missing file is missing, naming it as given', async () => {
    const given = relative(process.cwd(), join(dir, 'companies.csv.missing.csv'));
    expect(await failure(given)).toBe(`${given}: no such file`);
    expect(await failure(join(dir, 'nope.csv'))).toBe(`${join(dir, 'nope.csv')}: no such file`);
  });

  it('refuses unknown extensions and UTF-16 text', async () => {
    expect(await failure(fixture('companies.pdf', 'x'))).toMatch(/extension "\.pdf"/);
    const utf16 = fixture(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('企业名称\n', 'utf16le')]),
    );
    expect(await failure(utf16)).toMatch(/unicode\.txt: is UTF-16 text/);
  });
});

async function writeWorkbook(name: string, build: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('readTable: XLSX', () => {
  let file = '';

  beforeAll(async () => {
    file = await writeWorkbook('companies.xlsx', (workbook) => {
      const notes = workbook.addWorksheet('说明');
      notes.addRow(['本表为示例']);
      const sheet = workbook.addWorksheet('企业名录');
      sheet.addRow(['企业名称', '注册资本（万元）', '成立日期', '产值', '备注', '核准日期']);
      sheet.addRow([
        '甲公司',
        1234567.5,
        new Date(Date.UTC(2020, 0, 5)),
        { formula: 'B2*2', result: 2469135 },
        { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] },
        { formula: 'DATE(2021,3,4)', result: 44259 },
      ]);
      sheet.getCell('F2').numFmt = 'yyyy-mm-dd';
      sheet.addRow([]);
      sheet.addRow([
        '乙公司',
        0.1 + 0.2,
        null,
        { formula: 'B4*0', result: 0 },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        true,
      ]);
    });
  });

  it('reads numbers, dates, formulas and rich text as the text a person sees', async () => {
    const { table, rows } = await readAll(file, { sheet: '企业名录' });
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toBe('企业名录');
    expect(table.headers).toEqual([
      '企业名称',
      '注册资本（万元）',
      '成立日期',
      '产值',
      '备注',
      '核准日期',
    ]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: ['甲公司', '1234567.5', '2020-01-05', '2469135', '富文本', '2021-03-04'],
      },
      { rowNumber: 4, cells: ['乙公司', '0.3', '', '0', '#ERROR!', 'TRUE'] },
    ]);
  });

  it('reads the first sheet unless told otherwise', async () => {
    const { table, rows } = await readAll(file);
    expect(table.sheet).toBe('说明');
    expect(table.headers).toEqual(['本表为示例']);
    expect(rows).toEqual([]);
  });

  it('lists the sheets when the one asked for is missing', async () => {
    expect(await failure(file, { sheet: 'Sheet1' })).toMatch(
      /companies\.xlsx: has no sheet named "Sheet1"; its sheets are "说明", "企业名录"/,
    );
  });

  it('refuses a formula without a saved result, naming the cell', async () => {
    const bare = await writeWorkbook('bare-formula.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['企业名称', '产值']);
      sheet.addRow(['甲公司', { formula: 'SUM(1,2)' }]);
    });
    expect(await failure(bare)).toMatch(
      /bare-formula\.xlsx row 2: cell B2 is a formula with no saved result/,
    );
  });

  it('refuses a damaged workbook', async () => {
    const whole = readFileSync(file);
    const cut = fixture('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await failure(cut)).toMatch(/cut\.xlsx: cannot read the workbook/);
  });

  it('refuses text dressed up as a workbook', async () => {
    expect(await failure(fixture('fake.xlsx', '企业名称\n甲公司\n'))).toMatch(
      /fake\.xlsx: is not an XLSX workbook/,
    );
  });

  it('lets the caller stop early', async () => {
    const table = await readTableFile(file, { sheet: '企业名录' });
    for await (const row of table.rows) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    table.close();
  });
});

describe('readTable: JSON Lines', () => {
  it('takes as headers every key any line has, in the order they first appear', async () => {
    const lines = [
      '{"企业名称":"甲公司","注册资本":200,"主营产品":["原料药","制剂"]}',
      '',
      '{"企业名称":"乙公司","注册资本":null,"法定代表人":"张三"}',
      '{"企业名称":"丙公司","主营产品":"导管","注册资本":12.5,"高新":true}',
    ];
    const { table, rows } = await readAll(fixture('companies.jsonl', `${lines.join('\n')}\n`));
    expect(table.format).toBe('jsonl');
    expect(table.headers).toEqual(['企业名称', '注册资本', '主营产品', '法定代表人', '高新']);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['甲公司', '200', '原料药；制剂', '', ''] },
      { rowNumber: 3, cells: ['乙公司', '', '', '张三', ''] },
      { rowNumber: 4, cells: ['丙公司', '12.5', '导管', '', 'true'] },
    ]);
  });

  it('names the line of invalid JSON and of values that are not records', async () => {
    const broken = fixture('broken.ndjson', '{"企业名称":"甲公司"}\n{"企业名称":"乙公司",}\n');
    expect(await failure(broken)).toMatch(/broken\.ndjson row 2: not valid JSON/);
    const listed = fixture('listed.jsonl', '{"企业名称":"甲公司"}\n["乙公司"]\n');
    expect(await failure(listed)).toMatch(/listed\.jsonl row 2: expected a JSON object/);
    const nested = fixture('nested.jsonl', '{"企业名称":"甲公司","地址":{"市":"无锡"}}\n');
    expect(await failure(nested)).toMatch(/nested\.jsonl row 1: "地址" holds an object/);
  });
});

describe('readTable: streaming', () => {
  it('reads 200,000 rows (~40 MB) without holding the file in memory', async () => {
    const file = join(dir, 'large.csv');
    const out = createWriteStream(file);
    out.write(`${HEADER},地址,经营范围\n`);
    const address = '江苏省无锡市新吴区菱湖大道二百号中国传感网国际创新园';
    const scope = '生物医药技术开发、技术咨询、技术服务；药品研发；医疗器械销售';
    for (let i = 0; i < 200_000; i++) {
      const line = `9132021400000${String(i).padStart(5, '0')},无锡第${i}号生物医药有限公司,${i % 9999},2015-06-${String((i % 28) + 1).padStart(2, '0')},${address},"${scope}"\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let count = 0;
    let firstRowProgress = 1;
    const table = await readTableFile(file);
    for await (const row of table.rows) {
      if (count === 0) firstRowProgress = table.progress().bytesRead / table.progress().totalBytes;
      count++;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (count === 200_000) expect(row.rowNumber).toBe(200_001);
    }
    expect(count).toBe(200_000);
    // The first row arrives after a few chunks, not after the whole file has been read.
    expect(firstRowProgress).toBeLessThan(0.05);
    // Streaming grows the heap by about 30 MB here; holding the parsed file grows it by about 150.
    expect(peak - base).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('readTable: a stream of bytes', () => {
  /** The bytes in chunks of `size`, as an upload or a socket delivers them. */
  const chunked = (bytes: Buffer, size: number) =>
    Readable.from(
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      ),
    );

  it('reads GB18030 CSV cut into chunks mid-character, named by the upload', async () => {
    const bytes = iconv.encode(`${HEADER}\r\n${ROW_A}\r\n${ROW_B}\r\n`, 'gb18030');
    const table = await readTable({ bytes: chunked(bytes, 7), name: '名录.csv' });
    expect(table.encoding).toBe('gb18030');
    const rows = await rowsOf(table);
    expect(rows.map((r) => r.cells[1])).toEqual([
      '腾讯科技（深圳）有限公司',
      '无锡某某生物医药有限公司',
    ]);
  });

  it('reads an XLSX workbook and JSON Lines from streams, and names the upload in errors', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('企业').addRows([
      ['企业名称', '成立日期'],
      ['甲公司', '2019-07-01'],
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheet = await readTable({ bytes: chunked(xlsx, 1000), name: 'upload.xlsx' });
    expect(sheet.headers).toEqual(['企业名称', '成立日期']);
    expect((await rowsOf(sheet)).map((r) => r.cells[0])).toEqual(['甲公司']);

    const lines = Buffer.from(
      '{"企业名称":"甲公司"}\n{"企业名称":"乙公司","成立日期":"2020-01-02"}\n',
    );
    const jsonl = await readTable({ bytes: chunked(lines, 5), name: 'upload.jsonl' });
    expect(jsonl.headers).toEqual(['企业名称', '成立日期']);
    // An import looks things up in the database before it reads the rows: none may be lost meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await rowsOf(jsonl)).map((r) => r.cells)).toEqual([
      ['甲公司', ''],
      ['乙公司', '2020-01-02'],
    ]);

    // An upload read twice is spooled to a temporary folder; closing the table removes it, read or not.
    const spools = mkdtempSync(join(tmpdir(), 'chainlead-spool-test-'));
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = spools;
    try {
      const unread = await readTable({ bytes: chunked(lines, 5), name: 'upload.jsonl' });
      expect(readdirSync(spools)).toHaveLength(1);
      unread.close();
      await expect.poll(() => readdirSync(spools)).toEqual([]);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
      rmSync(spools, { recursive: true, force: true });
    }

    await expect(readTable({ bytes: chunked(xlsx, 1000), name: 'upload.csv' })).rejects.toThrow(
      /upload\.csv: is a zip archive/,
    );
  });
});
