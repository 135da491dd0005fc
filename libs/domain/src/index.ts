export * from './agency';
export * from './roles';
export * from './login-policy';
export * from './audit';
export * from './identifiers';
export * from './cases';
export * from './linking';
export * from './requests';
