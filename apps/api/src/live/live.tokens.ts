/** The Redis-backed event bus: live events are published (and logged) on it, and relays are woken through it. */
export const LIVE_BUS = Symbol('LIVE_BUS');
/** The in-process emitter behind GraphQL subscriptions, fed from the live logs by LiveLogRelay. */
export const LIVE_LOCAL = Symbol('LIVE_LOCAL');
