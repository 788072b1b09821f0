import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse, type Options as CsvOptions } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../domain/app-error.ts';

/**
 * Streams the rows of an enterprise registry file (CSV, XLSX or JSON Lines) as strings aligned with
 * its header, with the row numbers a person sees, without ever holding the whole file in memory.
 */

export type TableFormat = 'csv' | 'xlsx' | 'jsonl';
export type TableEncoding = 'utf8' | 'gb18030';

export interface ReadTableOptions {
  /** Overrides the format the extension implies. */
  format?: TableFormat;
  /** Overrides encoding detection for CSV and JSON Lines. */
  encoding?: TableEncoding;
  /** The XLSX worksheet to read; the first one by default. */
  sheet?: string;
}

export interface TableRow {
  /** The line (CSV, JSON Lines) or row (XLSX) where the record starts, as an editor or Excel shows it. */
  rowNumber: number;
  /** One string per header; '' where the row has no value. */
  cells: string[];
  /** JSON Lines only: keys the first line did not have, which this row's cells therefore omit. */
  unknownKeys?: string[];
}

export interface Table {
  format: TableFormat;
  /** The encoding text was decoded with (XLSX is always UTF-8 inside). */
  encoding: TableEncoding;
  /** The worksheet read, for XLSX; null otherwise. */
  sheet: string | null;
  headers: string[];
  /** The data rows, once; blank rows are skipped. */
  rows: AsyncIterable<TableRow>;
  /** How far reading has got, for progress bars (XLSX counts compressed bytes). */
  progress(): { bytesRead: number; totalBytes: number };
  /** Releases the file when the caller stops before the last row. */
  close(): void;
}

const HEAD_BYTES = 64 * 1024;
// No enterprise record is megabytes long; one that is means a quote never closed.
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const EXTENSION_FORMATS: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// OLE compound files: old .xls workbooks, and also password-protected .xlsx ones.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Opens a registry file for streaming: detects its format and text encoding, reads the header and
 * hands back the data rows. Throws VALIDATION_FAILED naming the file (and row) for anything it
 * cannot read: a missing file, .xls, a bad quote, invalid JSON, a missing worksheet.
 */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const shown = shownName(file);
  const format = options.format ?? formatFromExtension(file, shown);
  const head = await readHead(file, shown);
  checkMagic(head.bytes, format, shown);
  switch (format) {
    case 'csv':
    case 'jsonl': {
      const encoding = options.encoding ?? detectEncoding(head.bytes, head.complete, shown);
      return format === 'csv'
        ? openCsv(file, shown, encoding, head)
        : openJsonLines(file, shown, encoding, head.size);
    }
    case 'xlsx':
      return openXlsx(file, shown, options.sheet, head.size);
  }
}

function fail(shown: string, message: string, row?: number): AppError {
  const where = row === undefined ? shown : `${shown} row ${row}`;
  return new AppError('VALIDATION_FAILED', `${where}: ${message}`, { file: shown, row });
}

/** The path as the user would recognise it: relative to here when inside, else as given. */
function shownName(file: string): string {
  const inside = relative(process.cwd(), resolve(file));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

function formatFromExtension(file: string, shown: string): TableFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.xls' || extension === '.et')
    throw fail(
      shown,
      'old binary Excel files (.xls) cannot be read; open it in Excel or WPS and save it as .xlsx or "CSV UTF-8"',
    );
  const format = EXTENSION_FORMATS[extension];
  if (format === undefined)
    throw fail(
      shown,
      `cannot tell the format from the extension "${extension}"; use .csv, .xlsx or .jsonl, or name the format`,
    );
  return format;
}

interface Head {
  bytes: Buffer;
  /** True when `bytes` is the whole file. */
  complete: boolean;
  size: number;
}

async function readHead(file: string, shown: string): Promise<Head> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileError(error, shown);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw fail(shown, 'is a folder, not a file');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return {
      bytes: buffer.subarray(0, bytesRead),
      complete: bytesRead < HEAD_BYTES || stats.size <= HEAD_BYTES,
      size: stats.size,
    };
  } catch (error) {
    throw error instanceof AppError ? error : fileError(error, shown);
  } finally {
    await handle.close();
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied; check that you may read the file',
  EPERM: 'permission denied; check that you may read the file',
};

