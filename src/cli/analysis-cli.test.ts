import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../services/report/report-pdf.ts';
import type { ChainAnalysis, ChainComparison, TargetView } from '../shared/api/analysis.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-analysis-cli-'));
const db = join(work, 'db');
/** `chainlead target set` for Wuxi (3202) in 2025, with more words. */
const setTarget = (...words: string[]) =>
  run(['--db', db, 'target', 'set', '--region', '3202', '--year', '2025', ...words]);

describe('analysis commands on the Wuxi demo, as a user runs them', () => {
  beforeAll(async () => {
    const demo = await run(['--db', db, 'demo'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(demo.code, demo.stderr).toBe(0);
  }, 300_000);

  it('analyses a chain in a region: a table in Chinese or English, or JSON', SPAWNING, async () => {
    const zh = await run([
      '--db',
      db,
      'analyze',
      'chain',
      '--chain',
      'biomed',
      '--region',
      '3202',
      '--year',
      '2024',
    ]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/^生物医药产业链 · 无锡市（3202）· 2024 年/);
    expect(zh.stdout).toMatch(
      /biomed\.mid\.blood\s+血液制品\s+0\s+—.*缺\s+本地没有确认在该环节的企业/,
    );
    expect(zh.stdout).toMatch(/延链方向\n {2}血液制品 \(biomed\.mid\.blood\)/);
    const en = await run(['--db', db, 'analyze', 'chain', '--region', '3202', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Biomedicine chain · 无锡市 \(3202\) · 2024/);
    expect(en.stdout).toMatch(
      /biomed\.mid\.vaccine\s+Vaccines\s+2 .* weak\s+Location quotient 0\.20 is below 1.*; One enterprise holds/,
    );
    const json = await run(['--db', db, 'analyze', 'chain', '--region', '3202', '--json']);
    const analysis = JSON.parse(json.stdout) as ChainAnalysis;
    expect(analysis.nodes).toHaveLength(22);
    const precision = analysis.nodes.find((n) => n.code === 'biomed.down.precision');
    expect(precision?.status).toBe('weak');
    expect(precision?.reasons[0]?.code).toBe('low_lq');
  });

  it(
    'refuses an unknown region (4), a malformed one and a year without figures (2)',
    SPAWNING,
    async () => {
      const unknown = await run(['--db', db, 'analyze', 'chain', '--region', '9999']);
      expect(unknown.code).toBe(4);
      expect(unknown.stderr).toMatch(/REGION_NOT_FOUND.*No region has code 9999/);
      const malformed = await run(['--db', db, 'analyze', 'chain', '--region', 'wuxi']);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(/--region must be a region code of 2 to 6 digits/);
      const year = await run([
        '--db',
        db,
        'analyze',
        'chain',
        '--region',
        '3202',
        '--year',
        '2031',
      ]);
      expect(year.code).toBe(2);
      expect(year.stderr).toMatch(/no figures for 2031; years with figures are 2019–2024/);
    },
  );

  it('compares regions node by node', SPAWNING, async () => {
    const table = await run([
      '--db',
      db,
      'analyze',
      'compare',
      '--chain',
      'biomed',
      '--regions',
      '3202,3205',
      '--year',
      '2024',
    ]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/无锡市（3202）：企业 [\d,]+ 家/);
    expect(table.stdout).toMatch(/苏州市（3205）/);
    const json = await run(['--db', db, 'analyze', 'compare', '--regions', '3202,3205', '--json']);
    const comparison = JSON.parse(json.stdout) as ChainComparison;
    expect(comparison.nodes.find((n) => n.code === 'biomed.mid.blood')?.cells[0]?.status).toBe(
      'missing',
    );
    const lone = await run(['--db', db, 'analyze', 'compare', '--regions', '3202']);
    expect(lone.code).toBe(2);
  });

  it(
    'sets and lists targets, and the analysis measures against the new one',
    SPAWNING,
    async () => {
      const set = await setTarget('--chain', 'biomed', '--value', '230e9');
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toBe(
        'Target set: biomed in 3202, 2025: output 230.0 bn yuan (2,300.0 亿元).\n',
      );
      const list = await run(['--db', db, 'target', 'list', '--region', '3202', '--json']);
      const targets = (JSON.parse(list.stdout) as { items: TargetView[] }).items;
      expect(targets.find((t) => t.nodeCode === null)).toMatchObject({
        valueYuan: 230e9,
        demo: false,
      });
      const analysis = JSON.parse(
        (await run(['--db', db, 'analyze', 'chain', '--region', '3202', '--json'])).stdout,
      ) as ChainAnalysis;
      expect(analysis.targets.find((t) => t.nodeCode === null)?.valueYuan).toBe(230e9);
      const bad = await setTarget('--value', 'lots');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--value must be a positive amount of yuan such as 250e9/);
      const node = await setTarget('--value', '1e9', '--node', 'biomed.mid.nope');
      expect(node.code).toBe(2);
      expect(node.stderr).toMatch(/"biomed\.mid\.nope" is not a node of chain biomed/);
    },
  );

  it(
    'writes the briefing as HTML to a file, or Markdown to standard output',
    SPAWNING,
    async () => {
      const out = join(work, '简报.html');
      const html = await run([
        '--db',
        db,
        'report',
        '--chain',
        'biomed',
        '--region',
        '3202',
        '--year',
        '2024',
        '--out',
        out,
      ]);
      expect(html.code, html.stderr).toBe(0);
      expect(html.stderr).toMatch(/Wrote the html briefing to/);
      const page = readFileSync(out, 'utf8');
      expect(page).toMatch(/<h1>无锡市生物医药产业链运行简报<\/h1>/);
      expect(page.match(/<svg[\s>]/g)).toHaveLength(3);
      const md = await run([
        '--db',
        db,
        'report',
        '--region',
        '3202',
        '--format',
        'md',
        '--lang',
        'en',
      ]);
      expect(md.code).toBe(0);
      expect(md.stdout).toMatch(/^# Biomedicine chain briefing: 无锡市\n/);
      expect(md.stdout).toMatch(/\*\*Blood products\*\*: No confirmed local enterprise/);
      const bad = await run(['--db', db, 'report', '--region', '3202', '--format', 'docx']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--format must be html, md, json or pdf, not "docx"/);
      const pdfToStdout = await run(['--db', db, 'report', '--region', '3202', '--format', 'pdf']);
      expect(pdfToStdout.code).toBe(2);
      expect(pdfToStdout.stderr).toMatch(/A PDF briefing needs --out FILE\.pdf/);
    },
  );

  it.skipIf(!findChromium())(
    'prints the briefing to PDF with Chromium when --out names a .pdf',
    SPAWNING,
    async () => {
      const pdfFile = join(work, 'briefing.pdf');
      const pdf = await run(['--db', db, 'report', '--region', '3202', '--out', pdfFile]);
      expect(pdf.code, pdf.stderr).toBe(0);
      expect(pdf.stderr).toMatch(/Wrote the pdf briefing to/);
      expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  );
});
