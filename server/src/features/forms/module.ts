import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { pushModule } from '../push/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { ApplicationsService } from './applications-service.ts';
import { FormsRepo } from './forms-repo.ts';
import { FormResultsService } from './forms-results.ts';
import { formsRoutes } from './forms-routes.ts';
import { FormsService } from './forms-service.ts';
import { formsCollection, submissionsCollection } from './forms-sync.ts';

/** Surveys and applications: form definitions, members' submissions, results, approvals. */
export const formsModule = defineModule({
  name: 'forms',
  dependsOn: [authModule, uploadsModule, pushModule],
  services: ({ db, clock, mutate }, { actors, push }) => {
    const formsRepo = new FormsRepo(db);
    return {
      forms: new FormsService(actors, formsRepo, mutate),
      formResults: new FormResultsService(db, actors, formsRepo, mutate, push, clock),
      applications: new ApplicationsService(actors, formsRepo, mutate, push),
    };
  },
  // A submitted application is announced to its approver after the device's push commits.
  collections: ({ applications, uploads }) => [formsCollection, submissionsCollection({ ownsUploads: (member, files) => uploads.ownsAll(member, files), onSubmitted: (id) => applications.notifySubmitted(id) })],
  routes: (app, services) => formsRoutes(app, services),
  pushKinds: ['application', 'form'],
  auditActions: ['form.created', 'form.updated', 'form.archived', 'form.exported', 'form.reminded', 'application.acted'],
});
