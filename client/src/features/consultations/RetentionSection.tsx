import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { fetchSettings, saveSettings } from './consultations-api.ts';

/** How long closed cases' content is kept: said to whoever sees the counts; changed by the union's admins (`mayChange`). */
export function RetentionSection({ mayChange }: { mayChange: boolean }) {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const settings = useApiResource(fetchSettings, []);
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const action = useAction();
  const days = settings.data?.retentionDays ?? null;
  return (
    <section className="stack" aria-labelledby="retention-title" data-testid="consultation-retention">
      <h2 id="retention-title">{t.retentionTitle}</h2>
      <ErrorAlert code={settings.error} />
      {days !== null ? <p data-testid="consultation-retention-days">{format(t.retentionNow, { days })}</p> : null}
      {mayChange && days !== null ? (
        <form
          className="stack"
          noValidate
          onSubmit={action.onSubmit(async () => {
            const value = Number(draft ?? days);
            const ok = Number.isInteger(value) && value >= 1 && value <= 3650;
            setInvalid(!ok);
            setSaved(false);
            if (!ok) return;
            settings.setData(await saveSettings({ retentionDays: value }));
            setDraft(null);
            setSaved(true);
          })}
        >
          <TextField label={t.retentionLabel} inputMode="numeric" value={draft ?? String(days)} onValueChange={setDraft} error={invalid ? t.retentionInvalid : null} data-testid="consultation-retention-input" />
          <button type="submit" className="button" disabled={action.busy}>
            {t.retentionSave}
          </button>
          <ErrorAlert code={action.error} />
          {saved ? (
            <p role="status" className="notice notice-success">
              {t.retentionSaved}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
