import type { Command } from 'commander';
import { AppError } from '../../domain/app-error.ts';
import { generatePassword } from '../../services/auth/password.ts';
import { writeFile } from 'node:fs/promises';
import { addUser, changePassword, listUserDetails } from '../../services/auth/users.service.ts';
import { createFirmAccounts, firmAccountsCsv } from '../../services/auth/firm-accounts.service.ts';
import { resolvePark } from '../../services/lookup/lookup.service.ts';
import { cliActor, withDatabase, type GlobalOptions } from '../cli-context.ts';

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new AppError('VALIDATION_FAILED', 'No password arrived on standard input.');
  return password;
}

/** The password from stdin when asked, else a generated one (which the command prints). */
async function choosePassword(fromStdin: boolean | undefined) {
  if (fromStdin) return { password: await readPasswordFromStdin(), generated: false };
  return { password: generatePassword(), generated: true };
}

function optionalId(text: string | undefined, option: string): number | null {
  if (text === undefined) return null;
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw new AppError('VALIDATION_FAILED', `${option} takes an id such as 3, not "${text}".`, {
      field: option.slice(2),
    });
  }
  return Number(text);
}

export function registerUserCommand(program: Command): void {
  const user = program
    .command('user')
    .description('Manage local user accounts')
    .addHelpText('after', '\nExample:\n  $ chainlead user add li.wei --role analyst');

  user
    .command('add <username>')
    .description(
      'Create a user (roles: admin, analyst, viewer, investment, park, office, chain_leader, department, firm); a generated password is one-time',
    )
    .option('-r, --role <role>', 'the role, e.g. analyst, office, department or firm', 'viewer')
    .option('--name <displayName>', 'display name, e.g. 李伟')
    .option('--park <id|code>', 'for role park: the one park it manages')
    .option('--department <id>', 'for role department: the department it works for')
    .option('--enterprise <id>', 'for role firm: the enterprise it speaks for')
    .option(
      '--chains <codes>',
      'comma-separated chain codes the user may see (default: every chain)',
    )
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead user add li.wei --role analyst --name 李伟\n' +
        '  $ chainlead user add wang.fang --role park --park wx-mashan-lifesci\n' +
        '  $ chainlead user add gxj.li --role department --department 3 --chains biomed\n' +
        "  $ printf 'a-long-password' | chainlead user add zhang.min --password-stdin",
    )
    .action(
      async (
        username: string,
        options: {
          role: string;
          name?: string;
          park?: string;
          department?: string;
          enterprise?: string;
          chains?: string;
          passwordStdin?: boolean;
        },
        command: Command,
      ) => {
        const { password, generated } = await choosePassword(options.passwordStdin);
        await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
          const parkId =
            options.park === undefined ? null : (await resolvePark(database.db, options.park)).id;
          const created = await addUser(database.db, cliActor(), {
            username,
            password,
            role: options.role,
            displayName: options.name ?? null,
            parkId,
            departmentId: optionalId(options.department, '--department'),
            enterpriseId: optionalId(options.enterprise, '--enterprise'),
            chainCodes: options.chains === undefined ? null : options.chains.split(','),
            // A password printed on a terminal is for handing over: the user replaces it.
            oneTime: generated,
          });
          console.log(
            `Created user "${created.username}" (${created.role}` +
              (created.parkId === null ? '' : `, park ${created.parkId}`) +
              ').' +
              (generated
                ? `\nPassword: ${password}  (one-time: shown only now, to be changed at first sign-in)`
                : ''),
          );
        });
      },
    );

  user
    .command('list')
    .description('List users')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ chainlead user list --json')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const users = await listUserDetails(database.db);
        if (options.json) {
          console.log(JSON.stringify(users, null, 2));
          return;
        }
        const rows = users.map(
          (u) =>
            `${u.username.padEnd(20)} ${u.role.padEnd(10)} ${u.disabled ? 'disabled' : 'active  '} ${u.displayName ?? ''}` +
            (u.parkId === null ? '' : ` (park ${u.parkId})`) +
            (u.departmentName === null ? '' : ` (${u.departmentName})`) +
            (u.enterpriseName === null ? '' : ` (${u.enterpriseName})`) +
            (u.chainCodes === null ? '' : ` [${u.chainCodes.join(', ')}]`) +
            (u.mustChangePassword ? ' *one-time password' : ''),
        );
        console.log(
          [`${'USERNAME'.padEnd(20)} ${'ROLE'.padEnd(10)} STATUS   NAME`, ...rows].join('\n'),
        );
      });
    });

  user
    .command('passwd <username>')
    .description(
      "Set a user's password (a new random one unless --password-stdin); ends their sessions",
    )
    .option('--password-stdin', 'read the new password from standard input')
    .addHelpText(
      'after',
      "\nExample:\n  $ chainlead user passwd admin\n  $ printf 'new-long-password' | chainlead user passwd admin --password-stdin",
    )
    .action(async (username: string, options: { passwordStdin?: boolean }, command: Command) => {
      const { password, generated } = await choosePassword(options.passwordStdin);
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        await changePassword(database.db, cliActor(), username, password);
        console.log(
          `Password of "${username}" changed.` +
            (generated ? `\nPassword: ${password}  (shown only now)` : ''),
        );
      });
    });

  user
    .command('firm-accounts')
    .description(
      'Open firm accounts in bulk from a CSV/XLSX (columns enterprise, username, displayName); all rows or none',
    )
    .requiredOption('--file <path>', 'the list: enterprise is a USCC, exact registered name or id')
    .option('--out <path>', 'write the usernames and one-time passwords to this CSV')
    .addHelpText(
      'after',
      '\nExample:\n  $ chainlead user firm-accounts --file list.csv --out passwords.csv',
    )
    .action(async (options: { file: string; out?: string }, command: Command) => {
      await withDatabase(command.optsWithGlobals<GlobalOptions>(), async (database) => {
        const created = await createFirmAccounts(database.db, cliActor(), options.file);
        if (options.out) {
          await writeFile(options.out, firmAccountsCsv(created), { mode: 0o600 });
          console.log(
            `Opened ${created.length} firm account(s); usernames and one-time passwords are in ${options.out}.`,
          );
          return;
        }
        console.log(
          firmAccountsCsv(created)
            .replace(/^\uFEFF/, '')
            .trimEnd(),
        );
      });
    });
}
