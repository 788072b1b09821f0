import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintTables, type TableFingerprint } from '../db/backup.repository.ts';
import { openDatabase, type DatabaseOptions } from '../db/connection.ts';
import { PGlite } from '@electric-sql/pglite';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command; the demo load alone takes a quarter of a minute on two cores.
const SPAWNING = { timeout: 240_000 };
const work = mkdtempSync(join(tmpdir(), 'chainlead-backup-cli-'));
// Demo folders and backups take some hundred megabytes; none of it is needed afterwards.
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function fingerprintsOf(target: DatabaseOptions): Promise<TableFingerprint[]> {
  const database = await openDatabase(target);
  try {
    return await fingerprintTables(database.db);
  } finally {
    await database.close();
  }
}

/** A copy of a backup whose manifest line is changed by `edit` (the dump itself untouched). */
function withManifest(
  file: string,
  out: string,
  edit: (manifest: Record<string, unknown>) => void,
) {
  const bytes = readFileSync(file);
  const first = bytes.indexOf(0x0a);
  const second = bytes.indexOf(0x0a, first + 1);
  const manifest = JSON.parse(bytes.subarray(first + 1, second).toString('utf8')) as Record<
    string,
    unknown
  >;
  edit(manifest);
  writeFileSync(
    out,
    Buffer.concat([
      bytes.subarray(0, first + 1),
      Buffer.from(JSON.stringify(manifest)),
      bytes.subarray(second),
    ]),
  );
}

