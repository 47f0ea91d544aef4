export * from './errors.ts';
export * from './identity.ts';
export * from './setup.ts';
export * from './health.ts';
export * from './auth.ts';
export * from './permissions.ts';
export * from './org.ts';
