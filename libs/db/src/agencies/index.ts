// The agencies store's exports (issue 15: one store per capability).
export * from './agency-store';
export * from './bank-prefix-store';