describe('backup and restore of the demo on the embedded database (PGlite)', () => {
  const source = join(work, 'source');
  const backup = join(work, 'demo.backup');

  beforeAll(async () => {
    const demo = await run(['--db', source, 'demo'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'backup-admin-pw' },
    });
    expect(demo.code, demo.stderr).toBe(0);
  }, 300_000);

  it(
    'backs up, restores into an empty folder, and every table’s rows and checksum equal',
    SPAWNING,
    async () => {
      const made = await run(['--db', source, 'backup', '--out', backup]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toMatch(
        /^Backed up pglite: .* \d+ tables, [\d,]+ rows, schema at \d+ migrations/,
      );
      const header = readFileSync(backup).subarray(0, 200).toString('latin1');
      expect(header).toMatch(
        /^chainlead-backup 1\n\{"format":1,"chainleadVersion":"[^"]+","database":"pglite"/,
      );

      const target = join(work, 'restored');
      const restored = await run(['--db', target, 'restore', backup]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(
        /public\.enterprise\s+[\d,]+\s+[\d,]+\s+[0-9a-f]{12}\s+equal/,
      );
      expect(restored.stdout).toMatch(/All \d+ tables equal the backup\./);

      // Checked again here, apart from the command's own comparison.
      const before = await fingerprintsOf({ path: source });
      const after = await fingerprintsOf({ path: target });
      expect(after).toEqual(before);
      expect(before.find((t) => t.name === 'public.enterprise')?.rows).toBeGreaterThan(1000);
      expect(before.filter((t) => t.rows > 0).length).toBeGreaterThan(20);
    },
  );

  it('refuses a target that holds data unless --force', SPAWNING, async () => {
    const refused = await run(['--db', source, 'restore', backup]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/CONFLICT.*already holds data.*--force/);
    const forced = await run(['--db', join(work, 'restored'), 'restore', '--force', backup]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/All \d+ tables equal the backup\./);
  });

  it(
    'refuses a file that is not a backup, a cut-off one, and one from a newer schema',
    SPAWNING,
    async () => {
      const notBackup = join(work, 'notes.txt');
      writeFileSync(notBackup, 'name,uscc\n');
      const wrong = await run(['--db', join(work, 'r1'), 'restore', notBackup]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain(
        `BACKUP_INVALID]: ${notBackup} is not a usable chainlead backup`,
      );
      expect(wrong.stderr).toContain('does not start with "chainlead-backup"');

      const cut = join(work, 'cut.backup');
      const bytes = readFileSync(backup);
      writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
      const truncated = await run(['--db', join(work, 'r2'), 'restore', cut]);
      expect(truncated.code).toBe(2);
      expect(truncated.stderr).toMatch(
        /cut\.backup is not a usable chainlead backup: the dump is \d+ bytes where the manifest says \d+/,
      );

      const newer = join(work, 'newer.backup');
      withManifest(backup, newer, (manifest) => {
        manifest.schema = { migrations: 999, lastMigrationAt: 9_999_999_999_999 };
      });
      const refused = await run(['--db', join(work, 'r3'), 'restore', newer]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /newer database schema \(999 migrations; this program knows \d+\)/,
      );
    },
  );

  it(
    'prints the comparison and exits non-zero when a table differs from the manifest',
    SPAWNING,
    async () => {
      const tampered = join(work, 'tampered.backup');
      withManifest(backup, tampered, (manifest) => {
        const tables = manifest.tables as TableFingerprint[];
        const target = tables.find((t) => t.name === 'public.park');
        if (target) target.rows += 1;
      });
      const restored = await run(['--db', join(work, 'r4'), 'restore', tampered]);
      expect(restored.code).toBe(2);
      expect(restored.stdout).toMatch(/public\.park\s+\d+\s+\d+\s+[0-9a-f]{12}\s+DIFFERENT/);
      expect(restored.stderr).toMatch(/differs from the backup in 1 table\(s\): public\.park/);
    },
  );
});

describe('a backup from an older release (PGlite)', () => {
  it('is restored, checked, then migrated up to this version', SPAWNING, async () => {
    // A data folder at the previous release's schema, as an office would back it up before upgrading.
    const old = join(work, 'old-release');
    const fixture = fileURLToPath(
      new URL('../db/upgrade-fixtures/before-problems.sql', import.meta.url),
    );
    const client = new PGlite(old);
    await client.exec(readFileSync(fixture, 'utf8'));
    await client.close();
    const backup = join(work, 'old-release.backup');
    const made = await run(['--db', old, 'backup', '--out', backup]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/schema at 6 migrations/);

    const restored = await run(['--db', join(work, 'upgraded'), 'restore', backup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/All \d+ tables equal the backup\./);
    expect(restored.stdout).toMatch(/Schema upgraded from 6 to \d+ migrations\./);
    const after = await fingerprintsOf({ path: join(work, 'upgraded') });
    expect(after.find((t) => t.name === 'public.enterprise')?.rows).toBe(3);
    expect(after.find((t) => t.name === 'drizzle.__drizzle_migrations')?.rows).toBeGreaterThan(6);
  });
});

const serverUrl = process.env.DATABASE_URL?.trim();

describe.runIf(serverUrl)('backup and restore of the demo on a PostgreSQL server', () => {
  const names = ['source', 'target', 'moved'].map(
    (role) => `chainlead_backup_${role}_${process.pid}_${randomBytes(3).toString('hex')}`,
  );
  const urlOf = (name: string) => {
    const url = new URL(serverUrl ?? 'postgres://127.0.0.1/unused');
    url.pathname = `/${name}`;
    return url.toString();
  };
  const [sourceUrl, targetUrl, movedUrl] = names.map(urlOf) as [string, string, string];
  const backup = join(work, 'server.backup');

  async function admin(statements: string[]) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(names.map((name) => `create database ${name}`));
    const demo = await run(['demo'], {
      env: { DATABASE_URL: sourceUrl, CHAINLEAD_ADMIN_PASSWORD: 'backup-admin-pw' },
    });
    expect(demo.code, demo.stderr).toBe(0);
  }, 300_000);
  afterAll(() => admin(names.map((name) => `drop database if exists ${name} with (force)`)));

  it(
    'backs up with pg_dump, restores into an empty database, and every table equals',
    SPAWNING,
    async () => {
      const made = await run(['backup', '--out', backup], { env: { DATABASE_URL: sourceUrl } });
      expect(made.code, made.stderr).toBe(0);
      expect(readFileSync(backup).subarray(0, 120).toString('latin1')).toMatch(
        /^chainlead-backup 1\n\{.*"database":"postgres"/,
      );
      const restored = await run(['restore', backup], { env: { DATABASE_URL: targetUrl } });
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/All \d+ tables equal the backup\./);

      const before = await fingerprintsOf({ url: sourceUrl });
      const after = await fingerprintsOf({ url: targetUrl });
      expect(after).toEqual(before);
      expect(before.find((t) => t.name === 'public.enterprise')?.rows).toBeGreaterThan(1000);

      const again = await run(['restore', backup], { env: { DATABASE_URL: targetUrl } });
      expect(again.code).toBe(5);
      expect(again.stderr).toMatch(/CONFLICT.*already holds data/);
    },
  );

  it(
    'says what to install when pg_dump is missing or older than the server',
    SPAWNING,
    async () => {
      const empty = join(work, 'no-tools');
      mkdirSync(empty, { recursive: true });
      const missing = await run(['backup', '--out', join(work, 'x.backup')], {
        env: { DATABASE_URL: sourceUrl, CHAINLEAD_PG_BIN: empty },
      });
      expect(missing.code).toBe(3);
      expect(missing.stderr).toMatch(
        /pg_dump is not installed .*Install the PostgreSQL \d+ \(or later\) client tools/,
      );

      const old = join(work, 'old-tools');
      mkdirSync(old, { recursive: true });
      writeFileSync(join(old, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
      chmodSync(join(old, 'pg_dump'), 0o755);
      const older = await run(['backup', '--out', join(work, 'x.backup')], {
        env: { DATABASE_URL: sourceUrl, CHAINLEAD_PG_BIN: old },
      });
      expect(older.code).toBe(3);
      expect(older.stderr).toMatch(
        /pg_dump 9\.6\.24 .* is older than the server \(PostgreSQL \d+\)/,
      );
    },
  );

  it(
    'moves an embedded database’s backup into an empty server database, every table equal',
    SPAWNING,
    async () => {
      // The PGlite block above made this backup of the demo (its folder is `source`).
      const pglite = join(work, 'demo.backup');
      const moved = await run(['restore', pglite], { env: { DATABASE_URL: movedUrl } });
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/All \d+ tables equal the backup\./);
      const before = await fingerprintsOf({ path: join(work, 'source') });
      const after = await fingerprintsOf({ url: movedUrl });
      expect(after).toEqual(before);
    },
  );

  it(
    'refuses to restore a server backup into an embedded database, saying why',
    SPAWNING,
    async () => {
      const refused = await run(['--db', join(work, 'from-server'), 'restore', backup]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /backup of a PostgreSQL server and cannot be restored into the embedded database \(PGlite\)/,
      );
    },
  );
});
