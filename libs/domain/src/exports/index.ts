export * from './stix';
export * from './misp';
