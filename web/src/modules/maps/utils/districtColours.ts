/** Light to dark: a district's share of the largest value picks its step. */
export const DISTRICT_STEPS = ['#d6e4ff', '#adc6ff', '#597ef7', '#2f54eb', '#10239e'] as const;
/** A district with nothing (no enterprise, no reported output). */
export const DISTRICT_EMPTY = '#f0f0f0';

/**
 * The fill of each district, by code: five equal steps of the largest value, the empty colour for
 * none. Computed here, not by ECharts' visualMap, so the page can say which colour each got.
 */
export function districtColours(
  values: readonly { code: string; value: number | null }[],
): Map<string, string> {
  const max = largestDistrictValue(values);
  return new Map(
    values.map(({ code, value }) => {
      if (value === null || value <= 0 || max <= 0) return [code, DISTRICT_EMPTY];
      const step = Math.min(
        DISTRICT_STEPS.length - 1,
        Math.ceil((value / max) * DISTRICT_STEPS.length) - 1,
      );
      return [code, DISTRICT_STEPS[step] ?? DISTRICT_EMPTY];
    }),
  );
}

/** The largest district's figure (0 when none has any): the top of the colour steps. */
export function largestDistrictValue(values: readonly { value: number | null }[]): number {
  return Math.max(0, ...values.map((v) => v.value ?? 0));
}
