/** What other features may use of federation (a lint rule holds other features to this file). */
export { federationModule } from './module.ts';
