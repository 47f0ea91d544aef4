import { defineModule } from '../../lib/feature-module.ts';
import { TokenService } from './token-service.ts';

/** API tokens for scripts and other clients (`pnpm kumiai token create`; the CLI records their audit rows). */
export const tokensModule = defineModule({
  name: 'tokens',
  dependsOn: [],
  services: ({ db, clock }) => ({ tokens: new TokenService(db, clock) }),
  pushKinds: [],
  auditActions: ['token.created', 'token.revoked'],
});
