import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { readTable } from '../services/tables/table-reader.ts';
import type { AppEnv } from './app-env.ts';
import { AppError, isAppError } from '../domain/app-error.ts';
import { httpStatusFor } from './http-errors.ts';
import { readUpload } from './upload.ts';
import { chunkedMultipart } from '../test-support/chunked-multipart.ts';

// The one upload helper: its refusals (too large, no file) and the file as a table stream.
const app = new Hono<AppEnv>();
app.onError((error, c) =>
  isAppError(error)
    ? c.json(
        { error: { code: error.code, message: error.message, details: error.details } },
        httpStatusFor(error.code),
      )
    : c.json({ error: { code: 'INTERNAL', message: String(error) } }, 500),
);
app.post('/upload', async (c) => {
  const upload = await readUpload(c, {
    maxBytes: 1024,
    instead: 'use the CLI',
    defaultName: 'upload.csv',
  });
  const table = await readTable(upload);
  const names: string[] = [];
  for await (const row of table.rows) names.push(row.cells[0] ?? '');
  return c.json({ name: upload.name, size: upload.size, region: upload.text('region'), names });
});

/** A form as the web client builds it: the fields, then the file last (readUpload's rule). */
// A service that gives up after the header (as one refusing a file's columns does).
app.post('/header-only', async (c) => {
  const upload = await readUpload(c, { maxBytes: 64 * 1024 * 1024 });
  const table = await readTable(upload);
  table.close();
  throw new AppError('VALIDATION_FAILED', `No column for name in ${table.headers.join(',')}.`);
});

function form(file: Blob | null, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  if (file) body.append('file', file, 'companies.csv');
  return body;
}

/** Posts the form as a browser does: encoded, with its length. */
async function post(body: FormData): Promise<Response> {
  const encoded = new Response(body);
  const bytes = await encoded.arrayBuffer();
  return app.request('/upload', {
    method: 'POST',
    body: bytes,
    headers: {
      'content-type': encoded.headers.get('content-type') ?? '',
      'content-length': String(bytes.byteLength),
    },
  });
}

describe('readUpload', () => {
  it('streams the file part to the table reader, with the other fields', async () => {
    const csv = new Blob(['\uFEFF企业名称\n甲公司\n乙公司\n']);
    const response = await post(form(csv, { region: '3202' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'companies.csv',
      size: csv.size,
      region: '3202',
      names: ['甲公司', '乙公司'],
    });
  });

  it('refuses a body over the limit before reading it, and a form without a file', async () => {
    const large = await post(form(new Blob(['x'.repeat(2048)])));
    expect(large.status).toBe(400);
    expect(((await large.json()) as { error: { message: string } }).error.message).toBe(
      'The upload is larger than 0.0009765625 MB; use the CLI.',
    );
    const none = await post(form(null, { a: 'b' }));
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Send the file as multipart/form-data in the field "file".',
      },
    });
  });
});

/** Sends the bytes as a chunked body: a stream with no content-length, as `curl -T -` does. */
async function postChunked(bytes: Uint8Array, contentType: string): Promise<Response> {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(at, (at += 300)));
    },
  });
  return app.request('/upload', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
    duplex: 'half',
  });
}

async function encode(body: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const encoded = new Response(body);
  return {
    bytes: new Uint8Array(await encoded.arrayBuffer()),
    type: encoded.headers.get('content-type') ?? '',
  };
}

const messageOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; details?: unknown } }).error;

describe('readUpload, streaming', () => {
  it('counts a chunked body as it arrives and stops past the limit', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `公司${i}`).join('\n');
    const { bytes, type } = await encode(form(new Blob([`企业名称\n${rows}\n`])));
    expect(bytes.length).toBeGreaterThan(1024);
    const response = await postChunked(bytes, type);
    expect(response.status).toBe(400);
    expect((await messageOf(response)).message).toBe(
      'The upload is larger than 0.0009765625 MB; use the CLI.',
    );
  });

  it('reads a chunked body within the limit', async () => {
    const { bytes, type } = await encode(form(new Blob(['名称\n甲\n']), { region: '32' }));
    const response = await postChunked(bytes, type);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ names: ['甲'], region: '32', size: 11 });
  });

  it('refuses a field sent after the file, naming it', async () => {
    const body = new FormData();
    body.append('file', new Blob(['名称\n甲\n']), 'companies.csv');
    body.append('region', '3202');
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The field "region" came after the file; send every other field before the file.',
      details: { field: 'region' },
    });
  });

  it('refuses a body that is not multipart/form-data, and one cut short', async () => {
    const json = await app.request('/upload', {
      method: 'POST',
      body: JSON.stringify({ file: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect((await messageOf(json)).message).toBe(
      'Send the file as multipart/form-data in the field "file".',
    );
    const none = await app.request('/upload', { method: 'POST', body: 'x' });
    expect(none.status).toBe(400);
    const { bytes, type } = await encode(form(new Blob(['名称\n甲\n乙\n'])));
    const cut = await postChunked(bytes.subarray(0, bytes.length - 20), type);
    expect(cut.status).toBe(400);
    expect((await messageOf(cut)).message).toMatch(/^The upload was cut short or is not valid/);
  });

  it('stops reading the body when the service gives up on the file', async () => {
    const { body, contentType } = chunkedMultipart(
      [{ name: 'file', fileName: 'wide.csv', content: 'uscc,address\n' }],
      { fileTailBytes: 48 * 1024 * 1024 },
    );
    let pulled = 0;
    let cancelled = false;
    const reader = body.getReader();
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await reader.read();
        if (next.done) return controller.close();
        pulled += next.value.length;
        controller.enqueue(next.value);
      },
      async cancel() {
        cancelled = true;
        await reader.cancel();
      },
    });
    const response = await app.request('/header-only', {
      method: 'POST',
      body: counted,
      headers: { 'content-type': contentType },
      duplex: 'half',
    });
    expect(response.status).toBe(400);
    expect((await messageOf(response)).message).toBe('No column for name in uscc,address.');
    // Cancelling settles once the reads in flight have.
    await vi.waitFor(() => expect(cancelled).toBe(true));
    expect(pulled).toBeLessThan(8 * 1024 * 1024);
  });
});
