import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { parseOptions } from '../option-parsers.ts';
import {
  createPlatform,
  getPlatform,
  listPlatformsFor,
  recordPlatformUse,
  removePlatformUse,
  setPlatformTarget,
  type PlatformViewer,
} from '../../services/ecology/platforms.service.ts';
import {
  createPlatformSchema,
  platformQuerySchema,
  platformTargetRequestSchema,
  platformUseSchema,
  type Platform,
  type PlatformList,
} from '../../shared/api/platforms.ts';
import { paramIdSchema } from '../../shared/api/fields.ts';
import { formatNumber } from '../../shared/format.ts';
import {
  CHAIN_OPTION_HELP,
  cliActor,
  defaultCliChain,
  withDatabase,
  type GlobalOptions,
} from '../cli-context.ts';
import { renderTable } from '../text-table.ts';

// `chainlead platform add|list|show|use|target`: innovation platforms (创新平台) from the command
// line, as the office (the CLI runs with the installation's own rights, like the admin).

function cliViewer(): PlatformViewer {
  return { actor: cliActor(), role: 'admin', enterpriseId: null, parkId: null, chainCodes: null };
}

function parseId(text: string, flag: string): number {
  const parsed = paramIdSchema.safeParse(text);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `${flag}: "${text}" is not a record id.`, {
      field: flag,
    });
  }
  return parsed.data;
}

