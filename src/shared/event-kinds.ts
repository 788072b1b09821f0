// Plain values of the experts and events contract, without zod, so the web app can import them.

/** Kinds of ecology events: 对接会, 路演, 签约仪式, other. */
export const EVENT_KINDS = ['matchmaking', 'roadshow', 'signing', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What came of an event: a match made, or a project signed into the investment pipeline. */
export const EVENT_OUTCOME_KINDS = ['match', 'signed_project'] as const;
export type EventOutcomeKind = (typeof EVENT_OUTCOME_KINDS)[number];
