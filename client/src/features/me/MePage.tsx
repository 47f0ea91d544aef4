import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ChangePinForm } from './ChangePinForm.tsx';
import { MeLinks } from './MeLinks.tsx';
import { AppSettingsSection } from '../shell/index.ts';
import { ProfileForm } from './ProfileForm.tsx';
import { PushOptIn } from './PushOptIn.tsx';
import { RejectedChanges } from './RejectedChanges.tsx';
import { SignOutButtons } from './SignOutButtons.tsx';
import { StorageFact } from './StorageFact.tsx';
import { useOwnMember } from './use-own-member.ts';

export function MePage() {
  const { m } = useI18n();
  useDocumentTitle(m.me.title);
  const { me } = useSession();
  // The record on the device (synced, also offline); the session's copy until it has opened.
  const member = useOwnMember(me?.member.id ?? null);
  if (!me) return null;
  return (
    <section className="card stack" aria-labelledby="me-title" data-testid="me">
      <h1 id="me-title">{m.me.title}</h1>
      <dl className="facts">
        <dt>{m.me.name}</dt>
        <dd data-testid="me-name">{member?.name ?? me.member.name}</dd>
        <dt>{m.me.employeeNumber}</dt>
        <dd data-testid="me-employee-number">{member?.employeeNumber ?? me.member.employeeNumber}</dd>
        <dt>{m.me.unit}</dt>
        <dd>{me.unitPath.map((u) => u.name).join(' › ')}</dd>
        <dt>{m.me.roles}</dt>
        <dd>
          {me.grants.length === 0 ? (
            m.roles.member
          ) : (
            <ul className="plain-list">
              {me.grants.map((g) => (
                <li key={`${g.role}-${g.unitId}`}>
                  {m.roles[g.role]} ({g.unitName})
                </li>
              ))}
            </ul>
          )}
        </dd>
        {me.session.kind === 'kiosk' ? null : <StorageFact />}
      </dl>
      <MeLinks me={me} />
      <RejectedChanges />
      {member ? (
        <ProfileForm member={member} />
      ) : (
        <p className="muted" role="status" data-testid="profile-loading">
          {m.app.loading}
        </p>
      )}
      {me.session.kind === 'kiosk' ? null : <ChangePasswordForm />}
      {me.session.kind === 'kiosk' ? null : <ChangePinForm />}
      <PushOptIn kiosk={me.session.kind === 'kiosk'} />
      <AppSettingsSection />
      <SignOutButtons kiosk={me.session.kind === 'kiosk'} memberId={me.member.id} />
    </section>
  );
}
