export * from './queues';
export * from './payloads';
export * from './connection';
export * from './enqueue';
export * from './import-columns';
export * from './live';
export * from './audit-anchor';
