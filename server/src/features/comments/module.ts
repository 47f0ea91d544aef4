import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { noticesModule } from '../notices/index.ts';
import { commentsRoutes } from './comments-routes.ts';
import { CommentsRepo, CommentsService } from './comments-service.ts';
import { commentsCollection } from './comments-sync.ts';

/** Members' comments on notices; officers hide them. */
export const commentsModule = defineModule({
  name: 'comments',
  dependsOn: [authModule, noticesModule],
  services: ({ db, mutate }, { noticeOffice }) => ({ comments: new CommentsService(new CommentsRepo(db), noticeOffice, mutate) }),
  collections: () => [commentsCollection],
  routes: (app, services) => commentsRoutes(app, services),
  pushKinds: [],
  auditActions: ['comment.hidden'],
});
