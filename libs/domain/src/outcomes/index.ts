export * from './suspects';
export * from './shares';
export * from './labels';
export * from './subject';
