import { pipeline } from 'node:stream';
import { AppError } from '../../domain/app-error.ts';
import {
  MAX_RECORD_CHARS,
  fail,
  fileError,
  decodingStream,
  type Table,
  type TableBytes,
  type TableEncoding,
  type TableRow,
} from './table-common.ts';

export async function openJsonLines(
  bytes: TableBytes,
  shown: string,
  encoding: TableEncoding,
): Promise<Table> {
  const text = decodingStream(encoding, 'text', shown);
  pipeline(bytes.stream, text, () => {
    // Errors reach the consumer through the text iterator.
  });
  const close = (): void => bytes.close();
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
    progress: () => ({ bytesRead: bytes.bytesRead(), totalBytes: bytes.totalBytes }),
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
