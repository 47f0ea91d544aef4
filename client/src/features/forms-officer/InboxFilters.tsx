import type { SubmissionState } from '@kumiai/shared';
import { useId } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { UnitSelect } from '../units/index.ts';
import { useUnits } from '../units/index.ts';
import type { InboxFilter } from './inbox-query.ts';

/** The states an officer looks for (drafts never reach the inbox). */
const inboxStates = ['in_review', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] as const satisfies readonly SubmissionState[];
const stepChoices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** State, step, unit, and "only where I can act" (on by default). */
export function InboxFilters({ value, onChange }: { value: InboxFilter; onChange: (next: InboxFilter) => void }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const stateId = useId();
  const stepId = useId();
  const { tree } = useUnits();
  return (
    <div role="search">
    <fieldset className="check-list stack" data-testid="inbox-filters">
      <legend className="field-label">{t.filters}</legend>
      <label className="check-row">
        <input type="checkbox" checked={value.mine} onChange={(e) => onChange({ ...value, mine: e.target.checked })} data-testid="inbox-only-mine" />
        <span>{t.onlyMine}</span>
      </label>
      <div className="field">
        <label className="field-label" htmlFor={stateId}>
          {t.filterState}
        </label>
        <select id={stateId} className="text-input" value={value.state} onChange={(e) => onChange({ ...value, state: e.target.value as InboxFilter['state'] })} data-testid="inbox-state">
          <option value="">{t.allStates}</option>
          {inboxStates.map((s) => (
            <option key={s} value={s}>
              {t.states[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={stepId}>
          {t.filterStep}
        </label>
        <select id={stepId} className="text-input" value={String(value.step)} onChange={(e) => onChange({ ...value, step: e.target.value === '' ? '' : Number(e.target.value) })} data-testid="inbox-step">
          <option value="">{t.allSteps}</option>
          {stepChoices.map((s) => (
            <option key={s} value={String(s)}>
              {format(t.stepN, { n: s + 1 })}
            </option>
          ))}
        </select>
      </div>
      {tree ? <UnitSelect label={t.filterUnit} tree={tree} value={value.unit} onChange={(unit) => onChange({ ...value, unit })} emptyLabel={t.allUnits} testId="inbox-unit" /> : null}
    </fieldset>
    </div>
  );
}
