// The dashboard store's exports (issue 15: one store per capability).
export * from './dashboard-store';
export * from './metrics-store';
export * from './golden-minutes-store';
