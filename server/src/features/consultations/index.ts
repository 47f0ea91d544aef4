/** What other features may use of consultations (a lint rule holds other features to this file). */
export { consultationsModule } from './module.ts';
