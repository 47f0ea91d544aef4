import { defineModule } from '../../lib/feature-module.ts';
import { ActorRepo } from './actor-repo.ts';
import { authRoutes } from './auth-routes.ts';
import { AuthService } from './auth-service.ts';
import { CredentialsRepo } from './credentials-repo.ts';
import { CredentialsService } from './credentials-service.ts';
import { meCredentialRoutes } from './me-routes.ts';
import { SessionService } from './session-service.ts';
import { Throttle } from './throttle.ts';

/** Who is signed in: members as actors, sessions, the sign-in throttle, passwords (and a member changing their own). */
export const authModule = defineModule({
  name: 'auth',
  dependsOn: [],
  services: ({ db, clock, config, mutate }) => {
    const throttle = new Throttle(db, clock);
    const auth = new AuthService(db, clock, throttle, { scryptLogN: config.scryptLogN });
    return {
      actors: new ActorRepo(db),
      sessions: new SessionService(db, clock),
      throttle,
      auth,
      credentials: new CredentialsService(new CredentialsRepo(db), auth, mutate, { scryptLogN: config.scryptLogN }),
    };
  },
  routes: (app, services) => {
    authRoutes(app, services);
    meCredentialRoutes(app, services);
  },
  pushKinds: [],
  auditActions: ['member.password_changed', 'member.pin_changed'],
});
