import type { DuesSettings } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { duesApi } from './dues-api.ts';

/** The union's dues policy: which day decides the class, how exemptions count, whether a strike fund is kept. */
export function PolicyForm({ policy, onSaved }: { policy: DuesSettings; onSaved: (p: DuesSettings) => void }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const [value, setValue] = useState(policy);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="dues-form stack"
      aria-labelledby="policy-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        setError(null);
        duesApi.setPolicy(value).then(
          (next) => {
            setSaved(true);
            onSaved(next);
          },
          (err: unknown) => setError(errorCode(err)),
        );
      }}
    >
      <h2 id="policy-title">{t.policyTitle}</h2>
      <RadioGroup legend={t.classDay} options={[{ value: 'first', label: t.classDayFirst }, { value: 'last', label: t.classDayLast }]} value={value.classDay} onChange={(classDay) => setValue({ ...value, classDay })} testId="policy-class-day" />
      <RadioGroup
        legend={t.exemptWhen}
        options={[{ value: 'whole_month', label: t.exemptWhole }, { value: 'any_day', label: t.exemptAny }, { value: 'prorate', label: t.exemptProrate }]}
        value={value.exemptWhen}
        onChange={(exemptWhen) => setValue({ ...value, exemptWhen })}
        testId="policy-exempt-when"
      />
      <label className="check-row">
        <input type="checkbox" checked={value.strikeFund} onChange={(e) => setValue({ ...value, strikeFund: e.target.checked })} data-testid="policy-strike-fund" />
        <span>{t.strikeFund}</span>
      </label>
      <ErrorAlert code={error} testId="policy-error" />
      {saved ? (
        <p className="notice notice-success" role="status">
          {t.policySaved}
        </p>
      ) : null}
      <button type="submit" className="button button-primary">
        {t.policySave}
      </button>
    </form>
  );
}
