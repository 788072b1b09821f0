import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import {
  adviseExpert,
  createExpert,
  getExpert,
  listExpertsFor,
  type ExpertViewer,
} from '../../services/ecology/experts.service.ts';
import {
  adviseSchema,
  createExpertSchema,
  expertQuerySchema,
  type Expert,
  type ExpertList,
} from '../../shared/api/experts.ts';
import { paramIdSchema } from '../../shared/api/fields.ts';
import { parseOptions } from '../option-parsers.ts';
import {
  CHAIN_OPTION_HELP,
  cliActor,
  defaultCliChain,
  withDatabase,
  type GlobalOptions,
} from '../cli-context.ts';
import { renderTable } from '../text-table.ts';

// `chainlead expert add|list|show|advise`: the experts (专家库) of a chain, as the office (the CLI
// runs with the installation's own rights, so it sees contacts).

function cliViewer(): ExpertViewer {
  return { actor: cliActor(), role: 'admin' };
}

/** A record id from a command-line argument. Throws VALIDATION_FAILED naming the flag. */
export function parseCliId(text: string, flag: string): number {
  const parsed = paramIdSchema.safeParse(text);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `${flag}: "${text}" is not a record id.`, {
      field: flag,
    });
  }
  return parsed.data;
}

/** A comma-separated list (Chinese commas too), empty items dropped. */
export function splitList(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean);
}

function renderExpert(expert: Expert): string {
  const lines = [
    `expert ${expert.id}: ${expert.name}${expert.title ? ` · ${expert.title}` : ''}${expert.institution ? ` · ${expert.institution}` : ''}`,
    `fields: ${expert.fields.join('、') || '—'}`,
    `nodes: ${expert.nodes.map((n) => `${n.code} ${n.name.zh}`).join('; ') || '—'}`,
  ];
  if (expert.contact) lines.push(`contact: ${expert.contact}`);
  for (const a of expert.advice) {
    const whom = a.enterprise
      ? `enterprise ${a.enterprise.id} ${a.enterprise.name}`
      : `project ${a.project?.id} ${a.project?.name}`;
    lines.push(`advised ${whom} on ${a.advisedOn}${a.note ? ` (${a.note})` : ''}`);
  }
  return lines.join('\n');
}

function renderList(list: ExpertList): string {
  const rows = list.items.map((e) => [
    String(e.id),
    e.name,
    e.fields.join('、'),
    e.nodes.map((n) => n.name.zh).join('、'),
    e.institution ?? '',
    e.title ?? '',
  ]);
  return `${renderTable(['id', 'name', 'fields', 'nodes', 'institution', 'title'], rows)}\n${list.total} in all`;
}

export function registerExpertCommands(program: Command): void {
  const group = program
    .command('expert')
    .description("The chain's experts (专家库): add, list, show, record whom they advised")
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead expert add --name 陈明华 --field 抗体药物 --node biomed.mid.bio --institution 某大学药学院\n  $ chainlead expert list --node biomed.mid.bio --json',
    );
  group
    .command('add')
    .description('Record an expert with the fields and nodes they cover')
    .requiredOption('--name <text>', 'the name')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--field <list>', 'fields, comma-separated (抗体药物,细胞治疗)')
    .option('--node <codes>', 'node codes, comma-separated (biomed.mid.bio)')
    .option('--institution <text>', 'institution')
    .option('--title <text>', 'title, e.g. 教授')
    .option('--contact <text>', 'phone or e-mail (the office only)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead expert add --name 陈明华 --field 抗体药物,细胞治疗 --node biomed.mid.bio,biomed.up.reagent',
    )
    .action(
      async (
        options: Record<string, string | boolean | undefined> & { chain: string; json?: boolean },
        command: Command,
      ) => {
        const input = parseOptions(
          createExpertSchema,
          {
            name: options.name,
            fields: splitList(options.field as string | undefined),
            nodeCodes: splitList(options.node as string | undefined),
            institution: options.institution,
            title: options.title,
            contact: options.contact,
          },
          { fields: '--field', nodeCodes: '--node' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const expert = await createExpert(database.db, cliViewer(), options.chain, input);
          console.log(options.json ? JSON.stringify(expert, null, 2) : renderExpert(expert));
        });
      },
    );
  group
    .command('list')
    .description("The chain's experts by name, by node or text")
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--node <code>', 'only experts covering this node')
    .option('--q <text>', 'text in the name, a field or the institution')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead expert list --node biomed.mid.bio')
    .action(
      async (
        options: { chain: string; node?: string; q?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        const query = parseOptions(
          expertQuerySchema,
          {
            node: options.node,
            q: options.q,
            pageSize: options.limit,
          },
          { pageSize: '--limit' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const list = await listExpertsFor(database.db, cliViewer(), options.chain, query);
          console.log(options.json ? JSON.stringify(list, null, 2) : renderList(list));
        });
      },
    );
  group
    .command('show <id>')
    .description('One expert, with whom they advised')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead expert show 3 --json')
    .action(async (id: string, options: { chain: string; json?: boolean }, command: Command) => {
      const expertId = parseCliId(id, 'id');
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const expert = await getExpert(database.db, cliViewer(), options.chain, expertId);
        console.log(options.json ? JSON.stringify(expert, null, 2) : renderExpert(expert));
      });
    });
  group
    .command('advise <id>')
    .description('Record that the expert advised an enterprise or a project on a date')
    .requiredOption('--on <date>', 'the date, YYYY-MM-DD')
    .option('--enterprise <id>', 'the enterprise advised')
    .option('--project <id>', 'the project advised')
    .option('--note <text>', 'what about')
    .option('--chain <code>', CHAIN_OPTION_HELP, defaultCliChain())
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead expert advise 3 --enterprise 12 --on 2026-05-20 --note 注册申报辅导',
    )
    .action(
      async (
        id: string,
        options: Record<string, string | boolean | undefined> & { chain: string; json?: boolean },
        command: Command,
      ) => {
        const expertId = parseCliId(id, 'id');
        const input = parseOptions(
          adviseSchema,
          {
            enterpriseId:
              options.enterprise === undefined
                ? undefined
                : parseCliId(options.enterprise as string, '--enterprise'),
            projectId:
              options.project === undefined
                ? undefined
                : parseCliId(options.project as string, '--project'),
            advisedOn: options.on,
            note: options.note,
          },
          { enterpriseId: '--enterprise', projectId: '--project', advisedOn: '--on' },
        );
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const expert = await adviseExpert(
            database.db,
            cliViewer(),
            options.chain,
            expertId,
            input,
          );
          console.log(options.json ? JSON.stringify(expert, null, 2) : renderExpert(expert));
        });
      },
    );
}
