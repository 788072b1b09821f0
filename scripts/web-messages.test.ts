import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageBundle } from '../web/src/modules/i18n/utils/messageCatalogue.ts';
import { messagesEn } from '../web/src/modules/i18n/utils/messagesEn.ts';
import { messagesZh } from '../web/src/modules/i18n/utils/messagesZh.ts';

// The shell carries only its own texts; each page area's load with its pages (AppRoutes wraps them
// in withMessages). A text asked for where its area is not loaded would show its raw key, so these
// tests hold: every key a module uses is the shell's or its own area's, every page of an area loads
// the area, and both languages have the same keys and placeholders.

const WEB_SRC = fileURLToPath(new URL('../web/src', import.meta.url));
const AREAS_DIR = join(WEB_SRC, 'modules/i18n/areas');
const APP_ROUTES = join(WEB_SRC, 'modules/app/components/AppRoutes.tsx');
/** Modules rendered on every page (the shell and the foundations): they may use shell texts only. */
const SHELL_MODULES = new Set(['app', 'api', 'auth', 'chains', 'charts', 'i18n', 'ui']);

const shell: MessageBundle = { zh: messagesZh, en: messagesEn };
const areas = new Map<string, MessageBundle>();

beforeAll(async () => {
  for (const file of readdirSync(AREAS_DIR).filter((f) => f.endsWith('.ts'))) {
    const loaded = (await import(join(AREAS_DIR, file))) as { messages: MessageBundle };
    areas.set(file.replace(/\.ts$/, ''), loaded.messages);
  }
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    const isMessages = /modules\/i18n\/(utils\/\w*[mM]essages\w*(Zh|En)|areas\/\w+)\.ts$/.test(
      path,
    );
    return /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) && !isMessages ? [path] : [];
  });
}

/** The module a web source file belongs to (`app` for the entry files outside modules/). */
function moduleOf(path: string): string {
  const parts = relative(WEB_SRC, path).split('/');
  return parts[0] === 'modules' && parts[1] ? parts[1] : 'app';
}

/** Every message key a source text names: as a string literal, or as a `prefix.${…}` template. */
function keysUsedIn(source: string, known: readonly string[]): string[] {
  const literals = new Set([...source.matchAll(/['"`]([\w.]+)['"`]/g)].map((m) => m[1]));
  const prefixes = [...source.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1] ?? '');
  return known.filter((key) => literals.has(key) || prefixes.some((p) => key.startsWith(p)));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message areas', () => {
  it('has an area per feature module, named after the module folder', () => {
    const modules = readdirSync(join(WEB_SRC, 'modules'));
    expect(areas.size).toBeGreaterThan(10);
    for (const area of areas.keys()) expect(modules).toContain(area);
  });

  it('has the same keys and placeholders in Chinese and English, and each key in one bundle', () => {
    const owner = new Map<string, string>();
    for (const [name, bundle] of [['shell', shell] as const, ...areas]) {
      expect(Object.keys(bundle.en).sort(), name).toEqual(Object.keys(bundle.zh).sort());
      for (const [key, zh] of Object.entries(bundle.zh)) {
        expect(placeholders(bundle.en[key] ?? ''), `${name}: ${key}`).toEqual(placeholders(zh));
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
  });

  it("uses each area's keys only from that area's module, and shell keys anywhere", () => {
    const areaOfKey = new Map<string, string>();
    for (const [name, bundle] of areas)
      for (const key of Object.keys(bundle.zh)) areaOfKey.set(key, name);
    const known = [...Object.keys(messagesZh), ...areaOfKey.keys()];
    const misplaced: string[] = [];
    for (const file of sourceFiles(WEB_SRC)) {
      const module = moduleOf(file);
      for (const key of keysUsedIn(readFileSync(file, 'utf8'), known)) {
        const area = areaOfKey.get(key);
        if (area && area !== module) {
          misplaced.push(`${relative(WEB_SRC, file)} uses "${key}" of the ${area} area`);
        }
      }
    }
    // A key two modules (or the shell) use belongs in messagesZh.ts / messagesEn.ts.
    expect(misplaced).toEqual([]);
  });

  it("loads an area's texts with every page of that area (AppRoutes)", () => {
    const routes = readFileSync(APP_ROUTES, 'utf8');
    const pages = routes.split(/\nconst /).filter((part) => part.includes('lazy('));
    const unwrapped: string[] = [];
    for (const page of pages) {
      const module = /import\('\.\.\/\.\.\/(\w+)\/components\//.exec(page)?.[1];
      if (!module || !areas.has(module)) continue;
      if (!new RegExp(`withMessages\\(\\s*${module}Messages,`).test(page))
        unwrapped.push(page.split(' ')[0] ?? page);
    }
    expect(unwrapped).toEqual([]);
    for (const area of areas.keys()) {
      expect(routes).toContain(
        `const ${area}Messages = () => import('../../i18n/areas/${area}.ts');`,
      );
    }
    for (const module of SHELL_MODULES) expect(areas.has(module), module).toBe(false);
  });
});
