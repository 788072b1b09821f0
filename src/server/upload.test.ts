import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readTable } from '../services/tables/table-reader.ts';
import type { AppEnv } from './app-env.ts';
import { isAppError } from '../domain/app-error.ts';
import { httpStatusFor } from './http-errors.ts';
import { readUpload } from './upload.ts';

// The one upload helper: its refusals (too large, no file) and the file as a table stream.
const app = new Hono<AppEnv>();
app.onError((error, c) =>
  isAppError(error)
    ? c.json({ error: { code: error.code, message: error.message } }, httpStatusFor(error.code))
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

function form(file: Blob | null, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  if (file) body.append('file', file, 'companies.csv');
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
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
