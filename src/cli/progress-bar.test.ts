import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from './cli-context.ts';

// The bar writes to a terminal only; here stderr is made to look like one and its writes kept.
function onTerminal(): string[] {
  const written: string[] = [];
  Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(process.stderr, 'isTTY', { value: undefined, configurable: true });
});

describe('progressBar', () => {
  it('says a file import in megabytes and rows, not byte counts', () => {
    const written = onTerminal();
    const bar = progressBar({}, 'importing', { bytes: true });
    bar(12_345_678, 40_000_000, 45_000);
    bar.finish();
    expect(written[0]).toMatch(
      /^\rimporting: 12\.3 of 40\.0 MB \(30%\), 45,000 rows, [\d,]+ rows\/s, \d+s left/,
    );
    expect(written.at(-1)).toBe('\n');
  });

  it('counts items as they are', () => {
    const written = onTerminal();
    progressBar({}, 'classifying')(250, 1_000);
    expect(written[0]).toMatch(/^\rclassifying: 250\/1,000 \(25%\), [\d,]+\/s, \d+s left/);
  });

  it('is silent with --quiet', () => {
    const written = onTerminal();
    const bar = progressBar({ quiet: true }, 'importing', { bytes: true });
    bar(1, 2, 1);
    bar.finish();
    expect(written).toEqual([]);
  });
});
