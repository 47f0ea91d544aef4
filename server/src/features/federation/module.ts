import path from 'node:path';
import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { formsModule } from '../forms/index.ts';
import { noticesModule } from '../notices/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { FederationHub } from './federation-hub.ts';
import { FederationKeys, ServiceTokenFile } from './federation-keys.ts';
import { FederationLink } from './federation-link.ts';
import { FederationPeers } from './federation-peers.ts';
import { FederationRepo } from './federation-repo.ts';
import { federationRoutes } from './federation-routes.ts';
import { federationItemsCollection, federationLinksCollection, federationReportsCollection } from './federation-sync.ts';

/**
 * Federation (上部団体連携, issue 20): a federation's member unions and items (`federationHub`), a union's link to
 * its federation (`federationLink`). Linked unions sync with the federation as peers (`federationPeers`, the three
 * federation collections), over the same sync protocol as devices.
 */
export const federationModule = defineModule({
  name: 'federation',
  dependsOn: [authModule, uploadsModule, noticesModule, formsModule],
  services: ({ db, clock, mutate, config }, { actors, notices, forms, formResults, uploads }) => {
    const repo = new FederationRepo(db);
    const federationKeys = new FederationKeys(path.join(config.dataDir, 'federation.key'));
    const serviceToken = new ServiceTokenFile(path.join(config.dataDir, 'federation-link.token'));
    return {
      federationKeys,
      federationRepo: repo,
      federationHub: new FederationHub(repo, federationKeys, clock, mutate, uploads),
      federationLink: new FederationLink(repo, federationKeys, clock, mutate, actors, notices, forms, formResults, uploads, serviceToken),
    };
  },
  collections: ({ federationRepo, mutate }) => [federationItemsCollection(), federationReportsCollection(federationRepo, mutate), federationLinksCollection(federationRepo, mutate)],
  principals: ({ federationRepo, mutate }) => [new FederationPeers(federationRepo, mutate)],
  hooks: (app, { federationKeys, federationLink, federationHub }) => {
    federationKeys.useLogger(app.log);
    federationLink.useLogger(app.log);
    // Items stored before items were signed reach unions once signed (none on a server that started signed).
    app.addHook('onReady', async () => {
      const signed = federationHub.signUnsigned();
      if (signed > 0) app.log.info({ signed }, 'federation items signed');
    });
  },
  routes: (app, services) => federationRoutes(app, services),
  jobs: ({ federationLink }) => [{ every: 'hourly', run: () => federationLink.syncIfLinked() }],
  pushKinds: [],
  auditActions: [
    'federation.union_invited',
    'federation.union_linked',
    'federation.union_paused',
    'federation.union_resumed',
    'federation.union_revoked',
    'federation.item_published',
    'federation.figures_read',
    'federation.exchange',
    'federation.exchange_refused',
    'federation.linked',
    'federation.link_paused',
    'federation.link_resumed',
    'federation.link_revoked',
    'federation.sharing_set',
    'federation.participation_set',
    'federation.report_queued',
  ],
});
