export * from './warninglist';
export * from './series';
export * from './fund-trace';
