import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/app-error.ts';
import { ChainClassifiers, serializeClassification } from '../../domain/classification.ts';
import { mapHeaders } from '../../domain/import-values.ts';
import { classifierFromSpec } from '../classification/classifier-spec.ts';
import { enterpriseKeys } from '../registry/enterprise-keys.ts';
import { readTableFile } from '../tables/table-reader.ts';
import { buildEnterpriseRecord } from './enterprise-record.ts';
import type { BuiltRow, RecordWorkerInit, WorkerMessage } from './record-work.ts';

// The read half of a large import, on a worker thread (started through record-worker.js): reads
// and parses the file, validates each row, computes its keys and classifies it on every chain,
// and sends the rows in chunks. It sends a chunk only while it holds a credit; the main thread
// returns one for each chunk it takes, so at most `credits` chunks wait between the two threads.

const port = parentPort;
if (!port) throw new Error('record-worker runs as a worker thread');
const init = workerData as RecordWorkerInit;

let credits = init.credits;
let wake: (() => void) | null = null;
port.on('message', (message: { type: 'credit' }) => {
  if (message.type !== 'credit') return;
  credits++;
  wake?.();
  wake = null;
});

const send = (message: WorkerMessage) => port.postMessage(message);

async function run(): Promise<void> {
  const table = await readTableFile(init.file, init.table);
  try {
    const mapping = mapHeaders(table.headers);
    const regionCodes = new Set(init.regionCodes);
    const context = {
      mapping,
      headers: table.headers,
      defaultRegion: init.defaultRegion,
      defaultMoneyUnit: init.defaultMoneyUnit,
      regionExists: (code: string) => regionCodes.has(code),
    };
    const classifiers = new ChainClassifiers(init.chains.map(classifierFromSpec));
    let rows: BuiltRow[] = [];
    const flush = async () => {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      send({ type: 'chunk', chunk: { rows, progress: table.progress() } });
      rows = [];
    };
    for await (const row of table.rows) {
      const built = buildEnterpriseRecord(row.rowNumber, row.cells, context);
      if ('record' in built) {
        const { record } = built;
        const classifiable = { ...record, products: record.products ?? [] };
        rows.push({
          record: {
            ...record,
            prepared: {
              keys: enterpriseKeys(record),
              classified: classifiers
                .classify(classifiable)
                .map((results) => results.map(serializeClassification)),
            },
          },
        });
      } else {
        rows.push(built);
      }
      if (rows.length >= init.chunkRows) await flush();
    }
    await flush();
    send({ type: 'done' });
  } finally {
    table.close();
  }
}

run().catch((error: unknown) => {
  const data =
    error instanceof Error
      ? {
          name: error.name,
          message: error.message,
          ...(error instanceof AppError ? { code: error.code, details: error.details } : {}),
          ...(error.stack ? { stack: error.stack } : {}),
        }
      : { name: 'Error', message: String(error) };
  send({ type: 'error', error: data });
});
