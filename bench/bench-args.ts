// The command-line options every benchmark reads: `--name value` after the benchmark's name.

/** The text after `--name`, if given. */
export function flagText(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** A positive whole number after `--name`, or `fallback`; anything else stops the benchmark. */
export function wholeNumberFlag(name: string, fallback: number): number {
  const value = Number(flagText(name) ?? fallback);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive whole number`);
  }
  return value;
}
