import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../../db/connection.ts';
import { renderTable, type Align } from '../text-table.ts';
import { AppError } from '../../domain/app-error.ts';
import { csvDocument } from '../../shared/csv.ts';
import { withDatabase, type GlobalOptions } from '../cli-context.ts';

// What the regional-statistics commands share: option parsing, tables on a terminal, CSV files.

export type Cell = string | number | boolean | null;

export function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new AppError(
      'VALIDATION_FAILED',
      `${name} must be ${allowed.join(' or ')}, not "${value}".`,
    );
  return value as T;
}

export function year(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1900 || parsed > 2200)
    throw new AppError('VALIDATION_FAILED', `${name} must be a year such as 2020, not "${value}".`);
  return parsed;
}

/** Fixed decimals for the terminal; files and JSON keep full precision. */
export function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** A plain text table: columns padded to their widest cell (Chinese counted wide), numbers right-aligned. */
export function printTable(headers: string[], rows: Cell[][]): void {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const align = headers.map((_, i): Align =>
    rows.every((r) => typeof r[i] !== 'string' || /^[-\d.,%–]+$/.test(r[i])) ? 'right' : 'left',
  );
  console.log(renderTable(headers, text, align));
}

/** Writes CSV (UTF-8 with BOM so spreadsheets show Chinese names) and says so on stderr. */
export function writeCsv(out: string, headers: string[], rows: Cell[][], what: string): void {
  writeFileSync(out, csvDocument(headers, rows));
  console.error(`Wrote ${rows.length} ${what} to ${out}.`);
}

/** The CSV of rows by field: each field a column, headed by its snake_case name. */
export function csvOfFields<K extends string, T extends Record<K, Cell>>(
  rows: readonly T[],
  fields: readonly K[],
  what: string,
): { headers: string[]; rows: Cell[][]; what: string } {
  return {
    headers: fields.map((field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
    rows: rows.map((row) => fields.map((field) => row[field])),
    what,
  };
}

/** The options every statistics command reads alike. */
export interface StatsScopeOptions {
  scheme: string;
  benchmark?: string;
  region?: string;
  industry?: string;
  out?: string;
  json?: boolean;
}

/** The query fields every statistics command takes alike: scheme, benchmark, region, industry. */
export function statsScope(options: StatsScopeOptions) {
  return {
    scheme: options.scheme,
    benchmark: options.benchmark,
    region: options.region,
    industry: options.industry,
  };
}

/** One answer of a statistics command, in each of the forms a user may ask for. */
export interface StatsOutput {
  /** The answer as the API gives it (--json). */
  json: unknown;
  /** The rows of the --out CSV file, and what they are ("regions"). */
  csv: () => { headers: string[]; rows: Cell[][]; what: string };
  /** Prints the answer for a person. */
  print: () => void;
}

/** Prints JSON with --json, writes CSV with --out, else prints the answer for a person. */
export function emitStats(options: { json?: boolean; out?: string }, output: StatsOutput): void {
  if (options.json) {
    console.log(JSON.stringify(output.json, null, 2));
    return;
  }
  if (options.out) {
    const { headers, rows, what } = output.csv();
    writeCsv(options.out, headers, rows, what);
    return;
  }
  output.print();
}

/** What a statistics command makes of its answer: the CSV rows and fields, and the printout. */
export interface StatsPresentation<T, K extends string, R extends Record<K, Cell>> {
  /** The rows of the --out CSV file, one column per field. */
  rows: (answer: T) => readonly R[];
  fields: readonly K[];
  /** What the rows are ("regions"), for the line saying where they went. */
  what: string;
  /** Prints the answer for a person. */
  print: (answer: T) => void;
}

/** Runs a statistics query on the command's database and emits the answer (see emitStats). */
export async function runStatsCommand<T, K extends string, R extends Record<K, Cell>>(
  command: Command,
  options: { json?: boolean; out?: string },
  query: (db: Db) => Promise<T>,
  presentation: StatsPresentation<T, K, R>,
): Promise<void> {
  await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
    const answer = await query(database.db);
    emitStats(options, {
      json: answer,
      csv: () => csvOfFields(presentation.rows(answer), presentation.fields, presentation.what),
      print: () => presentation.print(answer),
    });
  });
}
