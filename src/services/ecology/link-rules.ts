import type { DbOrTx } from '../../db/connection.ts';
import { findMergedInto } from '../../db/enterprise-link.repository.ts';
import { findEnterpriseNames } from '../../db/enterprise.repository.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';

// What makes a link acceptable, checked the same way for a request and for each row of a file.

/** The facts of a link to check. */
export interface LinkFacts {
  fromId: number;
  toId: number;
  sharePercent?: number | null | undefined;
  amountYuan?: number | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** Why a link is refused: the field, a reason code for the web, and the English sentence. */
export interface LinkProblem {
  field: 'fromId' | 'toId' | 'sharePercent' | 'amountYuan' | 'validTo';
  reason: RowReason;
  message: string;
  params: ReasonParams;
}

/** What the checks need to know about the enterprises named: which exist, which were merged. */
export interface PartyLookup {
  parties: Map<number, { id: number; name: string; regionCode: string }>;
  mergedInto: Map<number, number>;
}

/** Looks up every enterprise the links name, once. */
export async function lookUpParties(db: DbOrTx, ids: readonly number[]): Promise<PartyLookup> {
  const parties = await findEnterpriseNames(db, ids);
  const missing = ids.filter((id) => !parties.has(id));
  return { parties, mergedInto: await findMergedInto(db, missing) };
}

/** The first thing wrong with a link, or null. */
export function linkProblem(link: LinkFacts, lookup: PartyLookup): LinkProblem | null {
  for (const field of ['fromId', 'toId'] as const) {
    const id = link[field];
    if (lookup.parties.has(id)) continue;
    const kept = lookup.mergedInto.get(id);
    if (kept !== undefined) {
      return {
        field,
        reason: 'LINK_MERGED',
        message: `${field}: enterprise ${id} was merged into ${kept}; link enterprise ${kept} instead.`,
        params: { field, enterprise: id, keptId: kept },
      };
    }
    return {
      field,
      reason: 'ENTERPRISE_UNKNOWN',
      message: `${field}: no enterprise has id ${id}; GET /api/enterprises finds them.`,
      params: { field, enterprise: id },
    };
  }
  if (link.fromId === link.toId) {
    return {
      field: 'toId',
      reason: 'LINK_SELF',
      message: `toId: a link joins two different enterprises; both ends are enterprise ${link.toId}.`,
      params: { field: 'toId', enterprise: link.toId },
    };
  }
  const share = link.sharePercent;
  if (share !== null && share !== undefined && !(share >= 0 && share <= 100)) {
    return {
      field: 'sharePercent',
      reason: 'SHARE_OUT_OF_RANGE',
      message: `sharePercent: ${share} is outside 0–100 (a share of the buyer's purchases, in %).`,
      params: { field: 'sharePercent', value: share },
    };
  }
  const amount = link.amountYuan;
  if (amount !== null && amount !== undefined && !(amount >= 0)) {
    return {
      field: 'amountYuan',
      reason: 'NOT_NEGATIVE',
      message: `amountYuan: ${amount} is negative.`,
      params: { field: 'amountYuan', value: amount },
    };
  }
  if (link.validFrom && link.validTo && link.validTo < link.validFrom) {
    return {
      field: 'validTo',
      reason: 'DATES_REVERSED',
      message: `validTo: ${link.validTo} is before validFrom ${link.validFrom}.`,
      params: { field: 'validTo', validFrom: link.validFrom, validTo: link.validTo },
    };
  }
  return null;
}
