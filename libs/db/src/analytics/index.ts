// The analytics store's exports (issue 15: one store per capability).
export * from './outcome-store';
export * from './suspect-store';
