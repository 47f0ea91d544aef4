/** What other features may use of forms (a lint rule holds other features to this file). */
export { formsModule } from './module.ts';
export type { FormResultsService } from './forms-results.ts';
export type { FormsService } from './forms-service.ts';
