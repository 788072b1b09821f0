import { pipeline } from 'node:stream';
import { CsvError, parse, type Options as CsvOptions } from 'csv-parse';
import iconv from 'iconv-lite';
import type { AppError } from '../../domain/app-error.ts';
import type { FileReason } from '../../shared/row-reasons.ts';
import {
  MAX_RECORD_CHARS,
  fail,
  fileError,
  decodingStream,
  tableFromRecords,
  type Head,
  type Table,
  type TableBytes,
  type TableEncoding,
  type TableRow,
} from './table-common.ts';

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

export async function openCsv(
  bytes: TableBytes,
  shown: string,
  encoding: TableEncoding,
  head: Head,
): Promise<Table> {
  const text = decodingStream(encoding, 'bytes', shown);
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
  pipeline(bytes.stream, text, parser, () => {
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
    progress: () => ({ bytesRead: bytes.bytesRead(), totalBytes: head.size }),
    close: () => bytes.close(),
  });
}

const CSV_ERRORS: Readonly<Partial<Record<string, [string, FileReason]>>> = {
  CSV_QUOTE_NOT_CLOSED: [
    'unterminated quote: a cell opens with " and never closes',
    'ROW_QUOTE_NOT_CLOSED',
  ],
  CSV_MAX_RECORD_SIZE: [
    'a record runs on for megabytes; a cell probably opens with " and never closes',
    'ROW_QUOTE_NOT_CLOSED',
  ],
  CSV_INVALID_CLOSING_QUOTE: [
    'a " inside a quoted cell must be doubled ("")',
    'ROW_QUOTE_NOT_DOUBLED',
  ],
};

function csvFailure(error: CsvError, shown: string, nextLine: number): AppError {
  // The failing record has not reached on_record; its raw text still starts with skipped blank lines.
  const raw = typeof error.raw === 'string' ? error.raw : '';
  const [message, reason] = CSV_ERRORS[error.code] ?? [error.message, 'ROW_UNREADABLE'];
  return fail(shown, message, nextLine + leadingLineBreaks(raw), reason);
}