const num = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)}%`;

function renderList(list: PlatformList): string {
  const rows = list.items.map((p) => [
    String(p.id),
    p.name,
    p.kind.replaceAll('_', ' '),
    p.level,
    p.nodes.map((n) => n.name.zh).join('、'),
    String(p.firmsUsing),
    p.progress ? `${percent(p.progress.ratio)} (${p.progress.year})` : '—',
  ]);
  return `${renderTable(['id', 'name', 'kind', 'level', 'nodes', 'firms', 'progress'], rows)}\n${list.total} in all`;
}

function renderPlatform(p: Platform): string {
  const head = [
    `platform ${p.id}: ${p.name} · ${p.kind} · ${p.level}${p.demo ? ' · demo' : ''}`,
    `host: ${p.hostEnterprise?.name ?? p.hostName ?? '—'} · region ${p.region.name}${p.park ? ` · park ${p.park.name}` : ''}`,
    `nodes: ${p.nodes.map((n) => `${n.code} ${n.name.zh}`).join('; ') || '—'}`,
  ].join('\n');
  const users = renderTable(
    ['id', 'firm using it', 'since', 'service'],
    p.users.map((u) => [
      String(u.enterprise.id),
      u.enterprise.name,
      u.since ?? '',
      u.service ?? '',
    ]),
  );
  const targets = renderTable(
    ['year', 'metric', 'target', 'actual', 'progress'],
    p.targets.map((t) => [
      String(t.year),
      t.metric,
      formatNumber(t.target),
      t.actual === null ? '' : formatNumber(t.actual),
      percent(t.progress),
    ]),
  );
  return `${head}\n\n${p.firmsUsing} firms using it\n${users}\n\nTargets\n${targets}`;
}

const print = (value: Platform | PlatformList, json: boolean | undefined, text: string) =>
  console.log(json ? JSON.stringify(value, null, 2) : text);

export function registerPlatformCommand(program: Command): void {
  const group = program
    .command('platform')
    .description('Innovation platforms (创新平台): add, list, show, firms using them, targets')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead platform list --json\n  $ chainlead platform show 1',
    );
  group
    .command('add')
    .description('Record an innovation platform on a chain')
    .requiredOption('--name <text>', 'its name')
    .requiredOption(
      '--kind <kind>',
      'innovation_centre, public_service, key_lab, engineering_centre, incubator or other',
    )
    .requiredOption('--level <level>', 'national, provincial, municipal or district')
    .requiredOption('--region <code>', 'county-level region code, e.g. 320214')
    .option('--host <text>', 'the host institution or enterprise, as written')
    .option('--host-enterprise <id>', 'the host, an enterprise id of the registry')
    .option('--park <id>', 'the park id it sits in')
    .option('--node <codes>', 'the nodes it serves, comma-separated (biomed.up.cro,biomed.mid.bio)')
    .option('--description <text>', 'a description')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead platform add --name 生物医药中试平台 --kind engineering_centre --level municipal --region 320214 --node biomed.mid.cdmo',
    )
    .action(async (options: Record<string, string | boolean | undefined>, command: Command) => {
      const input = parseOptions(
        createPlatformSchema,
        {
          name: options.name,
          kind: options.kind,
          level: options.level,
          regionCode: options.region,
          hostName: options.host,
          hostEnterpriseId: num(options.hostEnterprise as string | undefined),
          parkId: num(options.park as string | undefined),
          nodeCodes:
            typeof options.node === 'string'
              ? options.node
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean)
              : undefined,
          description: options.description,
        },
        {
          regionCode: '--region',
          hostName: '--host',
          hostEnterpriseId: '--host-enterprise',
          parkId: '--park',
          nodeCodes: '--node',
        },
      );
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const platform = await createPlatform(
          database.db,
          cliViewer(),
          String(options.chain),
          input,
        );
        print(platform, options.json === true, renderPlatform(platform));
      });
    });
  group
    .command('list')
    .description("The chain's innovation platforms, national first")
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--kind <kind>', 'only this kind')
    .option('--level <level>', 'only this level')
    .option('--node <code>', 'only those serving this node')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead platform list --node biomed.mid.healthfood')
    .action(
      async (
        options: {
          chain: string;
          kind?: string;
          level?: string;
          node?: string;
          limit: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const query = parseOptions(
          platformQuerySchema,
          {
            kind: options.kind,
            level: options.level,
            node: options.node,
            pageSize: options.limit,
          },
          { pageSize: '--limit' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await listPlatformsFor(database.db, cliViewer(), options.chain, query);
          print(list, options.json, renderList(list));
        });
      },
    );
  group
    .command('show')
    .description('One platform: its nodes, the firms using it, its targets')
    .argument('<id>', 'the platform id')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead platform show 1 --json')
    .action(async (id: string, options: { chain: string; json?: boolean }, command: Command) => {
      const platformId = parseId(id, 'id');
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const platform = await getPlatform(database.db, cliViewer(), options.chain, platformId);
        print(platform, options.json, renderPlatform(platform));
      });
    });
  group
    .command('use')
    .description('Record that a firm uses the platform (or, with --remove, that it no longer does)')
    .argument('<id>', 'the platform id')
    .requiredOption('--enterprise <id>', 'the enterprise id of the firm')
    .option('--since <date>', 'since when, YYYY-MM-DD')
    .option('--service <text>', 'what it uses it for, e.g. 中试放大')
    .option('--note <text>', 'a note')
    .option('--remove', 'remove the recorded use')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead platform use 1 --enterprise 31 --since 2025-03-01 --service 中试放大',
    )
    .action(
      async (
        id: string,
        options: {
          enterprise: string;
          since?: string;
          service?: string;
          note?: string;
          remove?: boolean;
          chain: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const platformId = parseId(id, 'id');
        const enterpriseId = parseId(options.enterprise, '--enterprise');
        const input = parseOptions(platformUseSchema, {
          since: options.since,
          service: options.service,
          note: options.note,
        });
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const platform = options.remove
            ? await removePlatformUse(
                database.db,
                cliViewer(),
                options.chain,
                platformId,
                enterpriseId,
              )
            : await recordPlatformUse(
                database.db,
                cliViewer(),
                options.chain,
                platformId,
                enterpriseId,
                input,
              );
          print(platform, options.json, renderPlatform(platform));
        });
      },
    );
  group
    .command('target')
    .description("Set the platform's own target (and what it reached) for a metric in a year")
    .argument('<id>', 'the platform id')
    .requiredOption('--year <year>', 'the year')
    .requiredOption(
      '--metric <metric>',
      'firms_served, projects_incubated, rd_spend_yuan, patents_filed or services_delivered',
    )
    .requiredOption('--target <n>', 'the target (yuan for rd_spend_yuan)')
    .option('--actual <n>', 'what it reached')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead platform target 1 --year 2026 --metric firms_served --target 40 --actual 31',
    )
    .action(
      async (
        id: string,
        options: {
          year: string;
          metric: string;
          target: string;
          actual?: string;
          chain: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const platformId = parseId(id, 'id');
        const input = parseOptions(platformTargetRequestSchema, {
          year: num(options.year),
          metric: options.metric,
          target: num(options.target),
          actual: num(options.actual),
        });
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const platform = await setPlatformTarget(
            database.db,
            cliViewer(),
            options.chain,
            platformId,
            input,
          );
          print(platform, options.json, renderPlatform(platform));
        });
      },
    );
}
