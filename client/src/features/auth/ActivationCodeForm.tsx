import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';

/** For a member who has the card but not the QR code: type the code printed on it. */
export function ActivationCodeForm({ onCode }: { onCode: (code: string) => void }) {
  const { m } = useI18n();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (code.trim() === '') setMissing(true);
    else onCode(code.trim());
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <p>{m.activate.enterIntro}</p>
      <TextField label={m.activate.code} hint={m.activate.codeHint} value={code} onValueChange={setCode} error={missing && code.trim() === '' ? m.common.required : null} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={32} data-testid="activate-code" />
      <button type="submit" className="button button-primary" data-testid="activate-code-submit">
        {m.activate.next}
      </button>
    </form>
  );
}
