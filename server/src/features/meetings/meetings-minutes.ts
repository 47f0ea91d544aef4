import type { Actor, DecisionInput, MeetingDetail, MinutesInput } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import { textPdf, type TextBlock } from '../../lib/text-pdf.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { DocumentsService } from '../documents/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { detailOf, inputOf, meetingOfficedBy } from './meetings-office.ts';
import type { MeetingRow, MeetingsRepo } from './meetings-repo.ts';

/** The documents library's built-in folder 議事録 (migration 0007). */
export const MINUTES_FOLDER = 'folder-minutes';

const OUTCOME: Record<DecisionInput['outcome'], string> = { approved: '可決', rejected: '否決', deferred: '継続審議', reported: '報告承認' };
const METHOD: Record<DecisionInput['method'], string> = { hands: '挙手', delegates: '代議員による採決', acclamation: '拍手' };
// Japan's time for the printed date: the union's meetings are held there (there is no time zone setting yet).
const when = (ms: number) => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));

/** The minutes as a PDF: the meeting, each agenda item with its recorded decision, then the text. */
export function minutesPdf(row: MeetingRow): Buffer {
  const input = inputOf(row);
  const decisions = JSON.parse(row.decisions) as Record<string, DecisionInput>;
  const blocks: TextBlock[] = [
    { text: `議事録 ${row.title}`, heading: true },
    { text: `日時: ${when(row.starts_at)} 〜 ${when(row.ends_at)}` },
    ...(row.place ? [{ text: `場所: ${row.place}` }] : []),
    { text: '' },
    { text: '議題と決定', heading: true },
  ];
  input.agenda.forEach((item, i) => {
    blocks.push({ text: `${i + 1}. ${item.title}` });
    const d = decisions[item.id];
    if (item.electionId) blocks.push({ text: '無記名投票(選挙の結果による)', indent: 2 });
    else if (d) {
      const counts = [d.for !== undefined ? `賛成 ${d.for}` : '', d.against !== undefined ? `反対 ${d.against}` : '', d.abstain !== undefined ? `棄権 ${d.abstain}` : ''].filter(Boolean).join('、');
      blocks.push({ text: `${OUTCOME[d.outcome]}(${METHOD[d.method]}${counts ? `: ${counts}` : ''})`, indent: 2 });
      if (d.note) blocks.push({ text: d.note, indent: 2 });
    }
  });
  blocks.push({ text: '' }, { text: '議事の経過', heading: true });
  for (const line of (row.minutes_text ?? '').split('\n')) blocks.push({ text: line });
  return textPdf(`議事録 ${row.title}`, blocks);
}

/**
 * What is recorded at and after a meeting: the secretary's decisions per agenda
 * item, the minutes' draft, and their approval by the chair, which files them
 * as a PDF in 議事録 with the meeting's audience.
 */
export class MeetingMinutes {
  constructor(
    private readonly repo: MeetingsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly documents: DocumentsService,
    private readonly uploads: UploadsService,
  ) {}

  private recordable(actor: Actor, id: string): MeetingRow {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled');
    if (this.clock.now() < row.starts_at) throw new AppError('meeting_not_started', 409, 'The meeting has not started');
    if (row.minutes_approved_at !== null) throw new AppError('minutes_approved', 409, 'The minutes are approved');
    return row;
  }

  decide(actor: Actor, id: string, itemId: string, decision: DecisionInput): MeetingDetail {
    const row = this.recordable(actor, id);
    const item = inputOf(row).agenda.find((a) => a.id === itemId);
    if (!item) throw notFound('No such agenda item');
    if (item.electionId) throw new AppError('meeting_invalid', 400, 'A secret-ballot item takes its result from its election');
    const decisions = { ...(JSON.parse(row.decisions) as Record<string, DecisionInput>), [itemId]: decision };
    this.mutate(actor, { checks: [], audit: { action: 'meeting.decided', target: id, detail: { itemId, outcome: decision.outcome } } }, (now) => this.repo.setDecisions(id, JSON.stringify(decisions), now));
    return this.view(actor, id);
  }

  draft(actor: Actor, id: string, input: MinutesInput): MeetingDetail {
    this.recordable(actor, id);
    this.mutate(actor, { checks: [], audit: { action: 'meeting.minutes_drafted', target: id } }, (now) => this.repo.setMinutes(id, input.text, input.textEn?.trim() || null, now));
    return this.view(actor, id);
  }

  /**
   * The chair approves (a meeting without a chair: whoever runs it). The PDF is
   * filed in 議事録 to the meeting's audience by its organiser, who chose that
   * audience within their scope (the chair may be a member without publishing
   * rights); the organiser's own scope must still cover it, or the approver's.
   */
  approve(actor: Actor, id: string): MeetingDetail {
    const row = this.repo.meeting(id);
    if (!row) throw notFound();
    if (row.chair_id === null) meetingOfficedBy(this.repo, this.actors, actor, id);
    else if (row.chair_id !== actor.memberId) {
      // Those who know of the meeting (invited, or running it) are told why; anyone else learns nothing.
      const knows = this.repo.invited(id, actor.memberId) || row.member_id === actor.memberId || this.actors.mayPublishTo(actor, JSON.parse(row.audience) as MeetingDetail['input']['audience'], 'meeting.manage');
      throw knows ? new AppError('forbidden', 403, 'Only the chair approves the minutes') : notFound();
    }
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled');
    if (row.minutes_approved_at !== null) throw new AppError('minutes_approved', 409, 'The minutes are approved already');
    if (row.minutes_text === null) throw new AppError('minutes_missing', 409, 'Write the minutes first');
    const organiser = this.actors.load(row.member_id);
    const audience = JSON.parse(row.audience) as MeetingDetail['input']['audience'];
    const filer = organiser && this.actors.mayPublishTo(organiser, audience) ? organiser : actor;
    const pdf = minutesPdf(row);
    this.mutate(actor, { checks: [], audit: { action: 'meeting.minutes_approved', target: id } }, (now) => {
      const file = this.uploads.store(filer, `議事録_${row.title}.pdf`.replace(/[\\/:*?"<>|]/g, '_'), pdf);
      const doc = this.documents.create(filer, {
        folderId: MINUTES_FOLDER,
        title: `議事録 ${row.title}`,
        ...(row.title_en ? { titleEn: `Minutes: ${row.title_en}` } : {}),
        description: `${when(row.starts_at)} の${row.title}の議事録(議長承認済み)`,
        audience,
        file,
      });
      this.repo.approveMinutes(id, doc.id, now);
    });
    const after = this.repo.meeting(id)!;
    return detailOf(after, this.repo.counts([id]).get(id), actor, this.clock.now());
  }

  private view(actor: Actor, id: string): MeetingDetail {
    return detailOf(this.repo.meeting(id)!, this.repo.counts([id]).get(id), actor, this.clock.now());
  }
}
