import { createHash } from 'node:crypto';
import { createReadStream, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';

/**
 * A backup file is two text lines and the database's own dump:
 *   `chainlead-backup 1`            (magic word and file format version)
 *   `{"format":1,...}`              (the manifest, one line of JSON)
 *   payload                         (PGlite's data-folder tarball, or pg_dump's custom format)
 * so `head -2 FILE` shows what a backup holds without restoring it.
 */
export const BACKUP_MAGIC = 'chainlead-backup';
export const BACKUP_FORMAT = 1;
const HEADER_LIMIT = 4 * 1024 * 1024;

const fingerprint = z.object({
  name: z.string(),
  rows: z.number().int().nonnegative(),
  checksum: z.string(),
});

export const manifestSchema = z.object({
  format: z.number().int().positive(),
  chainleadVersion: z.string(),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  schema: z.object({
    migrations: z.number().int().nonnegative(),
    lastMigrationAt: z.number().nullable(),
  }),
  payload: z.object({
    format: z.enum(['pglite-datadir-tar-gzip', 'pg_dump-custom']),
    bytes: z.number().int().nonnegative(),
    sha256: z.string(),
    tool: z.string().optional(),
  }),
  tables: z.array(fingerprint),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** The two header lines that start a backup file. */
export function backupHeader(manifest: BackupManifest): Buffer {
  return Buffer.from(`${BACKUP_MAGIC} ${BACKUP_FORMAT}\n${JSON.stringify(manifest)}\n`, 'utf8');
}

function invalid(file: string, why: string): AppError {
  return new AppError('BACKUP_INVALID', `${file} is not a usable chainlead backup: ${why}`, {
    file,
    reason: why,
  });
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Where the payload starts in the file. */
  payloadOffset: number;
}

/**
 * Reads and checks a backup's header and payload checksum without restoring anything.
 * Throws BACKUP_INVALID naming the file and what is wrong with it.
 */
export async function readBackup(file: string): Promise<OpenedBackup> {
  if (!existsSync(file)) throw invalid(file, 'the file does not exist');
  const stat = statSync(file);
  if (!stat.isFile()) throw invalid(file, 'it is not a regular file');
  const head = Buffer.alloc(Math.min(HEADER_LIMIT, stat.size));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const firstEnd = head.indexOf(0x0a);
  const firstLine = head.subarray(0, firstEnd < 0 ? Math.min(head.length, 40) : firstEnd);
  const [magic, version] = firstLine.toString('latin1').split(' ');
  if (magic !== BACKUP_MAGIC) {
    throw invalid(file, `it does not start with "${BACKUP_MAGIC}" (made by chainlead backup?)`);
  }
  const format = Number(version);
  if (!Number.isInteger(format) || format < 1) {
    throw invalid(file, `its format version "${version ?? ''}" is not a number`);
  }
  if (format > BACKUP_FORMAT) {
    throw invalid(
      file,
      `it has file format ${format}, newer than this program reads (${BACKUP_FORMAT}); ` +
        'restore it with a newer chainlead',
    );
  }
  const secondEnd = head.indexOf(0x0a, firstEnd + 1);
  if (secondEnd < 0) throw invalid(file, 'its manifest line is missing or cut off');
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(
      JSON.parse(head.subarray(firstEnd + 1, secondEnd).toString('utf8')),
    );
  } catch (error) {
    throw invalid(
      file,
      `its manifest is not readable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
  const payloadOffset = secondEnd + 1;
  const bytes = stat.size - payloadOffset;
  if (bytes !== manifest.payload.bytes) {
    throw invalid(
      file,
      `the dump is ${bytes} bytes where the manifest says ${manifest.payload.bytes} ` +
        '(the file was cut off or changed)',
    );
  }
  const sha256 = await sha256Of(file, payloadOffset);
  if (sha256 !== manifest.payload.sha256) {
    throw invalid(file, 'the dump does not match its checksum (the file is damaged)');
  }
  return { manifest, payloadOffset };
}

/** sha256 (hex) of a file from `start` to its end, read as a stream. */
export async function sha256Of(file: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
