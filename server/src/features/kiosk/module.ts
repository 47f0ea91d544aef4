import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { KioskRepo } from './kiosk-repo.ts';
import { kioskRoutes } from './kiosk-routes.ts';
import { KioskService } from './kiosk-service.ts';

/** Shared tablets: registered kiosks on which members sign in and out. */
export const kioskModule = defineModule({
  name: 'kiosk',
  dependsOn: [authModule],
  services: ({ db, mutate, config }, { actors, auth, sessions }) => ({
    kiosks: new KioskService(new KioskRepo(db), actors, auth, sessions, mutate, { idleSeconds: config.kioskIdleSeconds }),
  }),
  routes: (app, services) => kioskRoutes(app, services),
  pushKinds: [],
  auditActions: ['kiosk.registered', 'kiosk.revoked'],
});
