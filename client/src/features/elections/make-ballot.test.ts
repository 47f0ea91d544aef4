import type { ElectionQuestion } from '@kumiai/shared';
import { toBeleniosTemplate } from '@kumiai/shared';
import { ballotTracker, createBallot, type Election } from '@kumiai/shared/elections/crypto/index';
import { simulateElection } from '@kumiai/shared/elections/simulate';
import { describe, expect, it } from 'vitest';
import { findTracker } from './make-ballot.ts';

const QUESTIONS: ElectionQuestion[] = [{ id: 'strike', kind: 'yes_no', title: 'スト権', options: [], threshold: 'simple', base: 'valid', tie: 'lot' }];

/** A small real election (2 voters, one revote) and the ballots it cast. */
function election(): { archive: Uint8Array; ballots: string[] } {
  const ballots: string[] = [];
  const template = toBeleniosTemplate({ unitId: 'u', title: 'T', description: '', questions: QUESTIONS, electorate: { unitIds: ['u'], classes: [] }, quorumPercent: 0, opensAt: 0, closesAt: 1 });
  const { archive } = simulateElection({
    voters: 2,
    trustees: 1,
    threshold: 1,
    timestamp: 1_700_000_000n,
    template,
    makeBallots: (e: Election, requests) => requests.map((r) => createBallot(e, r.secret, r.plaintext)).map((b) => (ballots.push(b), b)),
  });
  return { archive, ballots };
}

describe('finding a tracker in the public record', () => {
  const { archive, ballots } = election();

  it('finds each ballot’s tracker among the archive’s ballots, and not a tracker of no ballot', async () => {
    expect(ballots).toHaveLength(3);
    for (const b of ballots) expect(await findTracker(archive, ballotTracker(b))).toBe('found');
    expect(await findTracker(archive, ballotTracker(`${ballots[0]} `))).toBe('not_found');
  });

  it('says invalid, not "not found", for a record that does not read as Belenios wrote it', async () => {
    const cut = archive.slice(0, archive.length - 512);
    expect(await findTracker(cut, ballotTracker(ballots[0]!))).toBe('invalid');
    const flipped = archive.slice();
    const at = flipped.length - 700;
    flipped[at] = flipped[at]! ^ 1;
    expect(await findTracker(flipped, ballotTracker(ballots[0]!))).toBe('invalid');
  });
});
