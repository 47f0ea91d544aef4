import type { DuesAccount, DuesRuleInput } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { duesApi } from './dues-api.ts';
import { MonthField } from './MonthField.tsx';
import { parseYenInput } from './rule-text.ts';
import { currentMonth } from './yen.ts';

type Mode = 'floor' | 'ceil' | 'half_up';

/** A new rule from a month (rules are never edited; the server refuses a month already recorded with dues_rule_past). */
export function RuleForm({ strikeFund, onAdded }: { strikeFund: boolean; onAdded: () => void }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const [memberClass, setMemberClass] = useState('');
  const [account, setAccount] = useState<DuesAccount>('general');
  const [from, setFrom] = useState(currentMonth());
  const [kind, setKind] = useState<'flat' | 'rate'>('flat');
  const [amount, setAmount] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('1000');
  const [floor, setFloor] = useState('');
  const [cap, setCap] = useState('');
  const [mode, setMode] = useState<Mode>('floor');
  const [unit, setUnit] = useState<1 | 10 | 100 | 1000>(10);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [done, setDone] = useState(false);

  const formula = (): DuesRuleInput['formula'] | null => {
    if (kind === 'flat') {
      const yen = parseYenInput(amount);
      return yen === null ? null : { kind: 'flat', amount: yen };
    }
    const n = parseYenInput(numerator);
    const d = parseYenInput(denominator);
    const f = floor.trim() === '' ? undefined : parseYenInput(floor);
    const c = cap.trim() === '' ? undefined : parseYenInput(cap);
    if (n === null || d === null || d === 0 || f === null || c === null) return null;
    return { kind: 'rate', numerator: n, denominator: d, rounding: { mode, unit }, ...(f === undefined ? {} : { floor: f }), ...(c === undefined ? {} : { cap: c }) };
  };

  return (
    <form
      className="dues-form stack"
      aria-labelledby="rule-add-title"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = formula();
        setInvalid(f === null);
        setDone(false);
        if (!f || !memberClass.trim()) return;
        setError(null);
        duesApi.addRule({ memberClass: memberClass.trim(), account, from, formula: f }).then(
          () => {
            setDone(true);
            onAdded();
          },
          (err: unknown) => setError(errorCode(err)),
        );
      }}
    >
      <h2 id="rule-add-title">{t.ruleAddTitle}</h2>
      <TextField label={t.memberClass} hint={t.memberClassHint} value={memberClass} onValueChange={setMemberClass} required maxLength={40} data-testid="rule-class" />
      {strikeFund ? (
        <RadioGroup legend={t.account} options={[{ value: 'general', label: t.general }, { value: 'strike', label: t.strike }]} value={account} onChange={setAccount} testId="rule-account" />
      ) : null}
      <MonthField label={t.from} value={from} onChange={setFrom} testId="rule-from" />
      <RadioGroup legend={t.formulaKind} options={[{ value: 'flat', label: t.kindFlat }, { value: 'rate', label: t.kindRate }]} value={kind} onChange={setKind} testId="rule-kind" />
      {kind === 'flat' ? (
        <TextField label={t.amount} value={amount} onValueChange={setAmount} inputMode="numeric" required error={invalid ? t.amountInvalid : null} data-testid="rule-amount" />
      ) : (
        <>
          <TextField label={t.numerator} value={numerator} onValueChange={setNumerator} inputMode="numeric" required error={invalid ? t.amountInvalid : null} />
          <TextField label={t.denominator} value={denominator} onValueChange={setDenominator} inputMode="numeric" required />
          <TextField label={t.floor} value={floor} onValueChange={setFloor} inputMode="numeric" />
          <TextField label={t.cap} value={cap} onValueChange={setCap} inputMode="numeric" />
          <RadioGroup legend={t.roundingMode} options={[{ value: 'floor', label: t.roundFloor }, { value: 'ceil', label: t.roundCeil }, { value: 'half_up', label: t.roundHalfUp }]} value={mode} onChange={setMode} testId="rule-rounding" />
          <RadioGroup legend={t.roundingUnit} options={[1, 10, 100, 1000].map((u) => ({ value: u as 1 | 10 | 100 | 1000, label: String(u) }))} value={unit} onChange={setUnit} testId="rule-unit" />
        </>
      )}
      <ErrorAlert code={error} testId="rule-error" />
      {done ? (
        <p className="notice notice-success" role="status">
          {t.ruleAdded}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="rule-add">
        {t.ruleAdd}
      </button>
    </form>
  );
}
