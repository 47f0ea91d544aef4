import type { DuesAccount } from '@kumiai/shared';
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

/** A payment by transfer (振込) or in cash (現金) for one member and month; the member's month is recomputed at once. */
export function PaymentForm({ memberId, strikeFund }: { memberId: string; strikeFund: boolean }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const [month, setMonth] = useState(currentMonth());
  const [method, setMethod] = useState<'transfer' | 'cash'>('transfer');
  const [account, setAccount] = useState<DuesAccount>('general');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [done, setDone] = useState(false);
  return (
    <form
      className="dues-form stack"
      aria-labelledby="payment-title"
      data-testid="payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        const yen = parseYenInput(amount);
        setInvalid(yen === null || yen === 0);
        setDone(false);
        if (yen === null || yen === 0) return;
        setError(null);
        duesApi.pay({ memberId, month, account, amount: yen, method, ...(note.trim() ? { note: note.trim() } : {}) }).then(
          () => {
            setDone(true);
            setAmount('');
            setNote('');
          },
          (err: unknown) => setError(errorCode(err)),
        );
      }}
    >
      <h2 id="payment-title">{t.paymentTitle}</h2>
      <MonthField label={t.month} value={month} onChange={setMonth} testId="payment-month" />
      <RadioGroup legend={t.method} options={[{ value: 'transfer', label: t.methodTransfer }, { value: 'cash', label: t.methodCash }]} value={method} onChange={setMethod} testId="payment-method" />
      {strikeFund ? (
        <RadioGroup legend={t.account} options={[{ value: 'general', label: t.general }, { value: 'strike', label: t.strike }]} value={account} onChange={setAccount} testId="payment-account" />
      ) : null}
      <TextField label={t.paymentAmount} value={amount} onValueChange={setAmount} inputMode="numeric" required error={invalid ? t.amountInvalid : null} data-testid="payment-amount" />
      <TextField label={t.note} value={note} onValueChange={setNote} maxLength={200} />
      <ErrorAlert code={error} testId="payment-error" />
      {done ? (
        <p className="notice notice-success" role="status" data-testid="payment-done">
          {t.paid}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="payment-submit">
        {t.pay}
      </button>
    </form>
  );
}
