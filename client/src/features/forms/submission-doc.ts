import { formOpen, surveySubmissionId, type Answers, type FormDoc, type HistoryEntry, type SubmissionDoc, type SubmissionState } from '@kumiai/shared';

/**
 * The submission documents a member writes through RxDB (offline too), built
 * to pass the server's write rule (shared `submissionWrite`): on creation the
 * server-owned fields hold their starting values; on a change only answers,
 * formVersion and the requested state move, everything else stays as the
 * master has it.
 */

/** What a member may ask for on the device. */
export type RequestedState = Extract<SubmissionState, 'draft' | 'submitted' | 'withdrawn'>;

export interface NewSubmissionInput {
  form: FormDoc;
  memberId: string;
  answers: Answers;
  /** Applications: 'draft' or 'submitted'; a survey answer is always 'submitted'. */
  state: RequestedState;
  now: number;
  /** Applications: a new random id (crypto.randomUUID()); ignored for surveys, whose id is fixed per member. */
  id: string;
}

export function newSubmission({ form, memberId, answers, state, now, id }: NewSubmissionInput): SubmissionDoc {
  const survey = form.kind === 'survey';
  return {
    id: survey ? surveySubmissionId(form.id, memberId) : id,
    formId: form.id,
    formVersion: form.version,
    kind: form.kind,
    memberId,
    memberName: null,
    unitId: null,
    anonymous: survey && form.anonymous,
    answers: answers as SubmissionDoc['answers'],
    state: survey ? 'submitted' : state,
    step: 0,
    steps: 0,
    history: [],
    submittedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The fields a change writes: new answers against the form's current version, and the requested state. */
export function changedFields(form: FormDoc, answers: Answers, state: RequestedState): Pick<SubmissionDoc, 'answers' | 'formVersion' | 'state'> {
  return { answers: answers as SubmissionDoc['answers'], formVersion: form.version, state: form.kind === 'survey' ? 'submitted' : state };
}

/** Withdrawing changes the state only (the rule refuses answers changed on withdrawal). */
export function withdrawnFields(): Pick<SubmissionDoc, 'state'> {
  return { state: 'withdrawn' };
}

/** Whether the member may still change this application's answers (and submit it again). */
export function applicationEditable(sub: Pick<SubmissionDoc, 'state' | 'kind'>): boolean {
  return sub.kind === 'application' && (sub.state === 'draft' || sub.state === 'returned');
}

/** Whether the member may withdraw this application. */
export function applicationWithdrawable(sub: Pick<SubmissionDoc, 'state' | 'kind'>): boolean {
  return sub.kind === 'application' && (sub.state === 'draft' || sub.state === 'returned' || sub.state === 'in_review');
}

/** Whether a survey answer already given may be changed now (named, the survey allows it, still open by the device's clock). */
export function surveyAnswerEditable(form: FormDoc, now: number): boolean {
  return form.kind === 'survey' && !form.anonymous && form.allowEdit && formOpen(form, now);
}

/**
 * The approval step (counted from 1) at which an officer approved, returned or rejected, for the
 * history: the step under review before the action (an entry records the state after it). Null for
 * what is not an officer's decision at a step (submit, edit, withdraw, pay).
 */
export function actedStep(history: readonly HistoryEntry[], index: number): number | null {
  const entry = history[index];
  const before = history[index - 1];
  if (!entry || !before || before.state !== 'in_review') return null;
  return entry.action === 'approve' || entry.action === 'return' || entry.action === 'reject' ? before.step + 1 : null;
}
