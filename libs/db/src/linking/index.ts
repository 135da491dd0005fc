// The linking store's exports (issue 15: one store per capability): links and series as they stand, the linker's
// statements, the warninglist and hub reviews, full relinks, fund tracing.
export * from './linking-store';
export * from './linker-store';
export * from './warninglist-store';
export * from './relink-run-store';
export * from './fund-trace-store';
