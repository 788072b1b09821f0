import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  deleteAttachment as removeAttachment,
  findAttachment,
  insertAttachment,
  lockProject,
  touchProject,
} from '../../db/project.repository.ts';
import type { Attachment } from '../../shared/api/projects.ts';

/** Attachments live in the database, so they stay small: letters, plans, slides, photos. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The content type comes from the extension, never from the client, and only document and image
 * types are kept: a download can then never be served as HTML or script.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A file name without folders or control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch !== '"' && ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(-200);
  return clean || 'attachment';
}

function present(row: {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}): Attachment {
  return { ...row, uploadedAt: row.uploadedAt.toISOString() };
}

/**
 * Stores a file with a project. Throws PROJECT_NOT_FOUND or VALIDATION_FAILED (empty, larger than
 * 10 MB, or not a document or image type).
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  projectId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<Attachment> {
  const fileName = safeFileName(file.fileName);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${fileName}" is not a kind of file kept with projects; use ${Object.keys(CONTENT_TYPES).join(', ')}.`,
      { field: 'file' },
    );
  }
  if (file.bytes.byteLength === 0 || file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${fileName}" is ${file.bytes.byteLength} bytes; an attachment holds 1 byte to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      { field: 'file' },
    );
  }
  return db.transaction(async (tx) => {
    if (!(await lockProject(tx, projectId))) {
      throw new AppError('PROJECT_NOT_FOUND', `No project has id ${projectId}.`);
    }
    const row = await insertAttachment(tx, {
      projectId,
      fileName,
      contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploadedBy: actor.name,
    });
    await touchProject(tx, projectId);
    await recordAudit(tx, actor, {
      action: 'project.attachment.add',
      entityType: 'project',
      entityId: projectId,
      after: { attachmentId: row.id, fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return present(row);
  });
}

/** One attachment's name, type and bytes. Throws ATTACHMENT_NOT_FOUND. */
export async function getAttachment(db: Db, projectId: number, id: number) {
  const row = await findAttachment(db, projectId, id);
  if (!row) {
    throw new AppError('ATTACHMENT_NOT_FOUND', `Project ${projectId} has no attachment ${id}.`);
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: row.content };
}

/** Deletes an attachment. Throws ATTACHMENT_NOT_FOUND. */
export async function deleteAttachment(
  db: Db,
  actor: Actor,
  projectId: number,
  id: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await removeAttachment(tx, projectId, id))) {
      throw new AppError('ATTACHMENT_NOT_FOUND', `Project ${projectId} has no attachment ${id}.`);
    }
    await touchProject(tx, projectId);
    await recordAudit(tx, actor, {
      action: 'project.attachment.delete',
      entityType: 'project',
      entityId: projectId,
      before: { attachmentId: id },
    });
  });
}
