import type { SubmissionState } from '@kumiai/shared';
import { query } from '../../api/client.ts';

/** The approval inbox's filters, as chosen on screen ('' = any). */
export interface InboxFilter {
  state: SubmissionState | '';
  /** The 0-based approval step, as in ApplicationSummary.step; '' = any. */
  step: number | '';
  unit: string;
  form: string;
  /** Only applications at a step the viewer approves. */
  mine: boolean;
}

export const defaultInboxFilter: InboxFilter = { state: '', step: '', unit: '', form: '', mine: true };

/** `GET /api/applications` query string: set filters only, `mine=1` when on, and the page cursor. */
export function inboxQuery(filter: InboxFilter, cursor: string | null = null): string {
  return query({
    state: filter.state || null,
    step: filter.step === '' ? null : String(filter.step),
    unit: filter.unit || null,
    form: filter.form || null,
    mine: filter.mine ? '1' : null,
    cursor,
  });
}
