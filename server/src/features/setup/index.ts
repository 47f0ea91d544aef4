/** What other features may use of setup (a lint rule holds other features to this file). */
export { setupModule } from './module.ts';
export type { SetupService } from './setup-service.ts';
