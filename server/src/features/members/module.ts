import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { MembersRepo } from './members-repo.ts';
import { membersRoutes } from './members-routes.ts';
import { MembersService } from './members-service.ts';
import { membersCollection } from './members-sync.ts';

/** Members, their roles, login cards (activation codes) and the members export. */
export const membersModule = defineModule({
  name: 'members',
  dependsOn: [authModule],
  services: ({ db, clock, mutate, config }, { actors }) => ({
    members: new MembersService(new MembersRepo(db), clock, actors, mutate, { publicUrl: config.publicUrl, activationTtlMs: config.activationTtlMs }),
  }),
  collections: () => [membersCollection],
  routes: (app, services) => membersRoutes(app, services),
  pushKinds: [],
  auditActions: ['member.updated', 'role.granted', 'role.revoked', 'code.issued', 'sessions.ended', 'export.created'],
});
