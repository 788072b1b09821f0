import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.repository.ts';
import {
  deleteProblemAttachment,
  findProblemAttachment,
  insertProblemAttachment,
  listProblemAttachments,
  isProblemInScope,
  updateProblemRow,
} from '../../db/problem.repository.ts';
import type { ProblemAttachment } from '../../shared/api/problems.ts';
import { safeFileName, MAX_ATTACHMENT_BYTES } from '../projects/attachments.service.ts';
import { isRedacted, scopeOf, type ProblemUser } from './problem-access.ts';
import { presentProblemAttachment } from './problem-presenter.ts';
import { refuseInvisible } from './problem-query.service.ts';

export { MAX_ATTACHMENT_BYTES };

/** The same document and image types as project attachments: never served as HTML or script. */
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

/** Checks the user sees the problem unredacted; attachments hold the enterprise's own papers. */
async function requireFullView(db: DbOrTx, user: ProblemUser, problemId: number): Promise<void> {
  const scope = scopeOf(user);
  if (!(await isProblemInScope(db, scope, problemId))) await refuseInvisible(db, scope, problemId);
  if (isRedacted(scope)) {
    throw new AppError(
      'FORBIDDEN',
      "Your role sees problems without the enterprise's attachments and contacts.",
      { problemId },
    );
  }
}

/** A problem's attachments. Throws PROBLEM_NOT_FOUND or FORBIDDEN (outside the scope, or redacted). */
export async function listAttachments(
  db: Db,
  user: ProblemUser,
  problemId: number,
): Promise<ProblemAttachment[]> {
  await requireFullView(db, user, problemId);
  return (await listProblemAttachments(db, problemId)).map(presentProblemAttachment);
}

/**
 * Stores a file with a problem. Throws PROBLEM_NOT_FOUND, FORBIDDEN or VALIDATION_FAILED (empty,
 * larger than 10 MB, or not a document or image type).
 */
export async function addProblemAttachment(
  db: Db,
  user: ProblemUser,
  problemId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<ProblemAttachment> {
  const fileName = safeFileName(file.fileName);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${fileName}" is not a kind of file kept with problems; use ${Object.keys(CONTENT_TYPES).join(', ')}.`,
      { field: 'file' },
    );
  }
  if (file.bytes.byteLength === 0 || file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${fileName}" is ${file.bytes.byteLength} bytes; an attachment holds 1 byte to 10 MB.`,
      { field: 'file' },
    );
  }
  return db.transaction(async (tx) => {
    await requireFullView(tx, user, problemId);
    const row = await insertProblemAttachment(tx, {
      problemId,
      fileName,
      contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploadedBy: user.name,
    });
    await updateProblemRow(tx, problemId, {});
    await recordAudit(tx, user, {
      action: 'problem.attachment.add',
      entityType: 'problem',
      entityId: problemId,
      after: { attachmentId: row.id, fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return presentProblemAttachment(row);
  });
}

/** One attachment's name, type and bytes. Throws PROBLEM_NOT_FOUND, FORBIDDEN or ATTACHMENT_NOT_FOUND. */
export async function getProblemAttachment(
  db: Db,
  user: ProblemUser,
  problemId: number,
  id: number,
) {
  await requireFullView(db, user, problemId);
  const row = await findProblemAttachment(db, problemId, id);
  if (!row) {
    throw new AppError('ATTACHMENT_NOT_FOUND', `Problem ${problemId} has no attachment ${id}.`);
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: row.content };
}

/**
 * Deletes an attachment (its uploader, the office or admin). Throws PROBLEM_NOT_FOUND, FORBIDDEN or
 * ATTACHMENT_NOT_FOUND.
 */
export async function deleteProblemAttachmentAs(
  db: Db,
  user: ProblemUser,
  problemId: number,
  id: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireFullView(tx, user, problemId);
    const found = await findProblemAttachment(tx, problemId, id);
    if (!found) {
      throw new AppError('ATTACHMENT_NOT_FOUND', `Problem ${problemId} has no attachment ${id}.`);
    }
    // A file is evidence: only its uploader or the office running the loop may take it away.
    if (found.uploadedBy !== user.name && user.role !== 'office' && user.role !== 'admin') {
      throw new AppError(
        'FORBIDDEN',
        `${found.fileName} was attached by ${found.uploadedBy}; only they or the office may delete it.`,
        { attachmentId: id },
      );
    }
    await deleteProblemAttachment(tx, problemId, id);
    await updateProblemRow(tx, problemId, {});
    await recordAudit(tx, user, {
      action: 'problem.attachment.delete',
      entityType: 'problem',
      entityId: problemId,
      before: { attachmentId: id },
    });
  });
}
