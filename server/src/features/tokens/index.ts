/** What other features may use of API tokens (a lint rule holds other features to this file). */
export { tokensModule } from './module.ts';
export type { TokenService } from './token-service.ts';
