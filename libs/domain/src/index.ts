export * from './agency';
export * from './roles';
export * from './login-policy';
export * from './audit';
