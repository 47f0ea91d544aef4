import { can } from '@kumiai/shared';
import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useActor } from '../auth/index.ts';
import { sessionEnded } from '../auth/index.ts';
import { UnitSelect } from '../units/index.ts';
import { useUnits } from '../units/index.ts';
import { registerKiosk } from './kiosk-store.ts';
import { wipeMemberData } from './wipe.ts';

/** An officer turns this browser into a workplace's shared kiosk (their own session on it ends). */
export function KioskRegisterPage() {
  const { m } = useI18n();
  useDocumentTitle(m.kiosk.registerTitle);
  const actor = useActor();
  const { tree } = useUnits();
  const [unitId, setUnitId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = (id: string) => actor !== null && tree !== null && tree.get(id)?.kind !== 'union' && can(actor, 'kiosk.register', { unitPath: tree.pathIds(id) });

  async function submit(): Promise<void> {
    if (unitId === '' || name.trim() === '') {
      setError('validation_failed');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await registerKiosk(unitId, name.trim());
      // The officer's session ended with the registration: nothing of theirs stays on the tablet.
      await wipeMemberData();
      sessionEnded();
      window.location.assign('/kiosk');
    } catch (e) {
      setError(errorCode(e));
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <section className="card stack" aria-labelledby="kiosk-register-title" data-testid="kiosk-register">
      <h1 id="kiosk-register-title">{m.kiosk.registerTitle}</h1>
      <p>{m.kiosk.registerIntro}</p>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert code={error} testId="kiosk-register-error" />
        {tree ? <UnitSelect label={m.kiosk.workplace} tree={tree} value={unitId} onChange={setUnitId} allow={allowed} emptyLabel={m.kiosk.chooseWorkplace} testId="kiosk-unit" /> : null}
        <TextField label={m.kiosk.name} hint={m.kiosk.nameHint} value={name} onValueChange={setName} required maxLength={100} data-testid="kiosk-name" />
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy} data-testid="kiosk-register-submit">
          {m.kiosk.register}
        </button>
      </form>
    </section>
  );
}
