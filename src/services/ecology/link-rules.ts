import type { DbOrTx } from '../../db/connection.ts';
import { findMergedInto } from '../../db/enterprise-link.repository.ts';
import { findEnterpriseNames } from '../../db/enterprise.repository.ts';
import type { ReasonParams, RowReason } from '../../shared/row-reasons.ts';

// What makes a link acceptable, checked the same way for a request and for each row of a file.

/** The facts of a link to check. */
export interface LinkFacts {
  /** null where a file's row named no enterprise that could be found (said already): not checked. */
  fromId: number | null;
  toId: number | null;
  sharePercent?: number | null | undefined;
  amountYuan?: number | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/**
 * Why a link is refused: the field, a reason code for the web, the English sentence a request's
 * error carries (naming the API field), and `why`, the same without the field, which a file's
 * row error says beside its own column.
 */
export interface LinkProblem {
  field: 'fromId' | 'toId' | 'sharePercent' | 'amountYuan' | 'validTo';
  reason: RowReason;
  message: string;
  why: string;
  params: ReasonParams;
}

function problem(
  field: LinkProblem['field'],
  reason: RowReason,
  why: string,
  params: ReasonParams,
  requestHint = '',
): LinkProblem {
  return { field, reason, message: `${field}: ${why}${requestHint}.`, why, params };
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

/** Everything wrong with a link, each field once, in the order of the fields. */
export function linkProblems(link: LinkFacts, lookup: PartyLookup): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const field of ['fromId', 'toId'] as const) {
    const id = link[field];
    if (id === null || lookup.parties.has(id)) continue;
    const kept = lookup.mergedInto.get(id);
    problems.push(
      kept !== undefined
        ? problem(
            field,
            'LINK_MERGED',
            `enterprise ${id} was merged into ${kept}; link enterprise ${kept} instead`,
            { field, enterprise: id, keptId: kept },
          )
        : problem(
            field,
            'ENTERPRISE_UNKNOWN',
            `no enterprise has id ${id}`,
            { field, enterprise: id },
            '; GET /api/enterprises finds them',
          ),
    );
  }
  // Both ends the same: said only of enterprises that exist (an unknown id is said above).
  if (link.fromId !== null && link.fromId === link.toId && problems.length === 0)
    problems.push(
      problem(
        'toId',
        'LINK_SELF',
        `a link joins two different enterprises; both ends are enterprise ${link.fromId}`,
        { field: 'toId', enterprise: link.fromId },
      ),
    );
  const share = link.sharePercent;
  if (share !== null && share !== undefined && !(share >= 0 && share <= 100))
    problems.push(
      problem(
        'sharePercent',
        'SHARE_OUT_OF_RANGE',
        `${share} is outside 0–100 (a share of the buyer's purchases, in %)`,
        { field: 'sharePercent', value: share },
      ),
    );
  const amount = link.amountYuan;
  if (amount !== null && amount !== undefined && !(amount >= 0))
    problems.push(
      problem('amountYuan', 'NOT_NEGATIVE', `${amount} is negative`, {
        field: 'amountYuan',
        value: amount,
      }),
    );
  if (link.validFrom && link.validTo && link.validTo < link.validFrom)
    problems.push(
      problem(
        'validTo',
        'DATES_REVERSED',
        `${link.validTo} is before the start ${link.validFrom}`,
        {
          field: 'validTo',
          validFrom: link.validFrom,
          validTo: link.validTo,
        },
      ),
    );
  return problems;
}
