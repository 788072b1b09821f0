import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, invalidFields } from '../domain/app-error.ts';
import type { TableInput } from '../services/tables/table-reader.ts';
import type { AppEnv } from './app-env.ts';
import { invalidRequest } from './http-errors.ts';
import { hasUnsafeCharacters } from '../shared/api/fields.ts';

/** The file of a multipart upload, its other form fields, and ways to read the file. */
export interface Upload extends TableInput {
  /** The file name the browser sent ('' when none). */
  fileName: string;
  /**
   * The file's size in bytes once it has been read to its end; undefined before, since a
   * streamed part says nothing of its length.
   */
  readonly size: number | undefined;
  /** A text field sent before the file, or undefined. */
  text(key: string): string | undefined;
  /** A checkbox-like field: true for "true", "on" or "1". */
  flag(key: string): boolean;
  /** The whole file, for what is stored as one value (attachments). */
  allBytes(): Promise<Uint8Array>;
}

export interface UploadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Room for the multipart envelope and the other fields above maxBytes. */
  envelopeBytes?: number;
  /** What to do instead, said after the size in the refusal ("import it with the CLI"). */
  instead?: string;
  /** `details` of the refusal. */
  details?: unknown;
  /** The name to read the file by when the browser sent none (its extension gives the format). */
  defaultName?: string;
  /** The form's schema (the route's multipart body); its text fields are checked against it. */
  form?: z.ZodType;
}

/** What stops an upload still being read when the response is ready, by request. */
const pending = new WeakMap<Request, () => void>();

/**
 * Stops reading the request's upload if its handler left the file unread (it threw before the
 * service took the stream), so neither the parser nor the request body waits for a reader.
 */
export function releaseUpload(request: Request): void {
  pending.get(request)?.();
  pending.delete(request);
}

const noFile = (): AppError =>
  new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data in the field "file".', {
    field: 'file',
  });

/**
 * Reads a multipart/form-data upload whose file is in the field "file" as the body streams in:
 * the text fields sent before the file, then the file as a byte stream for the table reader (no
 * temporary file, no buffer of the body). Bytes are counted as they arrive, so a body past the
 * limit stops being read whether or not it declared its length; the file's stream then fails
 * with the refusal, and so it does for a text field sent after the file (the handler has already
 * read the fields by then) or a body cut short. The stream ends only when the whole body has been
 * read, so its consumer sees those errors before it commits anything.
 * Throws VALIDATION_FAILED for a body too large, not multipart/form-data, malformed, without a
 * file, or whose fields break `limits.form`.
 */
export async function readUpload(c: Context<AppEnv>, limits: UploadLimits): Promise<Upload> {
  const cap = limits.maxBytes + (limits.envelopeBytes ?? 0);
  const maxMb = limits.maxBytes / 1024 / 1024;
  // The web app says it from the reason, with the limit.
  const details = limits.details && typeof limits.details === 'object' ? limits.details : {};
  const tooLarge = (): AppError =>
    new AppError(
      'VALIDATION_FAILED',
      `The upload is larger than ${maxMb} MB${limits.instead ? `; ${limits.instead}` : ''}.`,
      { ...details, reason: 'FILE_TOO_LARGE', maxMb },
    );
  if (Number(c.req.header('content-length') ?? 0) > cap) throw tooLarge();
  const body = c.req.raw.body;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      // Browsers send file names as raw UTF-8 (Chinese names), not Latin-1.
      defParamCharset: 'utf8',
      limits: { fields: 100, parts: 200 },
    });
  } catch {
    // Not multipart/form-data, or without a boundary.
    throw noFile();
  }
  if (body === null) throw noFile();
  return new Promise<Upload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let received = 0;
    let fileBytes = 0;
    let fileDone = false;
    let bodyDone = false;
    let failed = false;
    let out: PassThrough | null = null;
    const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(received > cap ? tooLarge() : null, chunk);
      },
    });

    /** Stops reading the body and hands the error to whoever waits: readUpload or the stream. */
    const fail = (error: AppError): void => {
      if (failed) return;
      failed = true;
      pending.delete(c.req.raw);
      source.destroy();
      counter.destroy();
      parser.destroy();
      if (out) out.destroy(error);
      else reject(error);
    };
    const finishFile = (): void => {
      if (out && fileDone && bodyDone && !failed) {
        pending.delete(c.req.raw);
        out.end();
      }
    };

    pipeline(source, counter, parser, (error) => {
      if (failed) return;
      if (error) {
        fail(
          error instanceof AppError
            ? error
            : new AppError(
                'VALIDATION_FAILED',
                `The upload was cut short or is not valid multipart/form-data (${error.message}); send it again with the file in the field "file".`,
                { field: 'file' },
              ),
        );
        return;
      }
      bodyDone = true;
      if (out) finishFile();
      else fail(noFile());
    });

    parser.on('field', (name, value) => {
      if (out) {
        fail(
          new AppError(
            'VALIDATION_FAILED',
            `The field "${name}" came after the file; send every other field before the file.`,
            { field: name },
          ),
        );
      } else if (hasUnsafeCharacters(name) || hasUnsafeCharacters(value)) {
        fail(
          invalidFields([
            {
              field: name,
              message: 'must not contain NUL characters or broken Unicode (lone surrogates)',
            },
          ]),
        );
      } else fields[name] = value;
    });
    parser.on('fieldsLimit', () => fail(new AppError('VALIDATION_FAILED', 'Too many fields.')));
    parser.on('partsLimit', () => fail(new AppError('VALIDATION_FAILED', 'Too many parts.')));

    parser.on('file', (name, stream, info) => {
      // busboy fails the part and the parser alike; the parser's error is the one reported.
      stream.on('error', () => undefined);
      if (name !== 'file') {
        // A part the route does not read; let it pass through uncounted (the body cap holds it).
        stream.resume();
        return;
      }
      if (out) {
        stream.resume();
        fail(
          new AppError('VALIDATION_FAILED', 'Send one file, in the field "file".', {
            field: 'file',
          }),
        );
        return;
      }
      // The file itself is this part; the schema's other fields are what came before it.
      const checked = limits.form?.safeParse({ ...fields, file: info.filename });
      if (checked && !checked.success) {
        stream.resume();
        fail(invalidRequest(checked.error.issues, 'form'));
        return;
      }
      const file = new PassThrough();
      // Its reader gets the error by reading; a reader that already gave up must not crash us.
      file.on('error', () => undefined);
      out = file;
      stream.on('data', (chunk: Buffer) => {
        fileBytes += chunk.length;
        // Backpressure: busboy waits while the service is behind.
        if (!file.write(chunk)) {
          stream.pause();
          file.once('drain', () => stream.resume());
        }
      });
      stream.on('end', () => {
        fileDone = true;
        finishFile();
      });
      // The consumer stopped early (a bad row, a refused header): stop reading the body too.
      file.on('close', () => {
        if (!file.writableFinished && !failed) {
          failed = true;
          pending.delete(c.req.raw);
          stream.resume();
          source.destroy();
          counter.destroy();
          parser.destroy();
        }
      });
      pending.set(c.req.raw, () => file.destroy());
      const text = (key: string): string | undefined => fields[key];
      resolve({
        fileName: info.filename ?? '',
        name: info.filename || (limits.defaultName ?? ''),
        get size() {
          return fileDone ? fileBytes : undefined;
        },
        bytes: file,
        text,
        flag: (key) => ['true', 'on', '1'].includes(text(key) ?? ''),
        allBytes: async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of file) chunks.push(chunk as Buffer);
          return new Uint8Array(Buffer.concat(chunks));
        },
      });
    });
  });
}
