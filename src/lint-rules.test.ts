import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import htmlTextEscaped from '../eslint-rules/html-text-escaped.js';
import noServiceFolderCycles from '../eslint-rules/no-service-folder-cycles.js';

// The layers of docs/architecture.md hold because lint refuses what crosses them; these tests
// lint snippets as if they stood in real files of the repository, with its eslint.config.js.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** A module that imports `name` from `from` and uses it: the smallest file an import ban sees. */
const probeImport = (name: string, from: string): string =>
  `import { ${name} } from '${from}';\n\nexport const probe = ${name};\n`;

async function messagesOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layer rules of eslint.config.js', () => {
  it('refuses a repository in a server file, saying why', async () => {
    const messages = await messagesOf(
      'src/server/routes/health.routes.ts',
      probeImport('findSetting', '../../db/setting.repository.ts'),
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*reach the database through services/),
    ]);
  });

  it('lets a CLI file name the types of src/db/connection.ts, not open the database itself', async () => {
    expect(
      await messagesOf(
        'src/cli/cli-context.ts',
        "import type { Database } from '../db/connection.ts';\n\nexport type Probe = Database;\n",
      ),
    ).toEqual([]);
    expect(
      await messagesOf(
        'src/cli/cli-context.ts',
        probeImport('openDatabase', '../db/connection.ts'),
      ),
    ).toEqual([expect.stringMatching(/Only the types of src\/db\/connection.ts/)]);
  });

  it('refuses the schema in a service: SQL lives in the repositories', async () => {
    const messages = await messagesOf(
      'src/services/export/export.service.ts',
      probeImport('enterprise', '../../db/schema.ts'),
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*SQL lives in the repositories/),
    ]);
  });
});

describe('the web module rules of eslint.config.js', () => {
  const modules = join(ROOT, 'web/src/modules');
  /** An existing file of the module, so the type-aware parser finds its project. */
  const fileOf = (module: string): string => {
    const sub = readdirSync(join(modules, module), { withFileTypes: true }).find((e) =>
      e.isDirectory(),
    );
    if (!sub) throw new Error(`web/src/modules/${module} has no folder`);
    const file = readdirSync(join(modules, module, sub.name)).find((name) => /\.tsx?$/.test(name));
    if (!file) throw new Error(`web/src/modules/${module}/${sub.name} has no source file`);
    return `web/src/modules/${module}/${sub.name}/${file}`;
  };

  it('refuses a feature importing another feature, saying where shared pieces go', async () => {
    const messages = await messagesOf(
      fileOf('cockpit'),
      probeImport('KanbanPage', '../../investment/components/KanbanPage.tsx'),
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Feature modules .* most often ui/),
    ]);
  });

  it('lets a feature import the foundations (ui, api, i18n…)', async () => {
    expect(
      await messagesOf(
        fileOf('cockpit'),
        probeImport('PageSpinner', '../../ui/components/PageSpinner.tsx'),
      ),
    ).toEqual([]);
  });

  it('refuses a foundation importing a feature', async () => {
    const messages = await messagesOf(
      fileOf('ui'),
      probeImport('KanbanPage', '../../investment/components/KanbanPage.tsx'),
    );
    expect(messages).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Foundation modules .* no feature module/),
    ]);
  });

  it('classes every module: none but the shell may import the shell', async () => {
    const names = readdirSync(modules).filter((name) => name !== 'app');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const messages = await messagesOf(
        fileOf(name),
        probeImport('App', '../../app/components/App.tsx'),
      );
      expect(messages, `web/src/modules/${name}`).toEqual([
        expect.stringMatching(/no-restricted-imports: .*app shell/),
      ]);
    }
  });
});

describe('no-service-folder-cycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chainlead-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('src/services/alpha/a.ts', "import { b } from '../beta/b.ts';\nexport const a = b;\n");
  write('src/services/beta/b.ts', "export { c as b } from '../gamma/c.ts';\n");
  write('src/services/gamma/c.ts', "import { a } from '../alpha/a.ts';\nexport const c = a;\n");
  write('src/services/delta/d.ts', "import { c } from '../gamma/c.ts';\nexport const d = c;\n");
  const fixtureLint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { chainlead: { rules: { 'no-service-folder-cycles': noServiceFolderCycles } } },
        rules: { 'chainlead/no-service-folder-cycles': 'error' },
      },
    ],
  });
  const lint = async (path: string, code: string) => {
    const [result] = await fixtureLint.lintText(code, { filePath: join(dir, path) });
    return (result?.messages ?? []).map((m) => m.message);
  };

  it('reports an import that leads back to the folder, through any number of folders', async () => {
    expect(
      await lint(
        'src/services/alpha/a.ts',
        "import { b } from '../beta/b.ts';\nexport const a = b;\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^services\/alpha imports services\/beta.*alpha → beta → gamma → alpha/,
      ),
    ]);
  });

  it('lets a folder import siblings that never lead back to it', async () => {
    expect(
      await lint(
        'src/services/delta/d.ts',
        "import { c } from '../gamma/c.ts';\nexport const d = c;\n",
      ),
    ).toEqual([]);
  });
});

describe('html-text-escaped', () => {
  const htmlLint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { chainlead: { rules: { 'html-text-escaped': htmlTextEscaped } } },
        rules: { 'chainlead/html-text-escaped': 'error' },
      },
    ],
  });
  /** The source text of each piece the rule reports in `code`. */
  const reported = async (code: string) => {
    const [result] = await htmlLint.lintText(code, { filePath: join(ROOT, 'probe.ts') });
    const lines = code.split('\n');
    return (result?.messages ?? []).map((m) =>
      (lines[m.line - 1] ?? '').slice(m.column - 1, (m.endColumn ?? m.column) - 1),
    );
  };

  it('reports text joined into HTML without escapeHtml, in templates, + and joins', async () => {
    const code = [
      'declare const name: string;',
      'declare const t: (key: string) => string;',
      'declare const escapeHtml: (text: string) => string;',
      'export const a = `<b>${name}</b> ${escapeHtml(name)}`;',
      "export const b = '<b>' + name + escapeHtml(name);",
      "export const c = [name, escapeHtml(t('x')), `${t('y')}<br/>`].join('<br/>');",
      "export const d = [...[name].map((n) => `<i>${escapeHtml(n)}</i>`), ...[name].map((n) => n)].join('<br/>');",
      'export const e = `plain ${name}`;',
      "export const f = [name, t('z')].join(', ');",
    ].join('\n');
    expect(await reported(code)).toEqual([
      'name',
      'name',
      'name',
      "t('y')",
      '...[name].map((n) => n)',
    ]);
  });

  it('holds in the web app through eslint.config.js', async () => {
    const messages = await messagesOf(
      'web/src/modules/analysis/components/LqChart.tsx',
      'export const tip = (name: string): string => `<b>${name}</b>`;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/chainlead\/html-text-escaped: .*escapeHtml/)]);
  });
});
