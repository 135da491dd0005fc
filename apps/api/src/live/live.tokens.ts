/** The Redis-backed event emitter behind GraphQL subscriptions. */
export const LIVE_BUS = Symbol('LIVE_BUS');
