// The bulletins store's exports (issue 15: one store per capability).
export * from './bulletin-store';
export * from './match-bulletins';
export * from './record-bulletin';
