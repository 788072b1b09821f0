import type { Command } from 'commander';
import { AppError, isAppError } from '../../domain/app-error.ts';
import {
  getChainMasterNetwork,
  getNodeLinks,
  listChainMasters,
} from '../../services/ecology/chain-masters.service.ts';
import { importLinks } from '../../services/ecology/link-import.service.ts';
import { createLink, listLinks, type LinkUser } from '../../services/ecology/links.service.ts';
import { createLinkSchema, linkQuerySchema } from '../../shared/api/links.ts';
import { formatPercent, formatYuan } from '../../shared/format.ts';
import {
  CHAIN_OPTION_HELP,
  cliActor,
  defaultCliChain,
  withDatabase,
  type GlobalOptions,
} from '../cli-context.ts';
import { parseOptions, parseRegion } from '../option-parsers.ts';
import { renderTable } from '../text-table.ts';
import { reportRefusedRows } from '../refused-rows.ts';

// `chainlead link`: links between enterprises (企业关系) and the chain master view (链主生态).

/** The CLI runs as the operator of the installation: it records any link, as an admin does. */
function operator(): LinkUser {
  return { actor: cliActor(), role: 'admin', enterpriseId: null };
}

/** A number option as a number; text that is no number is passed on as typed, for the refusal to quote. */
const toNumber = (text: string | undefined) =>
  text === undefined || text.trim() === '' || !Number.isFinite(Number(text)) ? text : Number(text);
const print = (json: boolean | undefined, value: unknown, text: () => string) =>
  console.log(json ? JSON.stringify(value, null, 2) : text());

interface AddOptions {
  kind: string;
  from: string;
  to: string;
  product?: string;
  share?: string;
  amountWan?: string;
  validFrom?: string;
  validTo?: string;
  json?: boolean;
}

