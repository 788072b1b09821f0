import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { parseOptions } from '../option-parsers.ts';
import { proposeMatches, recordMatchOutcome } from '../../services/ecology/matchmaking.service.ts';
import {
  createNeedOffer,
  listNeedOffersFor,
  type NeedViewer,
} from '../../services/ecology/needs.service.ts';
import {
  createNeedSchema,
  needQuerySchema,
  recordOutcomeSchema,
  type Need,
  type NeedKind,
  type NeedList,
  type NeedMatches,
} from '../../shared/api/needs.ts';
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

// `chainlead need add|list|matches`, `offer add|list`, `match outcome`: 供需对接 from the command
// line, as the office (the CLI runs with the installation's own rights, like the admin).

/** The CLI acts as the office: it sees every field and publishes for any enterprise. */
function cliViewer(): NeedViewer {
  return { actor: cliActor(), role: 'admin', enterpriseId: null };
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

function renderList(list: NeedList): string {
  const rows = list.items.map((n) => [
    String(n.id),
    n.enterprise.name,
    n.district?.name ?? '',
    n.node?.name.zh ?? '—',
    n.product,
    n.quantity === null ? '' : `${formatNumber(n.quantity)} ${n.unit ?? ''}`.trim(),
    n.status,
  ]);
  return `${renderTable(['id', 'enterprise', 'district', 'node', 'product', 'quantity', 'status'], rows)}\n${list.total} in all`;
}

function renderNeed(need: Need): string {
  const node = need.node
    ? `${need.node.name.zh} (${need.node.code})${need.node.proposed ? ', proposed from the text' : ''}`
    : '—';
  return `${need.kind} ${need.id}: ${need.enterprise.name} · ${need.product} · node ${node}`;
}

function renderMatches(matches: NeedMatches): string {
  const head = `${renderNeed(matches.need)}${matches.noLocalSupplier ? "\nNo local supplier: it feeds the node's reasons (补链)." : ''}`;
  const rows = matches.items.map((m) => [
    String(m.rank),
    String(m.supplier.id),
    m.supplier.name,
    m.distance,
    String(m.score),
    m.reasons.map((r) => r.zh).join('；'),
    m.outcome ? `${m.outcome.outcome} ${m.outcome.outcomeOn}` : '',
  ]);
  return `${head}\n${renderTable(['#', 'id', 'supplier', 'distance', 'score', 'reasons', 'outcome'], rows)}`;
}

function registerKind(program: Command, kind: NeedKind): Command {
  const group = program
    .command(kind)
    .description(
      kind === 'need'
        ? "Needs (需求) of the chain's enterprises: add, list, proposed matches"
        : "Offers (供给) of the chain's enterprises: add, list",
    )
    .addHelpText(
      'after',
      `\nExample:\n  $ chainlead ${kind} add --enterprise 12 --product ${kind === 'need' ? '无血清培养基' : '药用中硼硅玻璃管'} --quantity 500 --unit 升\n  $ chainlead ${kind} list --json`,
    );
  group
    .command('add')
    .description(
      `Publish a ${kind} for an enterprise; the node is proposed from the text when left out`,
    )
    .requiredOption('--enterprise <id>', 'the enterprise id')
    .requiredOption('--product <text>', 'the product or service')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--node <code>', 'the node that makes it, e.g. biomed.up.reagent')
    .option('--quantity <n>', 'quantity')
    .option('--unit <text>', 'unit, e.g. 升')
    .option('--price <yuan>', 'unit price or budget, yuan')
    .option('--contact <text>', 'contact')
    .option('--from <date>', 'period start, YYYY-MM-DD')
    .option('--to <date>', 'period end, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  $ chainlead ${kind} add --enterprise 12 --product 细胞培养基 --from 2026-01-01 --to 2026-06-30`,
    )
    .action(
      async (
        options: Record<string, string | boolean | undefined> & { chain: string; json?: boolean },
        command: Command,
      ) => {
        const input = parseOptions(
          createNeedSchema,
          {
            enterpriseId: num(options.enterprise as string),
            product: options.product,
            nodeCode: options.node,
            quantity: num(options.quantity as string | undefined),
            unit: options.unit,
            priceYuan: num(options.price as string | undefined),
            contact: options.contact,
            startsOn: options.from,
            endsOn: options.to,
          },
          {
            enterpriseId: '--enterprise',
            nodeCode: '--node',
            priceYuan: '--price',
            startsOn: '--from',
            endsOn: '--to',
          },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const need = await createNeedOffer(database.db, cliViewer(), options.chain, kind, input);
          console.log(options.json ? JSON.stringify(need, null, 2) : renderNeed(need));
        });
      },
    );
  group
    .command('list')
    .description(`The chain's ${kind}s, newest first`)
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--status <status>', 'open, expired (open, its period over) or closed')
    .option('--node <code>', 'only this node')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExample:\n  $ chainlead ${kind} list --status open --json`)
    .action(
      async (
        options: { chain: string; status?: string; node?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        const query = parseOptions(
          needQuerySchema,
          {
            status: options.status,
            node: options.node,
            pageSize: options.limit,
          },
          { pageSize: '--limit' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await listNeedOffersFor(
            database.db,
            cliViewer(),
            options.chain,
            kind,
            query,
          );
          console.log(options.json ? JSON.stringify(list, null, 2) : renderList(list));
        });
      },
    );
  return group;
}

export function registerNeedCommands(program: Command): void {
  const need = registerKind(program, 'need');
  need
    .command('matches')
    .description('Proposed suppliers for a need, local first, with reasons and outcomes')
    .argument('<id>', 'the need id')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead need matches 7 --json')
    .action(async (id: string, options: { chain: string; json?: boolean }, command: Command) => {
      const needId = parseId(id, 'id');
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const matches = await proposeMatches(database.db, cliViewer(), options.chain, needId);
        console.log(options.json ? JSON.stringify(matches, null, 2) : renderMatches(matches));
      });
    });
  registerKind(program, 'offer');
  // `match <left> <right>` (the registry matcher) exists already: `match outcome` is its subcommand.
  const match =
    program.commands.find((c) => c.name() === 'match') ??
    program.command('match').description('What came of matches between needs and suppliers');
  match
    .command('outcome')
    .description('Record what came of a match: contacted, sampled, contracted or dropped')
    .requiredOption('--need <id>', 'the need id')
    .requiredOption('--supplier <id>', "the supplier's enterprise id")
    .requiredOption('--outcome <outcome>', 'contacted, sampled, contracted or dropped')
    .requiredOption('--on <date>', 'the date, YYYY-MM-DD')
    .option('--offer <id>', "the supplier's offer it came through")
    .option('--note <text>', 'a note')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead match outcome --need 7 --supplier 31 --outcome sampled --on 2026-11-20',
    )
    .action(
      async (
        options: {
          need: string;
          supplier: string;
          outcome: string;
          on: string;
          offer?: string;
          note?: string;
          chain: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const input = parseOptions(
          recordOutcomeSchema,
          {
            outcome: options.outcome,
            outcomeOn: options.on,
            offerId: num(options.offer),
            note: options.note,
          },
          { outcomeOn: '--on', offerId: '--offer' },
        );
        const needId = parseId(options.need, '--need');
        const supplierId = parseId(options.supplier, '--supplier');
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const record = await recordMatchOutcome(
            database.db,
            cliViewer(),
            options.chain,
            needId,
            supplierId,
            input,
          );
          console.log(
            options.json
              ? JSON.stringify(record, null, 2)
              : `need ${record.needId} × supplier ${record.supplierId}: ${record.outcome} on ${record.outcomeOn}`,
          );
        });
      },
    );
}
