import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  parseProjectDate,
  parseProjectMoney,
  parseProjectYear,
  parseSpaceNeed,
  parseStage,
  type CellParse,
} from '../../domain/project-columns.ts';
import { requireUser, resolvePark } from '../../services/lookup/lookup.service.ts';
import { listProjectBoard } from '../../services/projects/project-query.service.ts';
import { createProject, moveProject, parseInput } from '../../services/projects/project.service.ts';
import {
  createProjectSchema,
  PROJECT_STAGE_NAMES,
  projectQuerySchema,
  type ProjectDetail,
} from '../../shared/api/projects.ts';
import {
  cliActor,
  withDatabase,
  type GlobalOptions,
  CHAIN_OPTION_HELP,
  defaultCliChain,
  chainOfNodeOption,
} from '../cli-context.ts';
import { registerProjectFileCommands } from './project-file.command.ts';

/** A flag's value parsed like a spreadsheet cell; a bad value names the flag. */
function flag<T>(
  value: string | undefined,
  option: string,
  parse: (text: string) => CellParse<T>,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', `${option} "${value}": ${parsed.reason}.`);
  return parsed.value ?? undefined;
}

function stageOf(value: string, option: string) {
  const stage = flag(value, option, parseStage);
  if (!stage) throw new AppError('VALIDATION_FAILED', `${option} needs a stage.`);
  return stage;
}

function describe(project: ProjectDetail): string {
  return `#${project.id} ${project.name} — ${PROJECT_STAGE_NAMES[project.stage].zh} (${project.stage})`;
}

interface AddOptions {
  chain: string;
  region: string;
  name?: string;
  node?: string;
  enterprise?: string;
  investor?: string;
  stage?: string;
  amount?: string;
  output?: string;
  fromYear?: string;
  space?: string;
  neededFrom?: string;
  park?: string;
  owner?: string;
  nextAction?: string;
  nextActionOn?: string;
  notes?: string;
  json?: boolean;
}

