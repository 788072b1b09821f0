/** Dispatched on window when the API answers 401: the session ended, so show the login page. */
export const UNAUTHENTICATED_EVENT = 'chainlead:unauthenticated';
