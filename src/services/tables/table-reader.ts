import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { AppError } from '../../domain/app-error.ts';
import { openCsv } from './csv-table.ts';
import { openJsonLines } from './jsonl-table.ts';
import { openXlsx } from './xlsx-table.ts';
import {
  HEAD_BYTES,
  countByte,
  UTF8_BOM,
  fail,
  fileError,
  openTableBytes,
  wholeCharacters,
  type ReadTableOptions,
  type Table,
  type TableEncoding,
  type TableFormat,
  type TableInput,
} from './table-common.ts';

export type {
  ReadTableOptions,
  Table,
  TableInput,
  TableEncoding,
  TableFormat,
  TableRow,
} from './table-common.ts';

/**
 * Streams the rows of a table (CSV, XLSX or JSON Lines) as strings aligned with its header, with
 * the row numbers a person sees, without ever holding the whole file in memory.
 */

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

/**
 * Reads a table from a stream of bytes: detects its format (from the name's extension unless
 * given) and text encoding, reads the header and hands back the data rows, holding no more of
 * the file than the parser needs. Throws VALIDATION_FAILED naming the file (and row) for
 * anything it cannot read: .xls, a bad quote, invalid JSON, a missing worksheet.
 */
export async function readTable(input: TableInput, options: ReadTableOptions = {}): Promise<Table> {
  const shown = input.name;
  const format = options.format ?? formatFromExtension(input.name, shown);
  const { head, bytes } = await openTableBytes(input, shown);
  try {
    checkMagic(head.bytes, format, shown);
  } catch (error) {
    bytes.close();
    throw error;
  }
  switch (format) {
    case 'csv':
    case 'jsonl': {
      let encoding: TableEncoding;
      try {
        encoding = options.encoding ?? detectEncoding(head.bytes, head.complete, shown);
      } catch (error) {
        bytes.close();
        throw error;
      }
      return format === 'csv'
        ? openCsv(bytes, shown, encoding, head)
        : openJsonLines(bytes, shown, encoding, input.path, options.headers);
    }
    case 'xlsx':
      return openXlsx(bytes, shown, options.sheet, input.path);
  }
}

/**
 * Reads a table file from disk (see readTable), named in messages as the user would recognise
 * it. Throws VALIDATION_FAILED for a missing or unreadable file or a folder, too.
 */
export async function readTableFile(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const shown = options.name ?? shownName(file);
  const format = options.format ?? formatFromExtension(file, shown);
  let size: number;
  try {
    const stats = await stat(file);
    if (stats.isDirectory()) throw fail(shown, 'is a folder, not a file');
    size = stats.size;
  } catch (error) {
    throw error instanceof AppError ? error : fileError(error, shown);
  }
  const bytes = createReadStream(file, { highWaterMark: HEAD_BYTES });
  return readTable({ bytes, name: shown, size, path: file }, { ...options, format });
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
      undefined,
      'FILE_OLD_EXCEL',
    );
  const format = EXTENSION_FORMATS[extension];
  if (format === undefined)
    throw fail(
      shown,
      `cannot tell the format from the extension "${extension}"; use .csv, .xlsx or .jsonl, or name the format`,
      undefined,
      'FILE_FORMAT_UNKNOWN',
    );
  return format;
}

/** Catches files whose content contradicts their extension before a parser turns them into noise. */
function checkMagic(bytes: Buffer, format: TableFormat, shown: string): void {
  if (bytes.length === 0)
    throw fail(
      shown,
      'the file is empty; the first row must hold the column headers',
      undefined,
      'FILE_EMPTY',
    );
  if (bytes.subarray(0, 8).equals(OLE_MAGIC))
    throw fail(
      shown,
      'is an old binary Excel file (.xls) or a password-protected workbook; save it as .xlsx (without a password) or "CSV UTF-8"',
      undefined,
      'FILE_OLD_EXCEL',
    );
  const zip = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (format === 'xlsx' && !zip)
    throw fail(
      shown,
      'is not an XLSX workbook; if it holds text, name it .csv or .jsonl',
      undefined,
      'FILE_NOT_XLSX',
    );
  if (format !== 'xlsx' && zip)
    throw fail(
      shown,
      'is a zip archive, probably an XLSX workbook; name it .xlsx',
      undefined,
      'FILE_IS_ZIP',
    );
}

function detectEncoding(bytes: Buffer, complete: boolean, shown: string): TableEncoding {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw fail(
      shown,
      'is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8" or .xlsx instead',
      undefined,
      'FILE_UTF16',
    );
  // A character cut in two at the 64 KB boundary is not evidence against UTF-8.
  const head = complete ? bytes : bytes.subarray(0, wholeCharacters(bytes));
  if (isUtf8(head)) return 'utf8';
  // UTF-8 Chinese with a damaged byte or two is not GBK: read as GB18030 every character would
  // turn into another one, and the rows would be stored garbled. GBK text breaks UTF-8 at
  // nearly every character and forms a valid UTF-8 sequence only by chance.
  const { valid, invalid, firstInvalid } = utf8Sequences(head);
  if (valid >= 2 && valid >= 2 * invalid)
    throw fail(
      shown,
      'is UTF-8 text with damaged characters (bytes that are not UTF-8); save it again as "CSV UTF-8" from the original',
      1 + countByte(head.subarray(0, firstInvalid), 0x0a),
    );
  // Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, GBK, which GB18030 contains.
  return 'gb18030';
}

/**
 * How much of `bytes` reads as UTF-8: the multi-byte characters that are well formed, the bytes
 * where a character is not, and where the first of those is.
 */
function utf8Sequences(bytes: Uint8Array): {
  valid: number;
  invalid: number;
  firstInvalid: number;
} {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let at = 0; at < bytes.length;) {
    const lead = bytes[at] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    let ok = length > 0 && at + length <= bytes.length;
    for (let next = 1; ok && next < length; next++) ok = ((bytes[at + next] ?? 0) & 0xc0) === 0x80;
    if (ok && length > 1 && isUtf8(bytes.subarray(at, at + length))) {
      valid++;
      at += length;
    } else if (ok && length === 1) {
      at++;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = at;
      at++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** Where a table comes from: a file on disk (a path) or a stream of bytes with its name. */
export type TableSource = string | TableInput;

/** Reads a table from a path (readTableFile) or a stream (readTable). Throws as they do. */
export function openTable(source: TableSource, options: ReadTableOptions = {}): Promise<Table> {
  return typeof source === 'string' ? readTableFile(source, options) : readTable(source, options);
}

/** The source's file name without folders, as messages and reports show it. */
export function tableSourceName(source: TableSource): string {
  return basename(typeof source === 'string' ? source : source.name);
}
