export * from './machines';
export * from './deadlines';
export * from './vocabulary';
