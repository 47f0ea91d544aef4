import type { SubmissionState } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** An application's state in words, with "step n of m" while in review. */
export function ApplicationStateText({ state, step, steps, testId }: { state: SubmissionState; step: number; steps: number; testId?: string }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const text = state === 'in_review' && steps > 0 ? format(t.stateWithStep, { state: t.states[state], step: format(t.stepOf, { n: step + 1, total: steps }) }) : t.states[state];
  return (
    <span data-testid={testId} data-state={state} data-step={step}>
      {text}
    </span>
  );
}
