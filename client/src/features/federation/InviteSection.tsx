import type { UnionInvite } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { createInvite, fetchIdentity } from './federation-api.ts';
import { FingerprintView } from './FingerprintView.tsx';

/** The federation's officer creates an exchange token for a named member union: shown once, with a copy button and this federation's fingerprint. */
export function InviteSection({ onCreated }: { onCreated: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const identity = useFetched((signal) => fetchIdentity(signal), []);
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<UnionInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, onSubmit } = useAction();
  return (
    <section className="card stack" aria-labelledby="fed-invite-title" data-testid="federation-invite">
      <h2 id="fed-invite-title">{t.inviteTitle}</h2>
      <p>{t.inviteIntro}</p>
      <form
        className="stack"
        onSubmit={onSubmit(async () => {
          setCopied(false);
          setInvite(await createInvite({ name: name.trim() }));
          setName('');
          onCreated();
        })}
      >
        <TextField label={t.unionName} value={name} onValueChange={setName} required maxLength={200} autoComplete="off" data-testid="federation-union-name" />
        <ErrorAlert code={error} testId="federation-invite-error" />
        <p className="button-row">
          <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''} data-testid="federation-create-token">
            {t.createToken}
          </button>
        </p>
      </form>
      {invite ? (
        <div className="stack notice" data-testid="federation-invite-result">
          <h3 id="fed-token-label">{format(t.tokenFor, { name: invite.name })}</h3>
          <p className="notice notice-warning">{t.tokenOnce}</p>
          <code className="exchange-token" aria-labelledby="fed-token-label" data-testid="federation-new-token">
            {invite.token}
          </code>
          <p className="button-row">
            <button
              type="button"
              className="button"
              data-testid="federation-copy-token"
              onClick={() =>
                void navigator.clipboard?.writeText(invite.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {t.copy}
            </button>
          </p>
          <p role="status">{copied ? t.copied : ''}</p>
          <p className="muted">{format(t.expires, { date: formatDateTime(invite.expiresAt, lang) })}</p>
        </div>
      ) : null}
      {identity.state === 'done' ? (
        <div className="stack">
          <h3>{t.ourFingerprint}</h3>
          <FingerprintView fingerprint={identity.value.fingerprint} testId="federation-own-fingerprint" explain={false} />
        </div>
      ) : null}
    </section>
  );
}
