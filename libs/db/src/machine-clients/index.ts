// The machine client store's exports (issue 16 part 3: OAuth 2.0 client credentials for agencies' own systems).
export * from './machine-client-store';
