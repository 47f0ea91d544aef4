import type { Me } from '@kumiai/shared';
import { useState, type FormEvent } from 'react';
import { apiPatch, errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { refreshSession } from '../auth/session.ts';

type Pref = 'ja' | 'en' | 'none';

export function ProfileForm({ me }: { me: Me }) {
  const { m, setLang } = useI18n();
  const [phone, setPhone] = useState(me.member.phone ?? '');
  const [email, setEmail] = useState(me.member.email ?? '');
  const [pref, setPref] = useState<Pref>(me.member.preferredLanguage ?? 'none');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await apiPatch('/api/me', { phone: phone.trim() || null, email: email.trim() || null, preferredLanguage: pref === 'none' ? null : pref });
      if (pref !== 'none') setLang(pref);
      await refreshSession();
      setSaved(true);
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void save();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <h2>{m.me.contactTitle}</h2>
      <ErrorAlert code={error} />
      {saved ? (
        <p className="notice notice-success" role="status" data-testid="profile-saved">
          {m.common.saved}
        </p>
      ) : null}
      <TextField label={m.me.phone} type="tel" value={phone} onValueChange={setPhone} autoComplete="tel" maxLength={40} data-testid="profile-phone" />
      <TextField label={m.me.email} type="email" value={email} onValueChange={setEmail} autoComplete="email" maxLength={254} data-testid="profile-email" />
      <RadioGroup<Pref>
        legend={m.me.preferredLanguage}
        options={[
          { value: 'ja', label: '日本語', lang: 'ja' },
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'none', label: m.me.noPreference },
        ]}
        value={pref}
        onChange={setPref}
        testId="profile-language"
      />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy} data-testid="profile-save">
        {busy ? m.common.sending : m.common.save}
      </button>
    </form>
  );
}
