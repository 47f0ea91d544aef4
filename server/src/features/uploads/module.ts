import path from 'node:path';
import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { UploadsRepo } from './uploads-repo.ts';
import { uploadsRoutes } from './uploads-routes.ts';
import { UploadsService } from './uploads-service.ts';

/** Attachments (PDFs, images): stored once by content hash, fetched by those who may read what attaches them. */
export const uploadsModule = defineModule({
  name: 'uploads',
  dependsOn: [authModule],
  services: ({ db, clock, config }) => ({
    uploads: new UploadsService(new UploadsRepo(db), clock, {
      dir: path.join(config.dataDir, 'uploads'),
      maxBytes: config.uploadMaxBytes,
      quotaBytesPerDay: config.uploadQuotaBytesPerDay,
    }),
  }),
  routes: (app, services) => uploadsRoutes(app, { ...services, maxBytes: services.config.uploadMaxBytes }),
  pushKinds: [],
  auditActions: [],
});
