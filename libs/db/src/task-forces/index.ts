// The task-forces store's exports (issue 15: one store per capability).
export * from './task-force-store';
