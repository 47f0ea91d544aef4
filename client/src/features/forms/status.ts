import type { SubmissionDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/types.ts';

type FormsMessages = Messages['forms'];

/** The status shown on a chip: an answered survey, or the application's state with the step under review ("in review: step 1 of 2"). */
export function statusText(sub: Pick<SubmissionDoc, 'kind' | 'state' | 'step' | 'steps'>, m: FormsMessages): string {
  if (sub.kind === 'survey') return m.status.answered;
  if (sub.state === 'in_review') return sub.steps > 0 ? format(m.status.inReviewStep, { step: sub.step + 1, steps: sub.steps }) : m.status.in_review;
  return m.status[sub.state];
}

/** The chip's look: needs the member's attention, done, or neutral. */
export function statusTone(sub: Pick<SubmissionDoc, 'kind' | 'state'>): 'attention' | 'done' | 'neutral' {
  if (sub.kind === 'survey') return 'done';
  if (sub.state === 'returned' || sub.state === 'rejected' || sub.state === 'draft') return 'attention';
  if (sub.state === 'approved' || sub.state === 'paid') return 'done';
  return 'neutral';
}

/**
 * What the chip says beside "waiting to send" while a change waits on the device: nothing when the
 * change is the sending itself (an answer, an application submitted), else the state it will have
 * once sent ("取り下げ", "下書き"). One chip, one state: never "送信済み" beside "送信待ち".
 */
export function pendingStateText(sub: Pick<SubmissionDoc, 'kind' | 'state' | 'step' | 'steps'>, m: FormsMessages): string | null {
  if (sub.kind === 'survey' || sub.state === 'submitted') return null;
  return statusText(sub, m);
}
