import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { AppError } from '../domain/app-error.ts';
import type { TableInput } from '../services/tables/table-reader.ts';
import type { AppEnv } from './app-env.ts';

/** The file of a multipart upload, its other form fields, and ways to read the file. */
export interface Upload extends TableInput {
  /** The file name the browser sent ('' when none). */
  fileName: string;
  /** A text field of the form, or undefined. */
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
}

/**
 * Reads a multipart/form-data upload whose file is in the field "file": refuses a body above the
 * limit before reading it, then hands the file on as a byte stream for the table reader (no
 * temporary file). Hono's form parser holds the body (within the limit) while the request runs.
 * Throws VALIDATION_FAILED for a body too large or one without a file.
 */
export async function readUpload(c: Context<AppEnv>, limits: UploadLimits): Promise<Upload> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > limits.maxBytes + (limits.envelopeBytes ?? 0)) {
    const megabytes = limits.maxBytes / 1024 / 1024;
    throw new AppError(
      'VALIDATION_FAILED',
      `The upload is larger than ${megabytes} MB${limits.instead ? `; ${limits.instead}` : ''}.`,
      limits.details,
    );
  }
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the file as multipart/form-data in the field "file".',
      { field: 'file' },
    );
  }
  const text = (key: string): string | undefined => {
    const value = form[key];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    fileName: file.name,
    name: file.name || (limits.defaultName ?? ''),
    size: file.size,
    bytes: Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>),
    text,
    flag: (key) => ['true', 'on', '1'].includes(text(key) ?? ''),
    allBytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}
