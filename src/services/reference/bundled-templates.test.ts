import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../test-support/cli-runner.ts';
import { sharedDataFile } from '../../test-support/shared-data.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from './chain-templates.service.ts';

// Every template in the bundled templates/ folder (biomed and the chains written beside it) is
// held to the rules written in biomed.yaml's header: valid through the user's CLI, bilingual, GB/T
// 4754-2017 classes that exist, no positive keyword in two nodes, every node on a flow.

const FILES = readdirSync(DEFAULT_TEMPLATES_DIR)
  .filter((name) => ['.yaml', '.yml', '.json'].includes(extname(name)))
  .sort();
// Each check spawns the real command; on a loaded two-core machine one takes seconds.
const SPAWNING = { timeout: 240_000 };

describe('the bundled templates', () => {
  it('include biomed and the integrated-circuit and Internet-of-Things chains', () => {
    const codes = FILES.map(
      (file) => readChainTemplate(join(DEFAULT_TEMPLATES_DIR, file)).template.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['biomed', 'ic', 'iot']));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('each pass `chainlead template check`', SPAWNING, async () => {
    for (const file of FILES) {
      const path = relative(process.cwd(), join(DEFAULT_TEMPLATES_DIR, file));
      const result = await run(['template', 'check', path]);
      expect(result.stderr, file).toBe('');
      expect(result.code, file).toBe(0);
      expect(result.stdout, file).toMatch(
        /valid chain "[a-z-]+" .*: 3 stages, \d+ nodes, \d+ flows/,
      );
    }
  });

  const gbt = sharedDataFile('gbt4754/gbt4754_2017.csv');
  const classes = new Set(
    gbt
      ? readFileSync(gbt, 'utf8')
          .split('\n')
          .map((line) => line.split(','))
          .filter((cells) => cells[1] === 'class')
          .map((cells) => cells[0])
      : [],
  );

  for (const file of FILES) {
    describe(file, () => {
      const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, file));
      const nodes = template.stages.flatMap((stage) => stage.nodes);

      it('gives every node bilingual names and keywords in both languages', () => {
        expect(template.description?.zh).toBeTruthy();
        for (const node of nodes) {
          expect(node.name.zh, node.code).toMatch(/\p{Script=Han}/u);
          expect(node.name.en, node.code).toMatch(/[A-Za-z]/);
          expect(node.rules.scope.zh.length, node.code).toBeGreaterThan(3);
          expect(node.rules.scope.en.length, node.code).toBeGreaterThan(1);
          expect(node.rules.products.zh.length, node.code).toBeGreaterThan(3);
          expect(node.rules.products.en.length, node.code).toBeGreaterThan(1);
          expect(node.rules.exclusions.zh.length, node.code).toBeGreaterThan(2);
          expect(node.rules.industryCodes.length, node.code).toBeGreaterThan(0);
        }
      });

      it('has no positive keyword in two nodes', () => {
        const owner = new Map<string, string>();
        const clashes: string[] = [];
        for (const node of nodes) {
          const { scope, products, names } = node.rules;
          const words = new Set(
            [scope, products, names].flatMap((k) => [...k.zh, ...k.en]).map((w) => w.toLowerCase()),
          );
          for (const word of words) {
            const first = owner.get(word);
            if (first) clashes.push(`${word}: ${first} and ${node.code}`);
            else owner.set(word, node.code);
          }
        }
        expect(clashes).toEqual([]);
      });

      it('puts every node on at least one flow, and marks at least one focus node', () => {
        const onFlow = new Set(template.flows.flatMap((f) => [f.from, f.to]));
        expect(nodes.filter((n) => !onFlow.has(n.code)).map((n) => n.code)).toEqual([]);
        expect(nodes.some((n) => n.focus)).toBe(true);
      });

      it.skipIf(!gbt)('uses only GB/T 4754-2017 class codes that exist in the standard', () => {
        for (const node of nodes) {
          for (const rule of node.rules.industryCodes) {
            expect(classes.has(rule.code), `${node.code}: ${rule.code}`).toBe(true);
          }
        }
      });
    });
  }
});
