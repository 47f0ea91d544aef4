/** What other features may use of documents (a lint rule holds other features to this file). */
export { documentsModule } from './module.ts';
export type { DocumentsService } from './documents-service.ts';
