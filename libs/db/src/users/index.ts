// The users store's exports (issue 15: one store per capability).
export * from './user-store';
