import type { LinkPreview } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { confirmLink, previewLink } from './federation-api.ts';
import { FingerprintView } from './FingerprintView.tsx';

/**
 * The union's admin links to a federation: its address and exchange token, then its name and key
 * fingerprint to compare aloud with the federation's officer, then the confirmation (nothing is
 * stored before it; the server links only with the fingerprint shown here).
 */
export function LinkForm({ onLinked }: { onLinked: () => void }) {
  const { m } = useI18n();
  const t = m.federation;
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [preview, setPreview] = useState<LinkPreview | null>(null);
  const check = useAction();
  const link = useAction();
  return (
    <section className="card stack" aria-labelledby="fed-link-title" data-testid="federation-link-form">
      <h2 id="fed-link-title">{t.linkTitle}</h2>
      {preview === null ? (
        <form className="stack" noValidate onSubmit={check.onSubmit(async () => setPreview(await previewLink({ url: url.trim(), token: token.trim() })))}>
          <p>{t.linkIntro}</p>
          <TextField label={t.url} hint={t.urlHint} type="url" inputMode="url" autoComplete="off" value={url} onValueChange={setUrl} required data-testid="federation-url" />
          <TextField label={t.token} autoComplete="off" spellCheck={false} value={token} onValueChange={setToken} required data-testid="federation-token" />
          <ErrorAlert code={check.error} testId="federation-link-error" />
          <p className="button-row">
            <button type="submit" className="button button-primary" disabled={check.busy} data-testid="federation-check">
              {t.check}
            </button>
          </p>
        </form>
      ) : (
        <div className="stack" data-testid="federation-preview">
          <h3>{t.previewTitle}</h3>
          <dl className="facts">
            <dt>{t.linkedTo}</dt>
            <dd data-testid="federation-preview-name">{preview.name}</dd>
            <dt>{t.url}</dt>
            <dd>{preview.url}</dd>
          </dl>
          <h4>{t.fingerprint}</h4>
          <FingerprintView fingerprint={preview.fingerprint} testId="federation-preview-fingerprint" />
          <ErrorAlert code={link.error} testId="federation-confirm-error" />
          <p className="button-row">
            <button type="button" className="button" onClick={() => setPreview(null)} data-testid="federation-preview-cancel">
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={link.busy}
              data-testid="federation-confirm"
              onClick={() =>
                void link.run(async () => {
                  await confirmLink({ url: preview.url, token: token.trim(), fingerprint: preview.fingerprint });
                  onLinked();
                })
              }
            >
              {t.confirm}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
