export * from './stix';
export * from './misp';
export * from './clue-import';
export * from './stix-observables';
export { observableId, UUID_PATTERN } from './ids';
