import { and, inArray, like, or } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { enterprise, problem } from './schema.ts';
import { nameKeys } from '../domain/entity-matching.ts';

// What an import of problems looks up in bulk: the enterprises a file names and the 12345 tickets
// already imported for them.

/** The start of a description that carries a 12345 ticket number: `[12345 工单 A123] …`. */
export const TICKET_PREFIX = '[12345 工单 ';

/** Enterprises whose USCC or exact registered name is among those given. */
export async function findEnterprisesByUsccOrName(
  db: DbOrTx,
  usccs: readonly string[],
  names: readonly string[],
): Promise<{ id: number; uscc: string | null; name: string }[]> {
  const conditions = [
    usccs.length > 0 ? inArray(enterprise.uscc, [...usccs]) : undefined,
    names.length > 0 ? inArray(enterprise.name, [...names]) : undefined,
    // Names written otherwise (（无锡） for (无锡)): recordsNamed picks among these.
    names.length > 0 ? inArray(enterprise.nameKey, nameKeys(names)) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  return db
    .select({ id: enterprise.id, uscc: enterprise.uscc, name: enterprise.name })
    .from(enterprise)
    .where(or(...conditions));
}

/**
 * The 12345 ticket numbers already recorded for the enterprises, read from the start of their
 * problems' descriptions, as `enterpriseId` → ticket numbers.
 */
export async function listImportedTickets(
  db: DbOrTx,
  enterpriseIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const tickets = new Map<number, Set<string>>();
  if (enterpriseIds.length === 0) return tickets;
  const rows = await db
    .select({ enterpriseId: problem.enterpriseId, description: problem.description })
    .from(problem)
    .where(
      and(
        inArray(problem.enterpriseId, [...enterpriseIds]),
        // The prefix holds no LIKE wildcard, so it matches as written.
        like(problem.description, `${TICKET_PREFIX}%`),
      ),
    );
  for (const row of rows) {
    const end = row.description.indexOf(']');
    if (end < 0) continue;
    const ticket = row.description.slice(TICKET_PREFIX.length, end);
    const set = tickets.get(row.enterpriseId) ?? new Set<string>();
    set.add(ticket);
    tickets.set(row.enterpriseId, set);
  }
  return tickets;
}

/**
 * The problems already recorded for the enterprises, as `enterpriseId|title|receivedAt (ISO)`: a
 * row without a ticket number that matches one was imported before.
 */
export async function listRecordedProblemKeys(
  db: DbOrTx,
  enterpriseIds: readonly number[],
): Promise<Set<string>> {
  if (enterpriseIds.length === 0) return new Set();
  const rows = await db
    .select({
      enterpriseId: problem.enterpriseId,
      title: problem.title,
      receivedAt: problem.receivedAt,
    })
    .from(problem)
    .where(inArray(problem.enterpriseId, [...enterpriseIds]));
  return new Set(rows.map((r) => problemKey(r.enterpriseId, r.title, r.receivedAt.toISOString())));
}

/** One problem's identity for a re-import: the enterprise, the title, the moment of receipt. */
export function problemKey(enterpriseId: number, title: string, receivedAt: string): string {
  return `${enterpriseId}|${title}|${receivedAt}`;
}
