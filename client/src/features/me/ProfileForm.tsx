import type { MemberDoc } from '@kumiai/shared';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { OwnMember } from './use-own-member.ts';

type Pref = 'ja' | 'en' | 'none';
interface Draft {
  phone: string;
  email: string;
  pref: Pref;
}

function fromDoc(doc: MemberDoc): Draft {
  return { phone: doc.phone ?? '', email: doc.email ?? '', pref: doc.preferredLanguage ?? 'none' };
}

/**
 * The member's phone, e-mail and language, written to their own synced record
 * on the device (works offline); the sync engine sends it. While the change is
 * waiting to be sent, the form says so.
 */
export function ProfileForm({ member }: { member: OwnMember }) {
  const { m, setLang } = useI18n();
  const { pending } = useSyncStatus();
  // What the member typed; until then the fields show the record as it is now.
  const [draft, setDraft] = useState<Draft | null>(null);
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const shown = draft ?? fromDoc(member);
  const edit = (change: Partial<Draft>): void => {
    setSaved(false);
    setDraft({ ...shown, ...change });
  };

  async function save(): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      const next = { phone: shown.phone.trim() || null, email: shown.email.trim() || null, preferredLanguage: shown.pref === 'none' ? null : shown.pref };
      const current = member.getLatest();
      if (next.phone !== (current.phone ?? null) || next.email !== (current.email ?? null) || next.preferredLanguage !== (current.preferredLanguage ?? null)) {
        await current.incrementalPatch(next);
      }
      if (shown.pref !== 'none') setLang(shown.pref);
      setDraft(null);
      setSaved(true);
    } catch {
      setFailed(true);
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
      <ErrorAlert code={failed ? 'internal' : null} />
      {saved ? (
        <p className="notice notice-success" role="status" data-testid="profile-saved">
          {m.me.savedLocal}
        </p>
      ) : null}
      {pending > 0 ? (
        <p className="notice notice-warning" role="status" data-testid="profile-pending" data-pending={pending}>
          {m.me.pendingNote}
        </p>
      ) : null}
      <TextField label={m.me.phone} type="tel" value={shown.phone} onValueChange={(phone) => edit({ phone })} autoComplete="tel" maxLength={40} data-testid="profile-phone" />
      <TextField label={m.me.email} type="email" value={shown.email} onValueChange={(email) => edit({ email })} autoComplete="email" maxLength={254} data-testid="profile-email" />
      <RadioGroup<Pref>
        legend={m.me.preferredLanguage}
        options={[
          { value: 'ja', label: '日本語', lang: 'ja' },
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'none', label: m.me.noPreference },
        ]}
        value={shown.pref}
        onChange={(pref) => edit({ pref })}
        testId="profile-language"
      />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy} data-testid="profile-save">
        {busy ? m.common.sending : m.common.save}
      </button>
    </form>
  );
}
