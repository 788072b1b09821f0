import { AppError } from '../../domain/app-error.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import type { Db } from '../../db/connection.ts';
import {
  deleteLinkRow,
  findLinkById,
  insertLinks,
  listLinkRows,
  type LinkWithNames,
} from '../../db/enterprise-link.repository.ts';
import type { CreateLinkRequest, EnterpriseLinkView, LinkQuery } from '../../shared/api/links.ts';
import type { LinkKind, LinkSource } from '../../shared/link-kinds.ts';
import type { Role } from '../../shared/permissions.ts';
import { linkProblems, lookUpParties } from './link-rules.ts';

/** Who acts on links: office and admin record any; a `firm` user only its own enterprise's. */
export interface LinkUser {
  actor: Actor;
  role: Role;
  /** The enterprise a `firm` user speaks for. */
  enterpriseId: number | null;
}

const RECORDS_ANY: readonly Role[] = ['admin', 'office'];

/** The enterprise a firm user is limited to; undefined for roles that see every link. */
function firmScope(user: LinkUser): number | undefined {
  if (user.role !== 'firm') return undefined;
  if (user.enterpriseId === null) {
    throw new AppError('FORBIDDEN', 'Your firm account is bound to no enterprise any more.');
  }
  return user.enterpriseId;
}

/**
 * A link as this user may see it: a `firm` user sees share and amount only of the links its own
 * enterprise declared; the office's figures and other firms' are private.
 */
export function presentLink(row: LinkWithNames, user: LinkUser): EnterpriseLinkView {
  const { link } = row;
  const hidden = user.role === 'firm' && link.declaredBy !== user.enterpriseId;
  return {
    id: link.id,
    kind: link.kind as LinkKind,
    from: { id: link.fromId, name: row.fromName, regionCode: row.fromRegion },
    to: { id: link.toId, name: row.toName, regionCode: row.toRegion },
    product: link.product,
    sharePercent: hidden ? null : link.sharePercent,
    amountYuan: hidden ? null : link.amountYuan,
    figuresHidden: hidden && (link.sharePercent !== null || link.amountYuan !== null),
    validFrom: link.validFrom,
    validTo: link.validTo,
    source: link.source as LinkSource,
    createdBy: link.createdBy,
    createdAt: link.createdAt.toISOString(),
    isDemo: link.isDemo,
  };
}

/**
 * Records a link: by the office (source office) or declared by a firm for its own enterprise
 * (source firm). Audited. Throws FORBIDDEN (a firm naming two other enterprises, another role)
 * and VALIDATION_FAILED naming the field (a link to itself, an unknown or merged enterprise, a
 * share outside 0–100, dates in the wrong order).
 */
export async function createLink(
  db: Db,
  user: LinkUser,
  input: CreateLinkRequest,
): Promise<EnterpriseLinkView> {
  const own = firmScope(user);
  if (own === undefined && !RECORDS_ANY.includes(user.role)) {
    throw new AppError(
      'FORBIDDEN',
      'Only the chain office, an admin or a party firm records links.',
    );
  }
  if (own !== undefined && input.fromId !== own && input.toId !== own) {
    throw new AppError(
      'FORBIDDEN',
      `A firm declares links of its own enterprise (${own}) only; ask the chain office to record others.`,
      { field: 'fromId', enterprise: own },
    );
  }
  const [problem] = linkProblems(input, await lookUpParties(db, [input.fromId, input.toId]));
  if (problem) {
    throw new AppError('VALIDATION_FAILED', problem.message, {
      field: problem.field,
      reason: problem.reason,
      // The sentence without the field, for a client that names the field its own way (the CLI's flags).
      why: problem.why,
      ...problem.params,
    });
  }
  const parties = await lookUpParties(db, [input.toId]);
  const id = await db.transaction(async (tx) => {
    const [linkId = 0] = await insertLinks(tx, [
      {
        kind: input.kind,
        fromId: input.fromId,
        toId: input.toId,
        regionCode: parties.parties.get(input.toId)?.regionCode ?? '',
        product: input.product ?? null,
        sharePercent: input.sharePercent ?? null,
        amountYuan: input.amountYuan ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        source: own === undefined ? 'office' : 'firm',
        declaredBy: own ?? null,
        createdBy: user.actor.name,
      },
    ]);
    await recordAudit(tx, user.actor, {
      action: 'link.create',
      entityType: 'enterprise_link',
      entityId: linkId,
      after: input,
    });
    return linkId;
  });
  return getLink(db, user, id);
}

/** One link. Throws LINK_NOT_FOUND (also for a firm that is no party to it). */
export async function getLink(db: Db, user: LinkUser, id: number): Promise<EnterpriseLinkView> {
  const row = await findLinkById(db, id);
  const own = firmScope(user);
  if (!row || (own !== undefined && row.link.fromId !== own && row.link.toId !== own)) {
    throw new AppError('LINK_NOT_FOUND', `No link has id ${id}; GET /api/links lists them.`, {
      link: id,
    });
  }
  return presentLink(row, user);
}

/** Links, newest first; a firm sees its own enterprise's only. */
export async function listLinks(
  db: Db,
  user: LinkUser,
  query: LinkQuery,
): Promise<{ items: EnterpriseLinkView[]; total: number }> {
  const own = firmScope(user);
  if (own !== undefined && query.enterprise !== undefined && query.enterprise !== own) {
    return { items: [], total: 0 };
  }
  const { rows, total } = await listLinkRows(
    db,
    { enterpriseId: own ?? query.enterprise, kind: query.kind },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map((row) => presentLink(row, user)), total };
}

/**
 * Deletes a link: the office or an admin any, a firm those it declared. Audited. Throws
 * LINK_NOT_FOUND, FORBIDDEN.
 */
export async function deleteLink(db: Db, user: LinkUser, id: number): Promise<void> {
  const before = await getLink(db, user, id);
  const row = await findLinkById(db, id);
  const own = firmScope(user);
  if (own !== undefined ? row?.link.declaredBy !== own : !RECORDS_ANY.includes(user.role)) {
    throw new AppError(
      'FORBIDDEN',
      'A firm deletes only the links it declared; the chain office deletes the others.',
      { link: id },
    );
  }
  await db.transaction(async (tx) => {
    await deleteLinkRow(tx, id);
    await recordAudit(tx, user.actor, {
      action: 'link.delete',
      entityType: 'enterprise_link',
      entityId: id,
      before,
    });
  });
}
