/** What other features may use of Web Push (a lint rule holds other features to this file). */
export { pushModule } from './module.ts';
export type { PushService } from './push-service.ts';
