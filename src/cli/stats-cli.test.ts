import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support/cli-runner.ts';
import { TOY_STATS as STATS } from '../test-support/toy-stats.ts';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };

const work = mkdtempSync(join(tmpdir(), 'chainlead-stats-cli-'));
const db = join(work, 'db');
/** Runs `chainlead --db DB` with the words of `line` (no word holds a space). */
const cli = (line: string) => run(['--db', db, ...line.split(' ')]);
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

// The tests share one database and run in order: refusals first, then the import, then analyses.
describe('statistics commands as a user runs them', () => {
  it(
    'refuses a file with invalid rows (exit 2), writing nothing, with an error report',
    SPAWNING,
    async () => {
      const bad = file(
        'bad.csv',
        `${STATS}\nC,Gamma,toy,x,,traded,2020,-3,1,,\n,Gamma,toy,y,,traded,2020,1,1,,\n`,
      );
      const errors = join(work, 'errors.csv');
      const result = await cli(`import stats ${bad} --errors ${errors}`);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(
        /bad\.csv: 10 rows read \(utf8\): 2 invalid, so nothing was imported\./,
      );
      expect(result.stdout).toMatch(/row 10, employment: must not be negative \("-3"\)/);
      // Nothing was imported, so no scheme is described as if it had been.
      expect(result.stdout).not.toMatch(/regions, \d+ industries/);
      expect(readFileSync(errors, 'utf8')).toBe(
        '\uFEFFfile,row,column,value,reason\n' +
          'bad.csv,10,employment,-3,must not be negative\n' +
          'bad.csv,11,region_code,,region code is required\n',
      );
      const list = await cli('stats list');
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(
        /No statistics are loaded; import a file with "chainlead import stats FILE"/,
      );
    },
  );

  it(
    'imports, and a second run changes nothing; stats list shows what is loaded',
    SPAWNING,
    async () => {
      const path = file('toy.csv', STATS);
      const first = await cli(`import stats ${path}`);
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(
        'toy.csv: 8 rows read (utf8): 8 inserted, 0 updated, 0 unchanged.\n  toy 2020, 2022: 2 regions, 2 industries\n',
      );
      const again = await cli(`import stats ${path} --json`);
      expect(JSON.parse(again.stdout)).toMatchObject({
        status: 'done',
        counts: { inserted: 0, updated: 0, unchanged: 8, rejected: 0 },
      });
      const list = await cli('stats list --scheme toy');
      expect(list.stdout).toMatch(
        /^SCHEME\s+YEAR\s+REGIONS\s+INDUSTRIES\s+ROWS\s+INDUSTRY TYPES\n[-\s]+\ntoy\s+2020\s+2\s+2\s+4\s+traded\ntoy\s+2022/,
      );
      expect(list.stdout).toMatch(/\nA\s+Alpha\s+2020 2022\s+2\n/);
      const json = JSON.parse((await cli('stats list --json')).stdout) as {
        datasets: { scheme: string; year: number }[];
      };
      expect(json.datasets.map((d) => `${d.scheme} ${d.year}`)).toEqual(['toy 2020', 'toy 2022']);
    },
  );

  it('prints, writes and returns location quotients', SPAWNING, async () => {
    const table = await cli('analyze lq --scheme toy --year 2020');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /^Location quotients, toy 2020: employment, total denominator, benchmark the sum of all regions; 4 rows/,
    );
    // A: 8 of 40 against 40 of 100.
    expect(table.stdout).toMatch(/\nA\s+Alpha\s+x\s+Gadgets\s+8\s+0\.500/);
    const out = join(work, 'lq.csv');
    const written = await cli(
      `analyze lq --scheme toy --year 2020 --region A --denominator same-type --out ${out}`,
    );
    expect(written.stderr).toMatch(/Wrote 2 location quotients to/);
    expect(readFileSync(out, 'utf8')).toBe(
      '\uFEFFregion_code,industry_code,value,lq,region_share,national_share,strong,strong10\n' +
        'A,x,8,0.5,0.2,0.4,false,false\n' +
        'A,y,32,1.3333333333333335,0.8,0.6,false,false\n',
    );
    const json = await cli('analyze lq --scheme toy --year 2020 --benchmark B --json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      benchmark: 'B',
      items: [{ regionCode: 'A' }, { regionCode: 'A' }],
    });
  });

  it('reports cluster strength and shift-share', SPAWNING, async () => {
    const strength = await cli('analyze strength --scheme toy --year 2020');
    expect(strength.code).toBe(0);
    expect(strength.stdout).toMatch(/^Cluster strength, toy 2020 \(same-type LQ\)/);
    // B's Gadgets are its strong cluster (32 of its 60 traded jobs); A's Widgets have an LQ of
    // 1.33 but fewer establishments (4) than the 25th percentile (4.25).
    expect(strength.stdout).toMatch(
      /\nB\s+Beta\s+60\s+32\s+1\s+53\.3%\nA\s+Alpha\s+40\s+0\s+0\s+0\.0%\n/,
    );
    const shift = await cli('analyze shift-share --scheme toy --from 2020 --to 2022 --region A');
    expect(shift.code).toBe(0);
    // x: 8 → 14 = national 2 + industry mix 2 + regional 2.
    expect(shift.stdout).toMatch(/\nA\s+x\s+Gadgets\s+8\.0\s+14\.0\s+6\.0\s+2\.0\s+2\.0\s+2\.0\n/);
    expect(shift.stdout).toMatch(/\nA\s+Alpha\s+40\.0\s+50\.0\s+10\.0/);
    const out = join(work, 'shift.csv');
    await cli(`analyze shift-share --scheme toy --from 2020 --to 2022 --out ${out}`);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      '\uFEFFregion_code,industry_code,base,end,change,national_share,industry_mix,regional_share',
    );
  });

  it(
    'says what is loaded for a scheme or year that is not (exit 4), and refuses bad options (exit 2)',
    SPAWNING,
    async () => {
      const missing = await cli('analyze lq --scheme naics --year 2020');
      expect(missing.code).toBe(4);
      expect(missing.stderr).toMatch(
        /Error \[STATS_NOT_FOUND\]: No statistics for scheme "naics" in 2020\. Loaded: toy 2020, toy 2022\./,
      );
      const bad = await cli('analyze lq --scheme toy --year 2020 --denominator traded');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--denominator must be total or same-type, not "traded"/);
    },
  );
});
