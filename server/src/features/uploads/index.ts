/** What other features may use of uploads (a lint rule holds other features to this file). */
export { uploadsModule } from './module.ts';
export { cleanFileName, type FileReadRule, type UploadsService } from './uploads-service.ts';
