import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { NoticeOffice } from './notice-office.ts';
import { NoticesRepo } from './notices-repo.ts';
import { noticesRoutes } from './notices-routes.ts';
import { NoticesService } from './notices-service.ts';
import { noticesCollection, readsCollection } from './notices-sync.ts';

/** Notices to an audience, their versions, scheduled publishing and read receipts. */
export const noticesModule = defineModule({
  name: 'notices',
  dependsOn: [authModule, uploadsModule],
  services: ({ db, clock, mutate }, { actors, uploads }) => {
    const noticesRepo = new NoticesRepo(db);
    // For comments and push, which read notices (their audience, their status) through it, never the repository.
    const noticeOffice = new NoticeOffice(noticesRepo, actors);
    return { noticeOffice, notices: new NoticesService(noticesRepo, clock, actors, uploads, mutate) };
  },
  collections: () => [noticesCollection, readsCollection],
  routes: (app, services) => noticesRoutes(app, services),
  // Notices due are published (and then streamed) on time.
  jobs: ({ notices }) => [{ every: 'poll', run: () => notices.tick() }],
  pushKinds: [],
  auditActions: ['notice.created', 'notice.updated'],
});