export function registerLinkCommand(program: Command): void {
  const link = program
    .command('link')
    .description('Links between enterprises (供货, 服务, 控股, 合作) and chain masters (链主生态)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ chainlead link add --kind supplies --from 12 --to 3 --product 培养基\n  $ chainlead link masters --chain biomed --region 3202',
    );

  link
    .command('add')
    .description('Record a link from one enterprise to another (audited)')
    .requiredOption('--kind <kind>', 'supplies | serves | owns | cooperates')
    .requiredOption('--from <id>', 'the supplier, provider, owner or partner (enterprise id)')
    .requiredOption('--to <id>', 'the buyer, client, owned firm or partner (enterprise id)')
    .option('--product <text>', 'what is supplied or served')
    .option('--share <percent>', "share of the buyer's purchases, 0–100")
    .option('--amount-wan <万元>', 'yearly amount in 万元')
    .option('--valid-from <date>', 'YYYY-MM-DD')
    .option('--valid-to <date>', 'YYYY-MM-DD')
    .option('--json', 'print the link as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead link add --kind supplies --from 12 --to 3 --product 培养基 --share 15',
    )
    .action(async (options: AddOptions, command: Command) => {
      const amount = toNumber(options.amountWan);
      const flags = {
        fromId: '--from',
        toId: '--to',
        sharePercent: '--share',
        amountYuan: '--amount-wan',
        validTo: '--valid-to',
      };
      const input = parseOptions(
        createLinkSchema,
        {
          kind: options.kind,
          fromId: toNumber(options.from),
          toId: toNumber(options.to),
          product: options.product,
          sharePercent: toNumber(options.share),
          amountYuan: typeof amount === 'number' ? amount * 10_000 : amount,
          validFrom: options.validFrom,
          validTo: options.validTo,
        },
        flags,
      );
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const created = await createLink(database.db, operator(), input).catch((error: unknown) => {
          // The service names the API's fields (toId); a person typed --to.
          const details = isAppError(error, 'VALIDATION_FAILED')
            ? (error.details as { field?: string; why?: string } | null)
            : null;
          const flag = details?.field ? flags[details.field as keyof typeof flags] : undefined;
          if (flag && details?.why)
            throw new AppError('VALIDATION_FAILED', `${flag}: ${details.why}.`, details);
          throw error;
        });
        print(
          options.json,
          created,
          () => `link ${created.id}: ${created.from.name} → ${created.to.name} (${created.kind})`,
        );
      });
    });

  link
    .command('list')
    .description('List links, newest first')
    .option('--enterprise <id>', 'links where this enterprise is a party')
    .option('--kind <kind>', 'supplies | serves | owns | cooperates')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead link list --enterprise 3 --kind supplies')
    .action(
      async (
        options: { enterprise?: string; kind?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        const query = parseOptions(
          linkQuerySchema,
          { enterprise: options.enterprise, kind: options.kind, pageSize: options.limit },
          { pageSize: '--limit' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const page = await listLinks(database.db, operator(), query);
          print(
            options.json,
            page,
            () =>
              renderTable(
                ['id', 'kind', 'from', 'to', 'product', 'share', 'amount'],
                page.items.map((l) => [
                  String(l.id),
                  l.kind,
                  l.from.name,
                  l.to.name,
                  l.product ?? '',
                  l.sharePercent === null ? '' : `${l.sharePercent}%`,
                  l.amountYuan === null ? '' : formatYuan(l.amountYuan, 'zh'),
                ]),
              ) + `\n${page.total} links`,
          );
        });
      },
    );

  link
    .command('import <file>')
    .description(
      'Import links (XLSX or CSV: kind, from, to, product, share_percent, amount_wan_yuan, ' +
        'valid_from, valid_to): every row checked first, then all written or none',
    )
    .option('--dry-run', 'check every row and write nothing')
    .option('--errors <file>', 'write the refused rows as CSV (file, row, column, value, reason)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead link import links.xlsx --errors errors.csv')
    .action(
      async (
        file: string,
        options: { dryRun?: boolean; errors?: string; json?: boolean },
        command: Command,
      ) => {
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          try {
            const result = await importLinks(database.db, operator(), file, {
              dryRun: options.dryRun ?? false,
            });
            print(
              options.json,
              result,
              () =>
                `${result.rows} rows read: ${result.imported} links ${result.dryRun ? 'would be ' : ''}imported, ${result.unchanged} already recorded.`,
            );
          } catch (error) {
            await reportRefusedRows(error, file, options);
          }
        });
      },
    );

  link
    .command('masters')
    .description(
      "A chain's chain masters in a region with their local supporting rates (本地配套率)",
    )
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead link masters --chain biomed --region 3202')
    .action(
      async (options: { chain: string; region: string; json?: boolean }, command: Command) => {
        const regionCode = parseRegion(options.region);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const result = await listChainMasters(database.db, {
            chainCode: options.chain,
            regionCode,
          });
          print(
            options.json,
            result,
            () =>
              renderTable(
                [
                  'id',
                  'chain master',
                  'node',
                  'suppliers',
                  'local',
                  'rate (count)',
                  'rate (amount)',
                ],
                result.items.map((m) => [
                  String(m.id),
                  m.name,
                  m.node?.code ?? '',
                  String(m.rate.total),
                  String(m.rate.local),
                  formatPercent(m.rate.byCount),
                  formatPercent(m.rate.byAmount),
                ]),
                ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
              ) +
              `\n链主平均本地配套率 average local supporting rate: ${formatPercent(result.average.byCount)} by count, ${formatPercent(result.average.byAmount)} by amount (${result.average.masters} masters, links valid ${result.asOf})`,
          );
        });
      },
    );

  link
    .command('master <id>')
    .description("One chain master's suppliers and customers, local or elsewhere, by node")
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead link master 3 --region 3202')
    .action(
      async (
        id: string,
        options: { chain: string; region: string; json?: boolean },
        command: Command,
      ) => {
        const regionCode = parseRegion(options.region);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const network = await getChainMasterNetwork(database.db, {
            chainCode: options.chain,
            regionCode,
            enterpriseId: Number(id),
          });
          const { rate } = network.master;
          print(
            options.json,
            network,
            () =>
              `${network.master.name}: 本地配套率 ${formatPercent(rate.byCount)} (${rate.local}/${rate.total} supply links), ` +
              `${formatPercent(rate.byAmount)} by amount\n` +
              renderTable(
                ['role', 'partner', 'node', 'local', 'product', 'amount'],
                network.partners.map((p) => [
                  p.role,
                  p.enterprise.name,
                  p.node?.code ?? '',
                  p.local ? 'local' : 'elsewhere',
                  p.product ?? '',
                  p.amountYuan === null ? '' : formatYuan(p.amountYuan, 'zh'),
                ]),
              ),
          );
        });
      },
    );

  link
    .command('node <code>')
    .description("Where a node's firms buy and sell along the chain: supply links by partner node")
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .requiredOption('--region <code>', 'region code, e.g. 3202')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead link node biomed.mid.chem --region 3202')
    .action(
      async (
        nodeCode: string,
        options: { chain: string; region: string; json?: boolean },
        command: Command,
      ) => {
        const regionCode = parseRegion(options.region);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const view = await getNodeLinks(database.db, {
            chainCode: options.chain,
            nodeCode,
            regionCode,
          });
          print(
            options.json,
            view,
            () =>
              `${view.node.name.zh} (${view.node.code}): ${view.firms} firms in ${view.regionCode}\n` +
              renderTable(
                ['direction', 'partner node', 'links', 'local', 'on the chain flows'],
                view.flows.map((f) => [
                  f.direction,
                  f.node?.code ?? '-',
                  String(f.links),
                  String(f.local),
                  f.onChainFlow ? 'yes' : 'no',
                ]),
                ['left', 'left', 'right', 'right', 'left'],
              ),
          );
        });
      },
    );
}
