import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Withdrawing asks once more, in place (no dialog to get lost in on a small screen). */
export function WithdrawButton({ onWithdraw }: { onWithdraw: () => void }) {
  const { m } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-danger" onClick={() => setAsking(true)} data-testid="submission-withdraw">
        {m.forms.submission.withdraw}
      </button>
    );
  }
  return (
    <div className="notice notice-warning stack" role="group" aria-labelledby="withdraw-question">
      <p id="withdraw-question">{m.forms.submission.withdrawConfirm}</p>
      <p className="button-row">
        <button type="button" className="button button-danger" onClick={() => { setAsking(false); onWithdraw(); }} data-testid="submission-withdraw-confirm">
          {m.forms.submission.withdrawYes}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)} data-testid="submission-withdraw-cancel">
          {m.forms.submission.withdrawNo}
        </button>
      </p>
    </div>
  );
}