function fileError(error: unknown, shown: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : FILE_ERRORS[code];
  const reason = error instanceof Error ? error.message : String(error);
  return fail(shown, known ?? `cannot read the file (${reason})`);
}

/** Catches files whose content contradicts their extension before a parser turns them into noise. */
function checkMagic(bytes: Buffer, format: TableFormat, shown: string): void {
  if (bytes.length === 0)
    throw fail(shown, 'the file is empty; the first row must hold the column headers');
  if (bytes.subarray(0, 8).equals(OLE_MAGIC))
    throw fail(
      shown,
      'is an old binary Excel file (.xls) or a password-protected workbook; save it as .xlsx (without a password) or "CSV UTF-8"',
    );
  const zip = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (format === 'xlsx' && !zip)
    throw fail(shown, 'is not an XLSX workbook; if it holds text, name it .csv or .jsonl');
  if (format !== 'xlsx' && zip)
    throw fail(shown, 'is a zip archive, probably an XLSX workbook; name it .xlsx');
}

function detectEncoding(bytes: Buffer, complete: boolean, shown: string): TableEncoding {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw fail(
      shown,
      'is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8" or .xlsx instead',
    );
  // A character cut in two at the 64 KB boundary is not evidence against UTF-8.
  if (isUtf8(complete ? bytes : bytes.subarray(0, wholeCharacters(bytes)))) return 'utf8';
  // Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, GBK, which GB18030 contains.
  return 'gb18030';
}

/** The length of the longest prefix of `bytes` that does not end inside a UTF-8 character. */
function wholeCharacters(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) {
    const byte = bytes[at] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 && byte < 0xf8 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + size <= bytes.length ? bytes.length : at;
  }
  // Nothing but continuation bytes: not UTF-8, and isUtf8 will say so.
  return bytes.length;
}

function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * Bytes in, UTF-8 out: as bytes for csv-parse, or as strings for JSON Lines. UTF-8 is checked
 * and passed through untouched (decoding and re-encoding it costs a third of a CSV import);
 * GB18030 is converted. Fails naming the line where the bytes stop being UTF-8.
 */
function decodingStream(
  encoding: TableEncoding,
  output: 'bytes' | 'text',
  shown: string,
): Transform {
  const gb18030 = encoding === 'gb18030' ? iconv.getDecoder('gb18030') : null;
  let carry = Buffer.alloc(0);
  let lines = 1;
  let first = true;
  const notUtf8 = (bytes: Buffer): AppError => {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    return fail(
      shown,
      'is not valid UTF-8 from here on (the file mixes encodings); save it again as "CSV UTF-8", or read it as GB18030',
      lines + countNewlines(bad < 0 ? text : text.slice(0, bad)),
    );
  };
  return new Transform({
    readableObjectMode: output === 'text',
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (gb18030 !== null) {
        const text = gb18030.write(chunk);
        if (text !== '') this.push(text);
        done();
        return;
      }
      let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (first) {
        first = false;
        if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
      }
      // A character cut in two by the chunk boundary waits for the rest of it.
      const whole = wholeCharacters(bytes);
      const body = bytes.subarray(0, whole);
      if (!isUtf8(body)) {
        done(notUtf8(body));
        return;
      }
      lines += countByte(body, 0x0a);
      carry = Buffer.from(bytes.subarray(whole));
      if (body.length > 0) this.push(output === 'text' ? body.toString('utf8') : body);
      done();
    },
    flush(done: TransformCallback) {
      const rest = gb18030?.end() ?? '';
      if (rest !== '') this.push(rest);
      if (carry.length > 0)
        done(fail(shown, 'ends in the middle of a character; the file is cut short', lines));
      else done();
    },
  });
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Line breaks as an editor counts them: CRLF, LF and a lone CR each end one line. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const ch = text.charCodeAt(at);
    if (ch === 10) count++;
    else if (ch === 13) {
      count++;
      if (text.charCodeAt(at + 1) === 10) at++;
    }
  }
  return count;
}

