import path from 'node:path';
import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { noticesModule } from '../notices/index.ts';
import { PushRepo } from './push-repo.ts';
import { pushRoutes } from './push-routes.ts';
import { PushService } from './push-service.ts';

/** Web Push: the VAPID keys, members' subscriptions, notices pushed when published, reminders. */
export const pushModule = defineModule({
  name: 'push',
  dependsOn: [authModule, noticesModule],
  services: ({ db, clock, mutate, config }, { actors, noticeOffice }) => ({
    push: new PushService(
      db,
      clock,
      actors,
      { publicUrl: config.publicUrl, hosts: config.pushHosts, keyFile: path.join(config.dataDir, 'vapid-private.key') },
      noticeOffice,
      mutate,
      new PushRepo(db),
    ),
  }),
  hooks: (app, { push, notices }) => {
    push.useLogger(app.log);
    // The VAPID keys exist from the first start.
    push.publicKey();
    // Newly published notices are pushed after their commit.
    notices.onPublished((ids) => push.noticesPublished(ids));
  },
  routes: (app, services) => pushRoutes(app, services),
  pushKinds: ['notice', 'reminder'],
  auditActions: ['notice.reminded'],
});
