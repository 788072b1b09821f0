import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TableInput } from './table-common.ts';

/**
 * Streams a table's bytes into a file of its own in a temporary folder, for the two readers
 * that cannot work from one pass over a stream: an enterprise import runs in the background
 * after the request has returned, and in strict mode it reads the file twice (check every row,
 * then write); an XLSX workbook is a zip that exceljs may have to read again (xlsx-table.ts); a
 * JSON Lines file is read once for its keys, then for its rows (jsonl-table.ts). `size` is what was written (an upload's own size is unknown until its end), for
 * progress; `remove` deletes the folder when the job is done.
 */
export async function spoolToTempFile(
  input: TableInput,
  fallbackName: string,
): Promise<{ file: string; size: number; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'chainlead-upload-'));
  // Keep the extension: it tells the reader the format.
  const safeName = input.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || fallbackName;
  const file = join(folder, safeName);
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    await pipeline(input.bytes, createWriteStream(file));
    return { file, size: (await stat(file)).size, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
