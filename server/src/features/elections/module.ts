import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { documentsModule } from '../documents/index.ts';
import { noticesModule } from '../notices/index.ts';
import { pushModule } from '../push/index.ts';
import { setupModule } from '../setup/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { fileBylawTemplate } from './bylaw-template.ts';
import { candidatePhotoCheck, candidatePhotoReadRule, PhotoElections } from './candidate-photos.ts';
import { ElectionsCrypto } from './crypto-pool.ts';
import { ElectionCredentials } from './elections-credentials.ts';
import { ElectionsRepo } from './elections-repo.ts';
import { ElectionResults } from './elections-results.ts';
import { electionsRoutes } from './elections-routes.ts';
import { ElectionsService } from './elections-service.ts';
import { ElectionTrustees } from './elections-trustees.ts';
import { ElectionVoting } from './elections-voting.ts';

/** Elections (issue 17): the commission's set-up and roll, the trustees' key shares and decryption, voting, turnout, results, the public record. */
export const electionsModule = defineModule({
  name: 'elections',
  dependsOn: [authModule, setupModule, uploadsModule, noticesModule, pushModule, documentsModule],
  services: ({ db, clock, mutate, config }, { actors, notices, push, setup, documents, uploads }) => {
    // A new union (set up in the browser or by `pnpm kumiai setup`) finds the model bylaw clause for electronic voting in 規約.
    setup.onUnionCreated((adminId) => {
      const admin = actors.load(adminId);
      if (admin) fileBylawTemplate({ documents, uploads }, admin);
    });
    const repo = new ElectionsRepo(db);
    // Candidate photos are served to the commission and the roll (candidate-photos.ts).
    uploads.addReadRule(candidatePhotoReadRule(new PhotoElections(db), repo, actors));
    const electionsCrypto = new ElectionsCrypto(config.electionThreads);
    const electionVoting = new ElectionVoting(repo, clock, electionsCrypto);
    return {
      electionsCrypto,
      elections: new ElectionsService(repo, clock, actors, mutate, electionsCrypto, candidatePhotoCheck(uploads)),
      electionTrustees: new ElectionTrustees(repo, clock, actors, mutate),
      electionVoting,
      electionCredentials: new ElectionCredentials(repo, clock, actors, mutate),
      electionResults: new ElectionResults(repo, clock, actors, mutate, electionVoting, notices, push, electionsCrypto),
    };
  },
  // The worker threads stop with the server.
  hooks: (app, { electionsCrypto }) => app.addHook('onClose', () => electionsCrypto.close()),
  routes: (app, services) => electionsRoutes(app, services),
  pushKinds: ['election'],
  auditActions: [
    'election.created',
    'election.updated',
    'election.roll_frozen',
    'election.roll_changed',
    'election.trustees_set',
    'election.trustee_step',
    'election.opened',
    'election.credential_reissued',
    'election.credential_authority_set',
    'election.credentials_uploaded',
    'election.reminded',
    'election.paper_voter',
    'election.paper_totals',
    'election.tally_started',
    'election.published',
  ],
});
