import { isUtf8 } from 'node:buffer';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../domain/app-error.ts';
import type { FileReason } from '../../shared/row-reasons.ts';
import { hasUnsafeCharacters } from '../../shared/api/fields.ts';

// What every table format shares: row and table types, errors naming the file, checked UTF-8
// decoding, and aligning rows with their header.

export type TableFormat = 'csv' | 'xlsx' | 'jsonl';
export type TableEncoding = 'utf8' | 'gb18030';

export interface ReadTableOptions {
  /** Overrides the format the extension implies. */
  format?: TableFormat;
  /** Overrides encoding detection for CSV and JSON Lines. */
  encoding?: TableEncoding;
  /** The XLSX worksheet to read; the first one by default. */
  sheet?: string;
  /** How messages name the file (an upload's own name) instead of its path on disk. */
  name?: string;
  /**
   * JSON Lines only: the headers an earlier read of the same file found, so that reading it again
   * (a second pass, a worker thread) skips the pass over every line for its keys.
   */
  headers?: readonly string[];
}

export interface TableRow {
  /** The line (CSV, JSON Lines) or row (XLSX) where the record starts, as an editor or Excel shows it. */
  rowNumber: number;
  /** One string per header; '' where the row has no value. */
  cells: string[];
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

export const HEAD_BYTES = 64 * 1024;
// No enterprise record is megabytes long; one that is means a quote never closed.
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface Head {
  bytes: Buffer;
  /** True when `bytes` is the whole file. */
  complete: boolean;
  size: number;
}

/**
 * A file that cannot be read as a table: the English message for the CLI, and in `details` the
 * file, the row and a reason code (FILE_UNREADABLE unless a more precise one is given) that the
 * web app says in the reader's language.
 */
export function fail(
  shown: string,
  message: string,
  row?: number,
  reason: FileReason = row === undefined ? 'FILE_UNREADABLE' : 'ROW_UNREADABLE',
  params: Readonly<Record<string, string | number>> = {},
): AppError {
  const where = row === undefined ? shown : `${shown} row ${row}`;
  // `why` is the English reason, for a row the web app has no sentence of its own for.
  return new AppError('VALIDATION_FAILED', `${where}: ${message}`, {
    file: shown,
    row,
    reason,
    ...(row === undefined ? {} : { why: message }),
    ...params,
  });
}

export const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied; check that you may read the file',
  EPERM: 'permission denied; check that you may read the file',
};

/**
 * The refusal of a file with bad rows: how many errors, in which file, what came of it (`outcome`,
 * e.g. "so nothing was imported"), and the first five named by row and column.
 */
