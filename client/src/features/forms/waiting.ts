import { formOpen, surveySubmissionId, type FormDoc, type SubmissionDoc } from '@kumiai/shared';

/** An application of the member's own still on its way, or decided lately: returned ones come first. */
const ACTIVE = new Set<SubmissionDoc['state']>(['returned', 'draft', 'submitted', 'in_review']);
/** How long a decision (approved, rejected, paid) stays on the home page. */
export const DECIDED_SHOWN_MS = 14 * 24 * 60 * 60 * 1000;

/** What the forms ask of a member now: the home page's card and the 手続き tab's badge. */
export interface AskedOfMe {
  /** The member's applications sent back to them to fix, oldest change first. */
  returned: SubmissionDoc[];
  /** Their other applications in progress (draft, sent, in review) or decided in the last two weeks, newest first. */
  mine: SubmissionDoc[];
  /** Open surveys they have not answered, soonest deadline first (none last). */
  surveys: FormDoc[];
  /** Open application forms with a deadline, soonest first. */
  applicationForms: FormDoc[];
}

const byDeadline = (a: FormDoc, b: FormDoc): number => (a.closesAt ?? Infinity) - (b.closesAt ?? Infinity) || a.title.localeCompare(b.title);

export function askedOfMe(forms: readonly FormDoc[], mine: readonly SubmissionDoc[], memberId: string, now: number): AskedOfMe {
  const answered = new Set(mine.map((s) => s.id));
  const applications = mine.filter((s) => s.kind === 'application');
  return {
    returned: applications.filter((s) => s.state === 'returned').sort((a, b) => a.updatedAt - b.updatedAt),
    mine: applications
      .filter((s) => s.state !== 'returned' && (ACTIVE.has(s.state) || (s.state !== 'withdrawn' && now - s.updatedAt < DECIDED_SHOWN_MS)))
      .sort((a, b) => b.updatedAt - a.updatedAt),
    surveys: forms.filter((f) => f.kind === 'survey' && formOpen(f, now) && !answered.has(surveySubmissionId(f.id, memberId))).sort(byDeadline),
    applicationForms: forms.filter((f) => f.kind === 'application' && f.closesAt !== null && formOpen(f, now)).sort(byDeadline),
  };
}

/** The 手続き tab's badge: what waits on the member (surveys to answer, applications to fix). */
export function waitingCount(asked: AskedOfMe): number {
  return asked.surveys.length + asked.returned.length;
}
