// Plain values of the 供需对接 contract, without zod, so the web app can import them cheaply.

export const NEED_KINDS = ['need', 'offer'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
/** What a need or offer is set to: open until its owner or the office closes it. */
export const NEED_STATUSES = ['open', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
/**
 * How a need or offer stands, as lists show and filter it: `expired` is an open one whose period
 * ended before today (Asia/Shanghai); it no longer counts or matches, and is not set by anyone.
 */
export const NEED_STANDINGS = ['open', 'expired', 'closed'] as const;
export type NeedStanding = (typeof NEED_STANDINGS)[number];
/** What came of a match, in the order it usually goes; `dropped` ends it. */
export const MATCH_OUTCOMES = ['contacted', 'sampled', 'contracted', 'dropped'] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];
/** How near a supplier is to the enterprise with the need. */
export const MATCH_DISTANCES = ['district', 'city', 'province', 'elsewhere'] as const;
export type MatchDistance = (typeof MATCH_DISTANCES)[number];
