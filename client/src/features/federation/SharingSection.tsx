import type { LinkState } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { saveSharing } from './federation-api.ts';

type Link = NonNullable<LinkState['link']>;

/** The admin's sharing choices: which surveys' totals go upward, and whether the federation's suggested audience applies at once. */
export function SharingSection({ link, onChanged }: { link: Link; onChanged: () => void }) {
  const { m } = useI18n();
  const t = m.federation;
  // Published and closed surveys on the device (an admin's device holds the union's).
  const surveys = useLiveQuery((db) => db.forms.find({ selector: { kind: 'survey' } }), (docs) => docsJson(docs).filter((f) => f.status !== 'draft'), []);
  const [useDefault, setUseDefault] = useState(link.useDefaultAudience);
  const [shared, setShared] = useState<string[]>(link.sharedForms);
  const [saved, setSaved] = useState(false);
  const { busy, error, onSubmit } = useAction();
  return (
    <section className="card stack" aria-labelledby="fed-sharing-title" data-testid="federation-sharing">
      <h2 id="fed-sharing-title">{t.sharingTitle}</h2>
      <form
        className="stack"
        onSubmit={onSubmit(async () => {
          setSaved(false);
          await saveSharing({ useDefaultAudience: useDefault, sharedForms: shared });
          setSaved(true);
          onChanged();
        })}
      >
        <label className="check-row">
          <input type="checkbox" checked={useDefault} onChange={(e) => setUseDefault(e.target.checked)} data-testid="federation-use-default" />
          <span>{t.useDefaultAudience}</span>
        </label>
        <fieldset className="check-list stack">
          <legend className="field-label">{t.sharedSurveys}</legend>
          {surveys && surveys.length === 0 ? <p className="muted">{t.noSurveys}</p> : null}
          {(surveys ?? []).map((f) => (
            <label className="check-row" key={f.id}>
              <input
                type="checkbox"
                checked={shared.includes(f.id)}
                onChange={(e) => setShared((list) => (e.target.checked ? [...list.filter((id) => id !== f.id), f.id] : list.filter((id) => id !== f.id)))}
                data-testid="federation-shared-survey"
                data-form-id={f.id}
              />
              <span>{f.title}</span>
            </label>
          ))}
        </fieldset>
        <ErrorAlert code={error} testId="federation-sharing-error" />
        {saved ? (
          <p className="notice notice-success" role="status">
            {t.saved}
          </p>
        ) : null}
        <p className="button-row">
          <button type="submit" className="button" disabled={busy} data-testid="federation-sharing-save">
            {t.saveSharing}
          </button>
        </p>
      </form>
    </section>
  );
}
