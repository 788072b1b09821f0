import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH), or null when this machine has none. */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}