function leadingLineBreaks(text: string): number {
  let end = 0;
  while (text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13) end++;
  return countLineBreaks(text.slice(0, end));
}

/** Opens the file as bytes, checked or converted to UTF-8, for CSV and JSON Lines. */
function textSource(
  file: string,
  shown: string,
  encoding: TableEncoding,
  output: 'bytes' | 'text',
): { bytes: ReadStream; text: Transform } {
  const bytes = createReadStream(file, { highWaterMark: HEAD_BYTES });
  return { bytes, text: decodingStream(encoding, output, shown) };
}

function sniffDelimiter(head: Buffer, encoding: TableEncoding): string {
  const text = encoding === 'gb18030' ? iconv.decode(head, 'gb18030') : head.toString('utf8');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  // Excel's "Text (Tab delimited)" .txt is the one tab-separated format registries send.
  return tabs > commas ? '\t' : ',';
}

interface CsvRecord {
  record: string[];
  raw: string;
}

async function openCsv(
  file: string,
  shown: string,
  encoding: TableEncoding,
  head: Head,
): Promise<Table> {
  const { bytes, text } = textSource(file, shown, encoding, 'bytes');
  // Line breaks consumed by the records parsed so far: csv-parse's own line count counts a CRLF
  // inside quotes twice, so we count from each record's raw text instead.
  let linesBefore = 0;
  const options: CsvOptions<TableRow, CsvRecord> = {
    delimiter: sniffDelimiter(head.bytes, encoding),
    bom: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: ({ record, raw }) => {
      const rowNumber = 1 + linesBefore + leadingLineBreaks(raw);
      linesBefore += countLineBreaks(raw);
      return { rowNumber, cells: record };
    },
  };
  // parse()'s option-only overload is not generic; on_record's types are checked above.
  const parser = parse(options as unknown as CsvOptions);
  pipeline(bytes, text, parser, () => {
    // Errors reach the consumer through the parser's iterator; nothing more to do here.
  });

  const source = (parser as AsyncIterable<TableRow>)[Symbol.asyncIterator]();
  return tableFromRecords(source, {
    format: 'csv',
    encoding,
    sheet: null,
    shown,
    failure: (error) =>
      error instanceof CsvError
        ? csvFailure(error, shown, 1 + linesBefore)
        : fileError(error, shown),
    progress: () => ({ bytesRead: bytes.bytesRead, totalBytes: head.size }),
    close: () => bytes.destroy(),
  });
}

const CSV_ERRORS: Readonly<Partial<Record<string, string>>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quote: a cell opens with " and never closes',
  CSV_MAX_RECORD_SIZE:
    'a record runs on for megabytes; a cell probably opens with " and never closes',
  CSV_INVALID_CLOSING_QUOTE: 'a " inside a quoted cell must be doubled ("")',
};

function csvFailure(error: CsvError, shown: string, nextLine: number): AppError {
  // The failing record has not reached on_record; its raw text still starts with skipped blank lines.
  const raw = typeof error.raw === 'string' ? error.raw : '';
  return fail(shown, CSV_ERRORS[error.code] ?? error.message, nextLine + leadingLineBreaks(raw));
}

interface TableShape {
  format: TableFormat;
  encoding: TableEncoding;
  sheet: string | null;
  shown: string;
  progress: Table['progress'];
  close: () => void;
  /** Turns what the source threw (other than an AppError) into one naming the file. */
  failure: (error: unknown) => AppError;
}

