import { electionPhase, slotsOf, type Actor, type ElectionDetail, type ElectionOutcome, type ElectionQuestion, type ElectionReminderResult, type Turnout } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { PushService } from '../push/index.ts';
import type { ElectionsCrypto } from './crypto-pool.ts';
import { buildArchive } from './elections-archive.ts';
import type { ElectionVoting } from './elections-voting.ts';
import { commissionOnly, detailOf, inputOf, outcomeNow, requireState } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

/** Units with fewer voters than this on the roll are merged into one turnout row (nobody is shown apart). */
export const TURNOUT_MIN_UNIT = 10;

/**
 * The commission after the vote opens (issue 17): turnout (counts only),
 * reminders, the tally (the server forgets the secret credentials when it
 * starts), publishing the result as a notice, and the public record.
 */
export class ElectionResults {
  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly voting: ElectionVoting,
    private readonly notices: NoticesService,
    private readonly push: PushService,
    private readonly crypto: ElectionsCrypto,
  ) {}

  private check(row: ElectionRow) {
    return [{ action: 'election.manage' as const, resource: { unitPath: this.actors.unitPath(row.unit_id) } }];
  }

  private detail(actor: Actor, id: string): ElectionDetail {
    return detailOf(this.repo, this.actors, actor, this.repo.election(id)!, this.clock.now());
  }

  /** Who voted, counted by unit; a unit with fewer than TURNOUT_MIN_UNIT on the roll goes into the one merged row. */
  turnout(actor: Actor, id: string): Turnout {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'ready', 'tallying', 'tallied', 'published');
    const rows = this.repo.turnoutRows(id);
    const byUnit = new Map<string, { electorate: number; voted: number }>();
    for (const r of rows) {
      const u = byUnit.get(r.unit_id) ?? { electorate: 0, voted: 0 };
      u.electorate += 1;
      if (r.how) u.voted += 1;
      byUnit.set(r.unit_id, u);
    }
    const names = this.repo.unitNames();
    const shown: Turnout['byUnit'] = [];
    const other = { unitId: null, unitPath: [] as string[], electorate: 0, voted: 0 };
    for (const [unitId, u] of byUnit) {
      if (u.electorate >= TURNOUT_MIN_UNIT) shown.push({ unitId, unitPath: this.actors.unitPath(unitId).map((x) => names.get(x) ?? ''), ...u });
      else {
        other.electorate += u.electorate;
        other.voted += u.voted;
      }
    }
    shown.sort((a, b) => a.unitPath.join('\u0000').localeCompare(b.unitPath.join('\u0000'), 'ja'));
    if (other.electorate > 0) shown.push(other);
    return {
      electorate: rows.length,
      votedOnline: rows.filter((r) => r.how === 'online').length,
      votedPaper: rows.filter((r) => r.how === 'paper').length,
      byUnit: shown,
    };
  }

  /** Push and in-app reminder to the roll members who have not voted, while voting is open. */
  remind(actor: Actor, id: string): ElectionReminderResult {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    const input = inputOf(row);
    if (row.state !== 'ready' || electionPhase(this.clock.now(), input) !== 'open') throw new AppError('election_not_open', 409, 'Voting is not open');
    const waiting = this.repo.turnoutRows(id).filter((r) => r.how === null).map((r) => r.member_id);
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.reminded', target: id, detail: { notVoted: waiting.length } } }, (now) =>
      this.repo.update(id, { reminded_at: now }, now),
    );
    const pushed = this.push.toMembers(waiting, { type: 'election', electionId: id, title: input.title, url: `/elections/${encodeURIComponent(id)}` });
    return { notVoted: waiting.length, pushed, withoutPush: waiting.length - pushed };
  }

  /**
   * ready → tallying, after the window: the encrypted tally of the last
   * ballot per credential. Ballots received before the close are decided
   * first; the tally is computed on the worker pool; then one transaction
   * moves the state (if no ballot came in meanwhile), stores the tally and
   * deletes the secret credentials, which are then scrubbed from the file and
   * the WAL.
   */
  async tally(actor: Actor, id: string): Promise<ElectionDetail> {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'ready');
    if (electionPhase(this.clock.now(), inputOf(row)) !== 'after') throw new AppError('election_wrong_state', 409, 'The tally starts after the window closes');
    await this.voting.settled(id);
    const ballots = this.repo.ballots(id);
    const et = await this.crypto.tally({ electionRaw: row.election_json!, credentialsJson: row.credentials_json!, ballots });
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.tally_started', target: id, detail: { tallied: et.numTallied } } }, (now) => {
      if (!this.repo.moveState(id, 'ready', 'tallying', now)) throw new AppError('election_wrong_state', 409, 'The election changed meanwhile');
      if (this.repo.ballotCount(id) !== ballots.length) throw new AppError('election_wrong_state', 409, 'A ballot came in meanwhile: start the tally again');
      this.repo.update(id, { encrypted_tally: et.encryptedTally, num_tallied: et.numTallied, total_weight: Number(et.totalWeight) }, now);
      this.repo.forgetCredentials(id);
    });
    this.repo.scrub();
    return this.detail(actor, id);
  }

  /** tallied → published: the outcome is fixed and goes to the electorate as a notice. */
  publish(actor: Actor, id: string): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'tallied');
    const outcome = outcomeNow(this.repo, row)!;
    if (outcome.turnout.paper > 0 && row.paper_totals === null) throw new AppError('election_wrong_state', 409, 'Enter the paper totals first: members voted on paper');
    const input = inputOf(row);
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.published', target: id, detail: { quorumMet: outcome.quorumMet } } }, (now) => {
      if (!this.repo.moveState(id, 'tallied', 'published', now)) throw new AppError('election_wrong_state', 409, 'The election changed meanwhile');
      this.repo.update(id, { outcome: JSON.stringify(outcome) }, now);
    });
    const notice = this.notices.createAnnouncement(actor, {
      title: `開票結果: ${input.title}`.slice(0, 200),
      ...(input.titleEn ? { titleEn: `Result: ${input.titleEn}`.slice(0, 200) } : {}),
      body: resultText(input.questions, outcome, 'ja'),
      bodyEn: resultText(input.questions, outcome, 'en'),
      audience: { all: false, units: input.electorate.unitIds, roles: [], members: [] },
    });
    this.repo.update(id, { notice_id: notice.id }, this.clock.now());
    return this.detail(actor, id);
  }

  /** The public record so far, for the commission (the electorate gets it once published). */
  archive(actor: Actor, id: string): Uint8Array {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'ready', 'tallying', 'tallied', 'published');
    return buildArchive(this.repo, row);
  }
}

