import { defineModule } from '../../lib/feature-module.ts';
import { CandidatePhotoKeeper } from './CandidatePhotoKeeper.tsx';
import { electionRoute, electionVoteRoute } from './election-route.tsx';
import { ElectionsCard, ElectionsToVote, useElectionsToVote } from './ElectionsCard.tsx';
import { electionsEn, electionsJa } from './messages.ts';

/** Elections, the member's side (issue 17): their elections, voting from their own device, the result and their tracker in the public record. */
export const electionsModule = defineModule({
  name: 'elections',
  routes: [electionRoute, electionVoteRoute],
  // Votes asking for the member's vote are listed on 手続き too, and count in its badge.
  tabSections: [{ id: 'elections-to-vote', tab: 'procedures', component: ElectionsToVote, order: 10, useCount: useElectionsToVote }],
  homeCards: [{ id: 'elections', component: ElectionsCard, audience: 'member', order: 4, useCount: useElectionsToVote }],
  background: [CandidatePhotoKeeper],
  messages: { ja: { elections: electionsJa }, en: { elections: electionsEn } },
});