/** Takes the first non-blank record as the header and aligns every later one with it. */
async function tableFromRecords(
  source: AsyncIterator<TableRow>,
  shape: TableShape,
): Promise<Table> {
  const { shown } = shape;
  const explain = (error: unknown): AppError =>
    error instanceof AppError ? error : shape.failure(error);
  let header: TableRow | undefined;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      if (!isBlank(next.value.cells)) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    shape.close();
    throw explain(error);
  }
  if (header === undefined) {
    shape.close();
    const where = shape.sheet === null ? '' : `sheet "${shape.sheet}" `;
    throw fail(shown, `${where}is empty; the first row must hold the column headers`);
  }
  const headers = [...header.cells];
  // Excel pads rows with empty columns after the last real one; they are not headers.
  while (headers.length > 0 && (headers[headers.length - 1] ?? '').trim() === '') headers.pop();
  const width = headers.length;

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for await (const row of { [Symbol.asyncIterator]: () => source }) {
        if (isBlank(row.cells)) continue;
        yield { rowNumber: row.rowNumber, cells: align(row, width, shown) };
      }
    } catch (error) {
      throw explain(error);
    } finally {
      shape.close();
    }
  }

  return {
    format: shape.format,
    encoding: shape.encoding,
    sheet: shape.sheet,
    headers,
    rows: rows(),
    progress: shape.progress,
    close: shape.close,
  };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Pads a short row with '' and refuses values in columns that have no header. */
function align(row: TableRow, width: number, shown: string): string[] {
  const { cells } = row;
  for (let column = width; column < cells.length; column++) {
    const value = (cells[column] ?? '').trim();
    if (value !== '') {
      const preview = value.length > 20 ? `${value.slice(0, 20)}…` : value;
      throw fail(
        shown,
        `column ${column + 1} (${columnLetters(column + 1)}) has a value ("${preview}") but no header; add a header or remove the value`,
        row.rowNumber,
      );
    }
  }
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...Array<string>(width - cells.length).fill('')];
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

async function openJsonLines(
  file: string,
  shown: string,
  encoding: TableEncoding,
  size: number,
): Promise<Table> {
  const { bytes, text } = textSource(file, shown, encoding, 'text');
  pipeline(bytes, text, () => {
    // Errors reach the consumer through the text iterator.
  });
  const close = (): void => {
    bytes.destroy();
  };
  const objects = jsonObjects(text, shown);
  let first: { lineNumber: number; object: Record<string, unknown> } | undefined;
  try {
    const next = await objects.next();
    if (!next.done) first = next.value;
  } catch (error) {
    close();
    throw error instanceof AppError ? error : fileError(error, shown);
  }
  if (first === undefined) {
    close();
    throw fail(shown, 'holds no JSON objects; write one object per line');
  }
  const headers = Object.keys(first.object);
  const known = new Set(headers);
  const pending = first;

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      yield jsonRow(pending.object, pending.lineNumber, headers, known, shown);
      for await (const { lineNumber, object } of { [Symbol.asyncIterator]: () => objects })
        yield jsonRow(object, lineNumber, headers, known, shown);
    } catch (error) {
      throw error instanceof AppError ? error : fileError(error, shown);
    } finally {
      close();
    }
  }

  return {
    format: 'jsonl',
    encoding,
    sheet: null,
    headers,
    rows: rows(),
    progress: () => ({ bytesRead: bytes.bytesRead, totalBytes: size }),
    close,
  };
}

async function* jsonObjects(
  text: AsyncIterable<string>,
  shown: string,
): AsyncGenerator<{ lineNumber: number; object: Record<string, unknown> }> {
  for await (const { lineNumber, line } of textLines(text, shown)) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw fail(shown, `not valid JSON (${reason})`, lineNumber);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw fail(
        shown,
        'expected a JSON object such as {"企业名称": "…"} on each line',
        lineNumber,
      );
    yield { lineNumber, object: value as Record<string, unknown> };
  }
}

async function* textLines(
  text: AsyncIterable<string>,
  shown: string,
): AsyncGenerator<{ lineNumber: number; line: string }> {
  let buffer = '';
  let lineNumber = 0;
  for await (const chunk of text) {
    buffer += chunk;
    let start = 0;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
      lineNumber++;
      yield { lineNumber, line: stripCr(buffer.slice(start, end)) };
      start = end + 1;
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_RECORD_CHARS)
      throw fail(shown, 'a line runs on for megabytes; write one object per line', lineNumber + 1);
  }
  if (buffer !== '') yield { lineNumber: lineNumber + 1, line: stripCr(buffer) };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function jsonRow(
  object: Record<string, unknown>,
  rowNumber: number,
  headers: readonly string[],
  known: ReadonlySet<string>,
  shown: string,
): TableRow {
  const cells = headers.map((key) => jsonCell(object[key], key, rowNumber, shown));
  const unknownKeys = Object.keys(object).filter((key) => !known.has(key));
  return unknownKeys.length > 0 ? { rowNumber, cells, unknownKeys } : { rowNumber, cells };
}

