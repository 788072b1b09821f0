import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, invalidFields } from '../domain/app-error.ts';
import { hasUnsafeCharacters } from '../shared/api/fields.ts';
import type { AppEnv } from './app-env.ts';

/**
 * The largest body a non-upload request may send. JSON bodies are forms and small records;
 * files go through the upload routes, which count their own bytes (`upload.ts`).
 */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Gives every request an id: in the `X-Request-Id` answer header and in any 500's log line. */
export function requestIdMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID().slice(0, 8);
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
  };
}

const isMultipart = (contentType: string | undefined) =>
  (contentType ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * Refuses a body past the limit before anything parses it, counting the bytes as they arrive (a
 * chunked body declares no length). Multipart uploads are left to `readUpload`, whose cap is the
 * route's own.
 */
export function bodySizeGuard(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: JSON_BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError(
        'REQUEST_TOO_LARGE',
        `The request body is larger than ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB; files go through the upload routes.`,
        { limitBytes: JSON_BODY_LIMIT_BYTES },
      );
    },
  });
  return async (c, next) => {
    if (
      c.req.method === 'GET' ||
      c.req.method === 'HEAD' ||
      isMultipart(c.req.header('content-type'))
    )
      return next();
    return limit(c, next);
  };
}

/** Levels of arrays and objects a JSON body may nest: forms and records need a handful. */
export const JSON_BODY_MAX_DEPTH = 64;

const tooDeep = () =>
  new AppError(
    'VALIDATION_FAILED',
    `Invalid request: the body nests arrays and objects more than ${JSON_BODY_MAX_DEPTH} levels deep.`,
    [{ field: '(body)', message: `nests more than ${JSON_BODY_MAX_DEPTH} levels deep` }],
  );

/**
 * The first string in a parsed JSON value (keys included) that holds an unsafe character, walked
 * without recursion (a body of thousands of nested arrays must not exhaust the stack); throws a
 * 400 for a body nested past JSON_BODY_MAX_DEPTH.
 */
function findUnsafeText(root: unknown): string | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (hasUnsafeCharacters(value)) return path;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= JSON_BODY_MAX_DEPTH) throw tooDeep();
    // Pushed last to first, so the first offending field in document order is found first.
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const field = path ? `${path}.${index}` : String(index);
        pending.push({ value: value[index] as unknown, path: field, depth: depth + 1 });
      }
      continue;
    }
    const entries = Object.entries(value);
    for (const [key] of entries) {
      if (hasUnsafeCharacters(key)) return path ? `${path}.${key}` : key;
    }
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [string, unknown];
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

const unsafe = (field: string, where: string) =>
  invalidFields([
    {
      field,
      message: `the ${where} must not contain NUL characters or broken Unicode (lone surrogates)`,
    },
  ]);

const notUtf8 = (why: string) => invalidFields([{ field: '(body)', message: why }]);

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON body's text. JSON is UTF-8 (RFC 8259): a body declared in another charset, or bytes that
 * are not UTF-8 (Latin-1 é, a GBK file), are refused rather than stored with U+FFFD in their place.
 */
function utf8Body(contentType: string, bytes: ArrayBuffer): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/.exec(contentType)?.[1];
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw notUtf8(`is declared as ${charset}; send JSON as UTF-8`);
  }
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    throw notUtf8('is not valid UTF-8 text; send JSON as UTF-8');
  }
}

/**
 * Refuses, for every API route at once, text no column can store: NUL characters and lone
 * surrogates in the path, a query parameter or anywhere in a JSON body (400 naming where), and a
 * JSON body that does not parse. Route schemas check everything else.
 */
export function unsafeTextGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (hasUnsafeCharacters(c.req.path)) throw unsafe('(path)', 'path');
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (hasUnsafeCharacters(name)) throw unsafe(name, 'query parameter name');
      if (values.some(hasUnsafeCharacters)) throw unsafe(name, 'query parameter');
    }
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /\bjson\b/.test(contentType)) {
      const text = utf8Body(contentType, await c.req.arrayBuffer());
      if (text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new AppError('VALIDATION_FAILED', 'Invalid request: the body is not valid JSON.', [
            { field: '(body)', message: 'is not valid JSON' },
          ]);
        }
        const field = findUnsafeText(parsed);
        if (field !== null) throw unsafe(field || '(body)', 'body');
      }
    }
    await next();
  };
}
