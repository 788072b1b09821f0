import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { listCategories, listDepartments } from '../../services/problems/departments.service.ts';
import type { ProblemUser } from '../../services/problems/problem-access.ts';
import { importProblems } from '../../services/problems/problem-import.service.ts';
import { listProblems } from '../../services/problems/problem-query.service.ts';
import {
  problemListQuerySchema,
  type ProblemListQuery,
  type ProblemSummary,
} from '../../shared/api/problems.ts';
import { csvDocument } from '../../shared/csv.ts';
import { PROBLEM_STAGES, PROBLEM_STAGE_NAMES } from '../../shared/problem-stages.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';
import { formatOfFile, parseOptions } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';
import { reportRefusedRows } from '../refused-rows.ts';

/** The CLI runs on the server with its database: the office's powers over every chain. */
function operator(): ProblemUser {
  return {
    ...cliActor(),
    role: 'admin',
    parkId: null,
    departmentId: null,
    enterpriseId: null,
    chainCodes: null,
  };
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

function stageOf(value: string): ProblemListQuery['stage'] {
  const stage = PROBLEM_STAGES.find(
    (s) =>
      s === fold(value) ||
      fold(PROBLEM_STAGE_NAMES[s].zh) === fold(value) ||
      fold(PROBLEM_STAGE_NAMES[s].en) === fold(value),
  );
  if (!stage) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--stage "${value}" is not a stage; use ${PROBLEM_STAGES.map((s) => `${s} (${PROBLEM_STAGE_NAMES[s].zh})`).join(', ')}.`,
      { field: 'stage' },
    );
  }
  return stage;
}

async function departmentOf(db: Db, value: string): Promise<number> {
  const departments = await listDepartments(db);
  const found = /^\d+$/.test(value.trim())
    ? departments.find((d) => d.id === Number(value))
    : departments.find((d) => fold(d.name) === fold(value));
  if (!found) {
    throw new AppError(
      'DEPARTMENT_NOT_FOUND',
      `No department has id or name "${value}"; known: ${departments.map((d) => `${d.id} ${d.name}`).join(', ') || 'none'}.`,
      { field: 'department' },
    );
  }
  return found.id;
}

async function categoryOf(db: Db, value: string): Promise<string> {
  const categories = await listCategories(db);
  const found = categories.find(
    (c) =>
      c.code === value.trim() || fold(c.name.zh) === fold(value) || fold(c.name.en) === fold(value),
  );
  if (!found) {
    throw new AppError(
      'CATEGORY_NOT_FOUND',
      `No problem category is "${value}"; use ${categories.map((c) => `${c.code} (${c.name.zh})`).join(', ')}.`,
      { field: 'category' },
    );
  }
  return found.code;
}

const LIST_HEADERS = ['编号', '企业', '环节', '类别', '责任部门', '阶段', '办理期限', '逾期'];

function listRow(p: ProblemSummary): string[] {
  return [
    p.reference,
    p.enterprise.name,
    p.node?.name.zh ?? '—',
    p.category.name.zh,
    p.department?.name ?? '—',
    PROBLEM_STAGE_NAMES[p.stage].zh,
    p.dueOn,
    p.overdue ? '逾期' : '',
  ];
}

interface ListOptions {
  chain?: string;
  region?: string;
  stage?: string;
  overdue?: boolean;
  category?: string;
  department?: string;
  json?: boolean;
  out?: string;
}

/** `problem list` and `problem import`, in the group `problem summary|export` made. */
export function registerProblemFileCommands(problem: Command): void {
  problem
    .command('import [file]')
    .description(
      'Import problems from XLSX or CSV (e.g. a 12345 hotline export): all rows or none; ' +
        'rows whose 12345 ticket number the enterprise already has are skipped',
    )
    // The file is an argument, as for every other import; --file, as it once was, still works.
    .addOption(new Option('--file <file>').hideHelp())
    .option('--dry-run', 'check every row and count, writing nothing')
    .option('--json', 'print the result (or the bad rows) as JSON')
    .option('--errors <file>', 'write the refused rows as CSV (file, row, column, value, reason)')
    .addHelpText(
      'after',
      '\nColumns (Chinese or English headers): 企业 (USCC or registered name), 标题, 内容, 类别, ' +
        '受理时间; optional 渠道 (default 12345 热线转办), 责任部门, 责任人, 联系人, 联系电话, ' +
        '产业链, 外部编号 (the 12345 ticket number). See docs/problems.md.\n' +
        '\nfile: FILE.xlsx or FILE.csv (UTF-8, UTF-8 with BOM or GB18030).\n' +
        '\nExamples:\n  $ chainlead problem import 12345-2025-06.xlsx --dry-run\n' +
        '  $ chainlead problem import 12345-2025-06.csv --json --errors bad-rows.csv',
    )
    .action(
      async (
        argument: string | undefined,
        options: { file?: string; dryRun?: boolean; json?: boolean; errors?: string },
        command: Command,
      ) => {
        const file = argument ?? options.file;
        if (file === undefined)
          throw new AppError(
            'VALIDATION_FAILED',
            'Name the file to import, e.g. chainlead problem import 12345-2025-06.xlsx',
          );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          try {
            const result = await importProblems(database.db, operator(), file, {
              dryRun: options.dryRun ?? false,
            });
            if (options.json) return void console.log(JSON.stringify(result, null, 2));
            console.log(
              `${result.rows} rows read: ${result.imported} ${result.dryRun ? 'would be imported' : 'imported'}, ` +
                `${result.skipped} skipped (ticket number already imported).` +
                (result.dryRun ? ' Dry run: nothing was written.' : ''),
            );
          } catch (error) {
            await reportRefusedRows(error, file, options);
          }
        });
      },
    );

  problem
    .command('list')
    .description(
      'List problems (every chain and department: the CLI runs as the admin) with their stage, ' +
        'due date and whether overdue',
    )
    .option('--chain <code>', 'chain code, e.g. biomed')
    .option('--region <code>', 'region code prefix, e.g. 3202 (Wuxi)')
    .option('--stage <stage>', 'one stage: code (in_progress) or name (办理中)')
    .option('--overdue', 'only overdue problems')
    .option('--category <code>', 'one category: code (land) or name (用地/厂房)')
    .option('--department <id|name>', 'one department, by id or name')
    .option('--json', 'print the problems as JSON')
    .option('--out <file>', 'write the list as CSV to this file')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead problem list --chain biomed --region 3202 --stage in_progress\n' +
        '  $ chainlead problem list --region 3202 --overdue --department 无锡市商务局\n' +
        '  $ chainlead problem list --chain biomed --category land --json\n' +
        '  $ chainlead problem list --region 3202 --out 问题.csv',
    )
    .action(async (options: ListOptions, command: Command) => {
      const parsed = parseOptions(problemListQuerySchema, {
        chain: options.chain,
        region: options.region,
        overdue: options.overdue ? 'true' : undefined,
        pageSize: 500,
      });
      // The list is CSV: a file named .xlsx would hold text Excel refuses to open.
      if (options.out) formatOfFile(options.out, ['csv'] as const);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const db = database.db;
        const query: ProblemListQuery = {
          ...parsed,
          stage: options.stage === undefined ? undefined : stageOf(options.stage),
          category:
            options.category === undefined ? undefined : await categoryOf(db, options.category),
          department:
            options.department === undefined
              ? undefined
              : await departmentOf(db, options.department),
        };
        const now = new Date();
        const items: ProblemSummary[] = [];
        for (let page = 1; ; page++) {
          const found = await listProblems(db, operator(), { ...query, page }, now);
          items.push(...found.items);
          if (found.items.length === 0 || items.length >= found.total) break;
        }
        if (options.out) {
          writeFileSync(options.out, csvDocument(LIST_HEADERS, items.map(listRow)));
          console.error(`Wrote ${items.length} problems to ${options.out}.`);
        }
        if (options.json) return void console.log(JSON.stringify(items, null, 2));
        if (options.out) return;
        console.log(
          `${renderTable(LIST_HEADERS, items.map(listRow))}\n${items.length} problems` +
            (items.some((p) => p.overdue)
              ? `, ${items.filter((p) => p.overdue).length} overdue.`
              : '.'),
        );
      });
    });
}
