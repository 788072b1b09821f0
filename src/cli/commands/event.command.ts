import type { Command } from 'commander';
import {
  createEvent,
  getEvent,
  listEventsFor,
  recordEventOutcome,
} from '../../services/ecology/events.service.ts';
import {
  createEventSchema,
  eventQuerySchema,
  recordEventOutcomeSchema,
  type EventDetail,
  type EventList,
} from '../../shared/api/events.ts';
import { parseOptions } from '../option-parsers.ts';
import {
  CHAIN_OPTION_HELP,
  cliActor,
  defaultCliChain,
  withDatabase,
  type GlobalOptions,
} from '../cli-context.ts';
import { renderTable } from '../text-table.ts';
import { parseCliId, splitList } from './expert.command.ts';

// `chainlead event add|list|show|outcome`: events (活动) of a chain and what came of them; a signed
// project goes into the investment pipeline at 签约.

const ids = (text: string | undefined, flag: string) =>
  splitList(text)?.map((id, i) => parseCliId(id, `${flag}.${i}`));

function renderEvent(event: EventDetail): string {
  const lines = [
    `event ${event.id}: ${event.heldOn} ${event.kind} · ${event.title}${event.place ? ` · ${event.place}` : ''}`,
    `enterprises: ${event.enterprises.map((e) => `${e.id} ${e.name}`).join('; ') || '—'}`,
    `experts: ${event.experts.map((e) => `${e.id} ${e.name}`).join('; ') || '—'}`,
  ];
  for (const o of event.outcomes) {
    lines.push(
      o.project
        ? `outcome ${o.id}: signed project ${o.project.id} ${o.project.name} (stage ${o.project.stage})`
        : `outcome ${o.id}: match${o.needMatchId ? ` ${o.needMatchId}` : ''} ${o.description ?? ''}`.trim(),
    );
  }
  return lines.join('\n');
}

function renderList(list: EventList): string {
  const rows = list.items.map((e) => [
    String(e.id),
    e.heldOn,
    e.kind,
    e.title,
    String(e.participantCount),
    String(e.signedProjects),
  ]);
  return `${renderTable(['id', 'date', 'kind', 'title', 'participants', 'signed'], rows)}\n${list.total} in all`;
}

export function registerEventCommands(program: Command): void {
  const group = program
    .command('event')
    .description("The chain's events (活动: 对接会, 路演, 签约仪式): add, list, show, outcomes")
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead event add --kind signing --title 重大项目签约仪式 --on 2026-06-18 --region 320214 --enterprise 12,15\n  $ chainlead event outcome 4 --signed-project-name 抗体药物产业化项目',
    );
  group
    .command('add')
    .description('Record an event with its participants')
    .requiredOption('--kind <kind>', 'matchmaking, roadshow, signing or other')
    .requiredOption('--title <text>', 'the title')
    .requiredOption('--on <date>', 'the date, YYYY-MM-DD')
    .option('--place <text>', 'the place')
    .option('--region <code>', 'the county-level region code, e.g. 320214')
    .option('--enterprise <ids>', 'participating enterprise ids, comma-separated')
    .option('--expert <ids>', 'participating expert ids, comma-separated')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead event add --kind roadshow --title 创新药路演 --on 2026-04-10 --expert 3,4',
    )
    .action(
      async (
        options: Record<string, string | boolean | undefined> & { chain: string; json?: boolean },
        command: Command,
      ) => {
        const input = parseOptions(
          createEventSchema,
          {
            kind: options.kind,
            title: options.title,
            heldOn: options.on,
            place: options.place,
            regionCode: options.region,
            enterpriseIds: ids(options.enterprise as string | undefined, 'enterpriseIds'),
            expertIds: ids(options.expert as string | undefined, 'expertIds'),
          },
          {
            heldOn: '--on',
            regionCode: '--region',
            enterpriseIds: '--enterprise',
            expertIds: '--expert',
          },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const event = await createEvent(database.db, cliActor(), options.chain, input);
          console.log(options.json ? JSON.stringify(event, null, 2) : renderEvent(event));
        });
      },
    );
  group
    .command('list')
    .description("The chain's events, newest first")
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--kind <kind>', 'only this kind')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead event list --kind signing --json')
    .action(
      async (
        options: { chain: string; kind?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        const query = parseOptions(
          eventQuerySchema,
          {
            kind: options.kind,
            pageSize: options.limit,
          },
          { pageSize: '--limit' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await listEventsFor(database.db, options.chain, query);
          console.log(options.json ? JSON.stringify(list, null, 2) : renderList(list));
        });
      },
    );
  group
    .command('show <id>')
    .description('One event with its participants and outcomes')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead event show 4')
    .action(async (id: string, options: { chain: string; json?: boolean }, command: Command) => {
      const eventId = parseCliId(id, 'id');
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const event = await getEvent(database.db, options.chain, eventId);
        console.log(options.json ? JSON.stringify(event, null, 2) : renderEvent(event));
      });
    });
  group
    .command('outcome <id>')
    .description(
      'Record what came of an event: a match (--match-id or --description), or a signed project (an existing one by --signed-project, moved to 签约; or a new one by --signed-project-name)',
    )
    .option('--match-id <id>', 'a recorded need match')
    .option('--description <text>', 'what came of it')
    .option('--signed-project <id>', 'an existing pipeline project, moved to 签约')
    .option('--signed-project-name <text>', 'a new pipeline project created at 签约')
    .option('--enterprise <id>', 'the new project: its investor enterprise')
    .option('--region <code>', "the new project: where it lands (the event's by default)")
    .option('--node <code>', 'the new project: its node')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead event outcome 4 --signed-project 17\n  $ chainlead event outcome 4 --signed-project-name 抗体药物产业化项目 --node biomed.mid.bio',
    )
    .action(
      async (
        id: string,
        options: Record<string, string | boolean | undefined> & { chain: string; json?: boolean },
        command: Command,
      ) => {
        const eventId = parseCliId(id, 'id');
        const signed =
          options.signedProject !== undefined || options.signedProjectName !== undefined;
        const optionalId = (flag: string, value: unknown) =>
          value === undefined ? undefined : parseCliId(value as string, flag);
        const input = parseOptions(
          recordEventOutcomeSchema,
          {
            kind: signed ? 'signed_project' : 'match',
            needMatchId: optionalId('--match-id', options.matchId),
            description: options.description,
            project: signed
              ? Object.fromEntries(
                  Object.entries({
                    projectId: optionalId('--signed-project', options.signedProject),
                    name: options.signedProjectName,
                    enterpriseId: optionalId('--enterprise', options.enterprise),
                    regionCode: options.region,
                    nodeCode: options.node,
                  }).filter(([, v]) => v !== undefined),
                )
              : undefined,
          },
          {
            needMatchId: '--match-id',
            'project.projectId': '--signed-project',
            'project.name': '--signed-project-name',
            'project.enterpriseId': '--enterprise',
            'project.regionCode': '--region',
            'project.nodeCode': '--node',
            project: '--signed-project',
          },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const event = await recordEventOutcome(
            database.db,
            cliActor(),
            options.chain,
            eventId,
            input,
          );
          console.log(options.json ? JSON.stringify(event, null, 2) : renderEvent(event));
        });
      },
    );
}
