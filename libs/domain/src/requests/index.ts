export * from './machines';
export * from './deadlines';
