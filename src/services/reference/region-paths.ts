import type { DbOrTx } from '../../db/connection.ts';
import { findRegionsByCodes } from '../../db/region.repository.ts';

/** A region named from its province down: 江苏省 · 无锡市 · 新吴区. */
export interface RegionStep {
  code: string;
  name: string;
}

/** The codes above and including `code` (32, 3202, 320214), as the NBS code nests them. */
export function ancestorCodes(code: string): string[] {
  const six = code.slice(0, 6);
  return [2, 4, 6].filter((n) => n <= six.length).map((n) => six.slice(0, n));
}

/**
 * The path of named regions from province to each code (a step whose code is not in the region
 * table is left out: a municipality's city level, or an unknown code). One query for all codes.
 */
export async function regionPaths(
  db: DbOrTx,
  codes: readonly string[],
): Promise<Map<string, RegionStep[]>> {
  const wanted = [...new Set(codes.flatMap(ancestorCodes))];
  const names = new Map((await findRegionsByCodes(db, wanted)).map((r) => [r.code, r.name]));
  return new Map(
    [...new Set(codes)].map((code) => [
      code,
      ancestorCodes(code).flatMap((step) => {
        const name = names.get(step);
        // A municipality's city takes the province's name (北京市 · 北京市): shown once.
        return name === undefined || (step.length === 4 && name === names.get(step.slice(0, 2)))
          ? []
          : [{ code: step, name }];
      }),
    ]),
  );
}
