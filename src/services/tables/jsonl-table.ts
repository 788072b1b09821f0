import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { AppError } from '../../domain/app-error.ts';
import { joinList } from '../../domain/import-values.ts';
import { spoolToTempFile } from './spool.ts';
import {
  MAX_RECORD_CHARS,
  fail,
  fileError,
  refuseUnsafeHeaders,
  decodingStream,
  type Table,
  type TableBytes,
  type TableEncoding,
  type TableRow,
} from './table-common.ts';

/**
 * A JSON Lines file need not write every key on every line (serialisers leave out empty fields),
 * so its header is every key any line has, in the order they first appear. That takes reading the
 * file twice: once for the keys, once for the rows. A stream (an upload) is spooled to a temporary
 * file first; memory holds one line at a time either way.
 */
export async function openJsonLines(
  bytes: TableBytes,
  shown: string,
  encoding: TableEncoding,
  path: string | undefined,
  knownHeaders?: readonly string[],
): Promise<Table> {
  let spool: Awaited<ReturnType<typeof spoolToTempFile>> | undefined;
  let file: string;
  let size: number;
  try {
    if (path === undefined) {
      spool = await spoolToTempFile({ bytes: bytes.stream, name: shown }, 'upload.jsonl');
      file = spool.file;
      size = spool.size;
    } else {
      bytes.close();
      file = path;
      size = bytes.totalBytes;
    }
  } catch (error) {
    bytes.close();
    throw error instanceof AppError ? error : fileError(error, shown);
  }
  const removeSpool = (): void => {
    const spooled = spool;
    spool = undefined;
    if (spooled) void spooled.remove();
  };

  let headers: string[];
  try {
    headers = knownHeaders ? [...knownHeaders] : await keysOf(file, shown, encoding);
  } catch (error) {
    removeSpool();
    throw error instanceof AppError ? error : fileError(error, shown);
  }
  if (headers.length === 0) {
    removeSpool();
    throw fail(shown, 'holds no JSON objects; write one object per line');
  }
  try {
    refuseUnsafeHeaders(headers, shown, 1);
  } catch (error) {
    removeSpool();
    throw error;
  }

  // The file is opened for its rows when they are first asked for: a stream opened now would
  // start flowing before anyone reads it.
  let stream: Readable | undefined;
  let bytesRead = 0;
  const close = (): void => {
    stream?.destroy();
    removeSpool();
  };

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      stream = createReadStream(file);
      const counted = (bytes: number) => {
        bytesRead += bytes;
      };
      const text = decoded(stream, encoding, shown, counted);
      for await (const { lineNumber, object } of jsonObjects(text, shown))
        yield jsonRow(object, lineNumber, headers, shown);
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
    progress: () => ({ bytesRead, totalBytes: size }),
    close,
  };
}

/** Every key of every line's object, in the order they first appear. */
async function keysOf(file: string, shown: string, encoding: TableEncoding): Promise<string[]> {
  const keys = new Set<string>();
  const stream = createReadStream(file);
  try {
    for await (const { object } of jsonObjects(decoded(stream, encoding, shown), shown))
      for (const key in object) keys.add(key);
  } finally {
    stream.destroy();
  }
  return [...keys];
}

function decoded(
  stream: Readable,
  encoding: TableEncoding,
  shown: string,
  counted: (bytes: number) => void = () => undefined,
): AsyncIterable<string> {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted(chunk.length);
      done(null, chunk);
    },
  });
  const text = decodingStream(encoding, 'text', shown);
  pipeline(stream, counter, text, () => {
    // Errors reach the consumer through the text iterator.
  });
  return text;
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
  shown: string,
): TableRow {
  return { rowNumber, cells: headers.map((key) => jsonCell(object[key], key, rowNumber, shown)) };
}

function jsonCell(value: unknown, key: string, row: number, shown: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A list of products or tags, written as a cell that splitProducts and splitTags read back.
  if (Array.isArray(value) && value.every((item) => ['string', 'number'].includes(typeof item)))
    return joinList(value.map(String));
  throw fail(
    shown,
    `"${key}" holds ${Array.isArray(value) ? 'a nested list' : 'an object'}; expected text, a number or a list of them`,
    row,
  );
}
