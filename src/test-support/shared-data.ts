import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The path of a file in ../shared/data (public reference data beside the repository in the
 * developers' workspace and CI), or null with a printed reason when it is absent, as in a user's
 * clone. Tests that need it skip with that reason.
 */
export function sharedDataFile(relative: string): string | null {
  const path = fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
  if (existsSync(path)) return path;
  console.warn(`skipping: ../shared/data/${relative} is not present (it is not part of the clone)`);
  return null;
}
