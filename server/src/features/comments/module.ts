import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/module.ts';
import { noticesModule } from '../notices/module.ts';
import { commentsRoutes } from './comments-routes.ts';
import { CommentsRepo, CommentsService } from './comments-service.ts';
import { commentsCollection } from './comments-sync.ts';

/** Members' comments on notices; officers hide them. */
export const commentsModule = defineModule({
  name: 'comments',
  dependsOn: [authModule, noticesModule],
  services: ({ db, mutate }, { actors, noticesRepo }) => ({ comments: new CommentsService(new CommentsRepo(db), noticesRepo, actors, mutate) }),
  collections: () => [commentsCollection],
  routes: (app, services) => commentsRoutes(app, services),
  pushKinds: [],
  auditActions: ['comment.hidden'],
});