const DECISIONS = {
  ja: { approved: '可決・信任', rejected: '否決・不信任', elected: '当選', chosen: '決定', tie: '同数（事前に定めた方法で決めます）', no_quorum: '定足数に達せず不成立' },
  en: { approved: 'Approved', rejected: 'Not approved', elected: 'Elected', chosen: 'Chosen', tie: 'Tie (decided by the rule stated in advance)', no_quorum: 'No quorum: no result' },
} as const;

/** The result as a notice body (Markdown): turnout, then each question's counts (online, paper, total) and decision. */
export function resultText(questions: readonly ElectionQuestion[], outcome: ElectionOutcome, lang: 'ja' | 'en'): string {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const slots = slotsOf(questions);
  const name = (q: ElectionQuestion, answer: string) => {
    if (answer === 'yes') return lang === 'ja' ? '賛成・信任' : 'Yes';
    if (answer === 'no') return lang === 'ja' ? '反対・不信任' : 'No';
    const o = q.options.find((x) => x.id === answer);
    return (lang === 'en' && o?.nameEn) || o?.name || answer;
  };
  const t = outcome.turnout;
  const lines = [
    lang === 'ja'
      ? `有権者 ${outcome.electorate}、投票 ${t.total}（電子 ${t.online}、紙 ${t.paper}）。${outcome.quorumMet ? '定足数を満たしました。' : '定足数に達しませんでした。'}`
      : `Electorate ${outcome.electorate}, voted ${t.total} (online ${t.online}, paper ${t.paper}). ${outcome.quorumMet ? 'Quorum met.' : 'Quorum not met.'}`,
  ];
  outcome.questions.forEach((qo, i) => {
    const q = byId.get(qo.questionId)!;
    const title = (lang === 'en' && q.titleEn) || q.title;
    const candidateId = slots[i]?.candidateId;
    const candidate = candidateId ? `: ${name(q, candidateId)}` : '';
    lines.push('', `## ${title}${candidate}`, '');
    for (const c of qo.counts) lines.push(`- ${name(q, c.answer)}: ${c.total} (${lang === 'ja' ? '電子' : 'online'} ${c.online} / ${lang === 'ja' ? '紙' : 'paper'} ${c.paper})`);
    lines.push(`- ${lang === 'ja' ? '白票' : 'Blank'}: ${qo.blank.total}`);
    const winners = qo.winners.length > 0 ? `: ${qo.winners.map((w) => name(q, w)).join(', ')}` : '';
    const tied = qo.tied.length > 0 ? ` (${lang === 'ja' ? '同数' : 'tied'}: ${qo.tied.map((w) => name(q, w)).join(', ')})` : '';
    lines.push('', `**${DECISIONS[lang][qo.decision]}**${winners}${tied}`);
  });
  return lines.join('\n');
}
