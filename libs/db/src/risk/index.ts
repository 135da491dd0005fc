// The risk store's exports (issue 15: one store per capability): signals, uploads, thresholds, alerts as the api
// reads them, and the rules engine's statements.
export * from './signal-store';
export * from './upload-store';
export * from './threshold-store';
export * from './alert-store';
export * from './risk-rule-store';
