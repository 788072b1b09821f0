/**
 * Prints, as markdown, how well the proposed matches (供需对接) serve the labelled needs of
 * eval/matchmaking/<set>/: per need the firms that serve it, the node chainlead put it on, the
 * proposals in the top 5 and the hits; then precision@5, recall@5 and the needs with a hit.
 * Runs on a fresh in-memory database (nothing of yours is touched):
 *   npm run eval:matchmaking
 *   npm run eval:matchmaking -- tw-fda-products
 */
import { openDatabase } from '../src/db/connection.ts';
import { readMatchSet, renderMatchQuality } from '../src/services/ecology/match-quality.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';
import { measureMatchQuality } from '../src/server/match-quality.runner.ts';

const PASSWORD = 'match-quality-admin';
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (process.argv.includes('--help')) {
  console.log('Usage: npm run eval:matchmaking [-- <set> …]   (default: tw-fda-products)');
  process.exit(0);
}
for (const name of names.length > 0 ? names : ['tw-fda-products']) {
  const set = readMatchSet(name);
  const database = await openDatabase({ path: 'memory://' });
  try {
    await database.migrate();
    await prepareInstallation(database, { adminPassword: PASSWORD });
    const started = Date.now();
    const quality = await measureMatchQuality(database, set, PASSWORD, (r) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${r.id} ${r.product}            `);
    });
    if (process.stderr.isTTY) process.stderr.write('\r\n');
    console.log(renderMatchQuality(set, quality));
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await database.close();
  }
}
