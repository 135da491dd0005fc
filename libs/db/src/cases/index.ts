// The cases store's exports (issue 15: one store per capability).
export * from './case-store';
export * from './share-store';
export * from './identifier-store';
export * from './statement-store';
export * from './clue-import-store';
