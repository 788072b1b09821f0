import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The lines of a JSON Lines file in the repository (eval/...), parsed. */
export function readJsonLines<T>(relative: string): T[] {
  const path = fileURLToPath(new URL(`../../${relative}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}