export function registerProjectCommand(program: Command): void {
  const project = program
    .command('project')
    .description('Investment projects and leads (线索 → 在谈 → 签约 → 开工 → 投产)')
    .addHelpText('after', '\nExample:\n  $ chainlead project list --stalled');

  project
    .command('add')
    .description('Create a project (a lead unless --stage says otherwise)')
    .requiredOption('--region <code>', 'where it is to land, e.g. 3202')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--name <text>', "project name (default: the enterprise's name)")
    .option('--node <code>', 'the node it fills, e.g. biomed.mid.blood')
    .option('--enterprise <id>', 'the enterprise courted (a candidate)')
    .option('--investor <text>', 'the investor, when not in the registry')
    .option('--stage <stage>', 'lead, negotiating, signed, started, producing (or 线索…投产)')
    .option('--amount <money>', 'investment, in 万元 unless stated (5亿, 3000万元)')
    .option('--output <money>', 'expected annual output, in 万元 unless stated')
    .option('--from-year <year>', 'the year that output starts')
    .option(
      '--space <need>',
      'space need, e.g. "wet_lab:2000,office:500" or "湿实验室 2000；办公 500"',
    )
    .option('--needed-from <date>', 'when it needs the space, e.g. 2026-03-01')
    .option('--park <id|code>', 'the park it is aimed at')
    .option('--owner <username>', 'who manages it (role investment or admin)')
    .option('--next-action <text>', 'the next step')
    .option('--next-action-on <date>', 'the date of the next step')
    .option('--notes <text>', 'notes')
    .option('--json', 'print the project as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead project add --region 3202 --node biomed.mid.blood --enterprise 1534 \\\n' +
        '      --amount 5亿 --output 8亿 --from-year 2027 --space "gmp_plant:6000,office:800" --owner investment',
    )
    .action(async (options: AddOptions, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const db = database.db;
        let ownerId: number | undefined;
        if (options.owner) {
          ownerId = (await requireUser(db, options.owner, 'owner')).id;
        }
        const input = parseInput(createProjectSchema, {
          chainCode: chainOfNodeOption(command, options) ?? options.chain,
          regionCode: options.region,
          name: options.name,
          nodeCode: options.node,
          enterpriseId: options.enterprise === undefined ? undefined : Number(options.enterprise),
          investor: options.investor,
          stage: options.stage === undefined ? undefined : stageOf(options.stage, '--stage'),
          investmentYuan: flag(options.amount, '--amount', (t) => parseProjectMoney(t, null)),
          expectedOutputYuan: flag(options.output, '--output', (t) => parseProjectMoney(t, null)),
          outputStartYear: flag(options.fromYear, '--from-year', parseProjectYear),
          spaceNeed: flag(options.space, '--space', parseSpaceNeed),
          spaceNeededFrom: flag(options.neededFrom, '--needed-from', parseProjectDate),
          parkId: options.park === undefined ? undefined : (await resolvePark(db, options.park)).id,
          ownerId,
          nextAction: options.nextAction,
          nextActionOn: flag(options.nextActionOn, '--next-action-on', parseProjectDate),
          notes: options.notes,
        });
        const created = await createProject(db, cliActor(), input);
        console.log(
          options.json ? JSON.stringify(created, null, 2) : `Created project ${describe(created)}.`,
        );
      });
    });

  project
    .command('list')
    .description('List projects by stage (the kanban board as text)')
    .option('--chain <code>', 'chain code')
    .option('--region <code>', 'region code prefix, e.g. 3202')
    .option('--stage <stage>', 'one stage')
    .option('--status <status>', 'active (default), dropped or all', 'active')
    .option('--node <code>', 'one node (with --chain)')
    .option('--park <id|code>', 'one park')
    .option('--owner <username>', "one owner's projects")
    .option('--stalled', 'only stalled projects')
    .option('--json', 'print JSON (the board: items and columns by stage)')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead project list --region 3202 --stage negotiating\n  $ chainlead project list --stalled --json',
    )
    .action(
      async (
        options: {
          chain?: string;
          region?: string;
          stage?: string;
          status: string;
          node?: string;
          park?: string;
          owner?: string;
          stalled?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const db = database.db;
          const query = parseInput(projectQuerySchema, {
            chain: chainOfNodeOption(command, options),
            region: options.region,
            stage: options.stage === undefined ? undefined : stageOf(options.stage, '--stage'),
            status: options.status,
            node: options.node,
            park: options.park === undefined ? undefined : (await resolvePark(db, options.park)).id,
            owner: options.owner,
            stalled: options.stalled ? 'true' : undefined,
          });
          const board = await listProjectBoard(db, query);
          if (options.json) return void console.log(JSON.stringify(board, null, 2));
          const lines: string[] = [];
          for (const column of board.columns) {
            lines.push(
              `${column.name.zh} ${column.stage} (${column.count}, p=${column.probability})`,
            );
            for (const p of column.items) {
              lines.push(
                `  #${String(p.id).padEnd(4)} ${p.name}  [${p.node?.name.zh ?? '-'}]  ${p.owner?.username ?? '-'}` +
                  `  ${p.daysSinceChange}d${p.stalled ? '  STALLED' : ''}${p.status === 'dropped' ? '  DROPPED' : ''}`,
              );
            }
          }
          lines.push(
            `${board.total} projects; stalled after ${board.stalledDays} days without change.`,
          );
          console.log(lines.join('\n'));
        });
      },
    );

  project
    .command('move <id>')
    .description('Move a project one stage forward, or back with --reason')
    .requiredOption(
      '--to <stage>',
      'the stage: lead, negotiating, signed, started, producing (or 线索…投产)',
    )
    .option('--reason <text>', 'why (required when moving back)')
    .option('--json', 'print the project as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead project move 3 --to signed\n  $ chainlead project move 3 --to negotiating --reason "terms reopened"',
    )
    .action(
      async (
        id: string,
        options: { to: string; reason?: string; json?: boolean },
        command: Command,
      ) => {
        const projectId = Number(id);
        if (!Number.isInteger(projectId) || projectId <= 0) {
          throw new AppError('VALIDATION_FAILED', `"${id}" is not a project id.`);
        }
        const to = stageOf(options.to, '--to');
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const moved = await moveProject(database.db, cliActor(), projectId, {
            to,
            reason: options.reason,
          });
          console.log(
            options.json ? JSON.stringify(moved, null, 2) : `Moved project ${describe(moved)}.`,
          );
        });
      },
    );

  registerProjectFileCommands(project);
}