function jsonCell(value: unknown, key: string, row: number, shown: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A list of products or tags; joined with the separator splitProducts and splitTags split on.
  if (Array.isArray(value) && value.every((item) => ['string', 'number'].includes(typeof item)))
    return value.map(String).join('；');
  throw fail(
    shown,
    `"${key}" holds ${Array.isArray(value) ? 'a nested list' : 'an object'}; expected text, a number or a list of them`,
    row,
  );
}

// ---------------------------------------------------------------------------------------------
// XLSX

interface WorkbookInternals {
  properties?: { model?: { date1904?: boolean } };
}

async function openXlsx(
  file: string,
  shown: string,
  wanted: string | undefined,
  size: number,
): Promise<Table> {
  // exceljs takes half a second to load: only XLSX imports pay for it.
  const { default: excel } = await import('exceljs');
  const bytes = createReadStream(file, { highWaterMark: HEAD_BYTES });
  const reader = new excel.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    // Shared strings are one table for the whole workbook; the streaming reader must keep it.
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date from a number.
    styles: 'cache',
    entries: 'ignore',
  });
  // exceljs reads the workbook's 1900/1904 date system but does not type it.
  const date1904 = (): boolean =>
    (reader as unknown as WorkbookInternals).properties?.model?.date1904 === true;
  let sheet: string | null = null;

  async function* records(): AsyncGenerator<TableRow> {
    const names: string[] = [];
    try {
      for await (const worksheet of reader) {
        const name = (worksheet as unknown as { name: string }).name;
        names.push(name);
        if (wanted !== undefined && name !== wanted) continue;
        sheet = name;
        for await (const row of worksheet) {
          const cells: string[] = [];
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            cells[column - 1] = xlsxCellText(cell, date1904, shown, row.number);
          });
          yield { rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? '') };
        }
        return;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw fail(
        shown,
        `cannot read the workbook (${reason}); open it in Excel or WPS and save it again as .xlsx`,
      );
    } finally {
      bytes.destroy();
    }
    if (wanted !== undefined)
      throw fail(
        shown,
        `has no sheet named "${wanted}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}`,
      );
  }

  // The sheet's name is known once its first row arrives, which is before tableFromRecords
  // reads `sheet`; hence the getter.
  return tableFromRecords(records(), {
    format: 'xlsx',
    encoding: 'utf8',
    get sheet() {
      return sheet;
    },
    shown,
    progress: () => ({ bytesRead: bytes.bytesRead, totalBytes: size }),
    close: () => bytes.destroy(),
    failure: (error) => fileError(error, shown),
  });
}

function xlsxCellText(
  cell: ExcelJS.Cell,
  date1904: () => boolean,
  shown: string,
  row: number,
): string {
  const value = cell.value;
  if (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    // cell.value drops falsy results (0, '', NaN); cell.result keeps them.
    const result = cell.result as ExcelJS.CellValue;
    if (result === undefined)
      throw fail(
        shown,
        `cell ${cell.address} is a formula with no saved result; open the file in Excel or WPS and save it again`,
        row,
      );
    // The streaming reader turns an error result (#DIV/0!, #N/A…) into NaN, losing which error.
    if (typeof result === 'number' && Number.isNaN(result)) return '#ERROR!';
    // Only plain values carry a date format; a formula's date result arrives as a serial number.
    if (typeof result === 'number' && isDateFormat(cell.numFmt))
      return isoDateTime(excelSerialToDate(result, date1904()));
    return valueText(result);
  }
  return valueText(value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Excel shows 15 significant digits; its files sometimes store binary noise past them.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateTime(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return valueText(value.text);
  if ('error' in value) return value.error;
  return '';
}

/** Excel's rule (as exceljs applies it): a number format with date or time letters is a date. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  // Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system starts 1462 days later.
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** 'YYYY-MM-DD', with the time of day only when there is one; exceljs dates are UTC wall times. */
function isoDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
