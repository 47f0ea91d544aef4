import { defineModule } from '../../lib/feature-module.ts';
import { ActorRepo } from './actor-repo.ts';
import { authRoutes } from './auth-routes.ts';
import { AuthService } from './auth-service.ts';
import { SessionService } from './session-service.ts';
import { Throttle } from './throttle.ts';

/** Who is signed in: members as actors, sessions, the sign-in throttle, passwords. */
export const authModule = defineModule({
  name: 'auth',
  dependsOn: [],
  services: ({ db, clock, config }) => {
    const throttle = new Throttle(db, clock);
    return {
      actors: new ActorRepo(db),
      sessions: new SessionService(db, clock),
      throttle,
      auth: new AuthService(db, clock, throttle, { scryptLogN: config.scryptLogN }),
    };
  },
  routes: (app, services) => authRoutes(app, services),
  pushKinds: [],
  auditActions: [],
});
