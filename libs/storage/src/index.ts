export * from './evidence-store';
export * from './anchor-store';
export * from './audit-anchor';
export * from './tar';
