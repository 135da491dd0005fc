export * from './rules';
export * from './signals';
