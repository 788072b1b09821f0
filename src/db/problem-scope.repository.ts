import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ProblemScope } from '../shared/problem-scope.ts';
import { chain, enterprise, problem } from './schema.ts';

const NOTHING = sql`false`;

function chainCondition(chainCodes: readonly string[] | null): SQL | undefined {
  if (chainCodes === null) return undefined;
  if (chainCodes.length === 0) return NOTHING;
  return inArray(
    problem.chainId,
    sql`(select ${chain.id} from ${chain} where ${inArray(chain.code, [...chainCodes])})`,
  );
}

/** Whether the query that takes the condition joins the registry (`enterprise`) to `problem`. */
export type RegistryJoin = 'registry joined' | 'problem alone';

/**
 * The condition on `problem` rows that a scope may see (undefined: every row). Every query that
 * lists, counts or reads problems for a user goes through it. A park's tenants are read from the
 * joined registry row when the query joins it, else as one array read once (an uncorrelated
 * InitPlan): Citus plans neither a subquery on the registry beside a join with it nor a join of
 * the registry in a locking read.
 */
export function problemScopeCondition(scope: ProblemScope, join: RegistryJoin): SQL | undefined {
  switch (scope.kind) {
    case 'chains':
      return chainCondition(scope.chainCodes);
    case 'department':
      return scope.departmentId === null
        ? NOTHING
        : and(eq(problem.departmentId, scope.departmentId), chainCondition(scope.chainCodes));
    case 'enterprise':
      return scope.enterpriseId === null ? NOTHING : eq(problem.enterpriseId, scope.enterpriseId);
    case 'park':
      return scope.parkId === null
        ? NOTHING
        : and(
            join === 'registry joined'
              ? eq(enterprise.parkId, scope.parkId)
              : sql`${problem.enterpriseId} = any(array(select ${enterprise.id} from ${enterprise}
                  where ${enterprise.parkId} = ${scope.parkId}))`,
            chainCondition(scope.chainCodes),
          );
    case 'none':
      return NOTHING;
  }
}