export function rowErrorsRefusal(
  errors: readonly { row: number; column: string; reason: string }[],
  fileName: string,
  outcome: string,
  details: unknown,
): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${errors.length} error${errors.length === 1 ? '' : 's'} in ${fileName}, ${outcome}: ` +
      errors
        .slice(0, 5)
        .map((e) => `row ${e.row}, ${e.column || '-'}: ${e.reason}`)
        .join('; ') +
      (errors.length > 5 ? '; …' : ''),
    details,
  );
}

export function fileError(error: unknown, shown: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : FILE_ERRORS[code];
  const reason = error instanceof Error ? error.message : String(error);
  return fail(shown, known ?? `cannot read the file (${reason})`);
}

/** The length of the longest prefix of `bytes` that does not end inside a UTF-8 character. */
export function wholeCharacters(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) {
    const byte = bytes[at] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 && byte < 0xf8 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + size <= bytes.length ? bytes.length : at;
  }
  // Nothing but continuation bytes: not UTF-8, and isUtf8 will say so.
  return bytes.length;
}

export function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * Bytes in, UTF-8 out: as bytes for csv-parse, or as strings for JSON Lines. UTF-8 is checked
 * and passed through untouched (decoding and re-encoding it costs a third of a CSV import);
 * GB18030 is converted. Fails naming the line where the bytes stop being UTF-8.
 */
export function decodingStream(
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

export function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * What readTable reads: the bytes of a table, once from start to end (a file's read stream, an
 * upload's part), never the whole file at once.
 */
export interface TableInput {
  bytes: AsyncIterable<Uint8Array>;
  /** The name a person knows the file by: messages name it, its extension tells the format. */
  name: string;
  /** The size in bytes when known, for progress. */
  size?: number | undefined;
  /** The file the bytes come from, when they are on disk: a reader that must read twice uses it. */
  path?: string | undefined;
}

/** A table's bytes after its head was read: `stream` yields all of them from the first. */
export interface TableBytes {
  stream: Readable;
  bytesRead(): number;
  totalBytes: number;
  close(): void;
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

/**
 * Reads the first HEAD_BYTES of the input (to detect the format's signature and the encoding)
 * and hands back a stream that replays them before the rest.
 */
export async function openTableBytes(
  input: TableInput,
  shown: string,
): Promise<{ head: Head; bytes: TableBytes }> {
  const source = input.bytes;
  const iterator = source[Symbol.asyncIterator]();
  const release = (): void => {
    if (source instanceof Readable) source.destroy();
    else void iterator.return?.();
  };
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = toBuffer(next.value);
      chunks.push(chunk);
      length += chunk.length;
    }
  } catch (error) {
    release();
    throw error instanceof AppError ? error : fileError(error, shown);
  }
  const first = Buffer.concat(chunks);
  let read = 0;
  async function* replay(): AsyncGenerator<Buffer> {
    read += first.length;
    if (first.length > 0) yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = toBuffer(next.value);
      read += chunk.length;
      yield chunk;
    }
  }
  const stream = Readable.from(replay(), { objectMode: false });
  const totalBytes = input.size ?? (done ? first.length : 0);
  return {
    head: {
      bytes: first.subarray(0, HEAD_BYTES),
      // Only the end of the stream proves it: an upload's size is unknown until then.
      complete: done,
      size: totalBytes,
    },
    bytes: {
      stream,
      bytesRead: () => read,
      totalBytes,
      close: () => {
        stream.destroy();
        release();
      },
    },
  };
}

export interface TableShape {
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
export async function tableFromRecords(
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
    throw fail(
      shown,
      `${where}is empty; the first row must hold the column headers`,
      undefined,
      'FILE_EMPTY',
    );
  }
  const headers = [...header.cells];
  // Excel pads rows with empty columns after the last real one; they are not headers.
  while (headers.length > 0 && (headers[headers.length - 1] ?? '').trim() === '') headers.pop();
  const width = headers.length;
  try {
    refuseUnsafeHeaders(headers, shown, header.rowNumber);
  } catch (error) {
    shape.close();
    throw error;
  }

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

/**
 * Refuses a header no column can be named by: a NUL or broken Unicode in it would otherwise make
 * a known column unknown (`年份\0` is not 年份) and every row wrong for a reason it does not have.
 */
export function refuseUnsafeHeaders(headers: readonly string[], shown: string, row: number): void {
  headers.forEach((header, index) => {
    if (!hasUnsafeCharacters(header)) return;
    const column = `${index + 1} (${columnLetters(index + 1)})`;
    throw fail(
      shown,
      `the header of column ${column} holds a NUL character or broken Unicode; retype the header`,
      row,
      'ROW_UNREADABLE',
      { column },
    );
  });
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Pads a short row with '' and refuses values in columns that have no header. */
export function align(row: TableRow, width: number, shown: string): string[] {
  const { cells } = row;
  for (let column = width; column < cells.length; column++) {
    const value = (cells[column] ?? '').trim();
    if (value !== '') {
      const preview = value.length > 20 ? `${value.slice(0, 20)}…` : value;
      throw fail(
        shown,
        `column ${column + 1} (${columnLetters(column + 1)}) has a value ("${preview}") but no header; add a header or remove the value`,
        row.rowNumber,
        'ROW_VALUE_WITHOUT_HEADER',
        { column: `${column + 1} (${columnLetters(column + 1)})`, value: preview },
      );
    }
  }
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...Array<string>(width - cells.length).fill('')];
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
