import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { pushModule } from '../push/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { ConsultationFiles } from './consultations-files.ts';
import { ConsultationsRepo } from './consultations-repo.ts';
import { consultationsRoutes } from './consultations-routes.ts';
import { ConsultationSeal } from './consultations-seal.ts';
import { ConsultationsService } from './consultations-service.ts';
import { consultationsCollection } from './consultations-sync.ts';

const startLog = { warn: (obj: object, msg: string) => process.emitWarning(`${msg} ${JSON.stringify(obj)}`) };

/** Consultations (相談窓口, issue 21): cases, replies and notes (synced as `consultations`, sealed at rest), desks, assignment, counts, retention. */
export const consultationsModule = defineModule({
  name: 'consultations',
  dependsOn: [authModule, uploadsModule, pushModule],
  services: ({ db, clock, mutate, config }, { actors, push, uploads }) => {
    // Refuses to start with a missing or foreign key for a database that holds sealed content (README).
    const consultationSeal = ConsultationSeal.open(db, config.consultationsKeyFile, startLog);
    const consultationsRepo = new ConsultationsRepo(db);
    return {
      consultationSeal,
      consultationsRepo,
      consultations: new ConsultationsService(consultationsRepo, clock, actors, mutate, push, uploads),
      consultationFiles: new ConsultationFiles(db, clock, uploads, consultationSeal),
    };
  },
  collections: ({ consultationSeal, consultations }) => [consultationsCollection({ seal: consultationSeal, notify: (event) => consultations.notify(event) })],
  routes: (app, services) => consultationsRoutes(app, { ...services, maxBytes: services.config.uploadMaxBytes }),
  jobs: ({ consultations }) => [
    // Officers who left office are taken off their cases at once (the check is one small query unless grants changed).
    { every: 'poll', run: () => consultations.handOver() },
    { every: 'hourly', run: () => [consultations.handOver(true), consultations.applyRetention()] },
  ],
  pushKinds: ['consultation'],
  auditActions: ['consultation.assigned', 'consultation.status_changed', 'consultation.erased', 'consultation.handed_back', 'consultation.settings_changed'],
});
