/** The region the chain office works for on the demo (Wuxi): candidates and targets default to it. */
export const HOME_REGION = '3202';
