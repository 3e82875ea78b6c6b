export * from './roles';
export * from './principal';
export * from './jwt';
export * from './decorators';
export * from './jwt-auth.guard';
export * from './document-grant';
