/** What other features may use of uploads (a lint rule holds other features to this file). */
export { uploadsModule } from './module.ts';
export type { FileReadRule, UploadsService } from './uploads-service.ts';
