import { can, memberStatuses, type MemberStatus, type UpdateMemberRequest } from '@kumiai/shared';
import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useActor } from '../auth/index.ts';
import type { UnitTree } from '../units/index.ts';
import { UnitSelect } from '../units/index.ts';
import { updateMember, type MemberDetail } from './members-api.ts';
import { mayManage } from './may-manage.ts';

export function MemberEditForm({ member, tree, onSaved }: { member: MemberDetail; tree: UnitTree; onSaved: () => void }) {
  const { m } = useI18n();
  const actor = useActor();
  const statusId = useId();
  const [unitId, setUnitId] = useState(member.unitId);
  const [status, setStatus] = useState<MemberStatus>(member.status);
  const [email, setEmail] = useState(member.email ?? '');
  const [phone, setPhone] = useState(member.phone ?? '');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  if (!actor || !mayManage(actor, tree, 'member.manage', member)) return null;
  const manages = (id: string) => can(actor, 'member.manage', { unitPath: tree.pathIds(id) });

  async function save(): Promise<void> {
    const change: UpdateMemberRequest = {};
    if (unitId !== member.unitId) change.unitId = unitId;
    if (status !== member.status) change.status = status;
    if (email.trim() !== (member.email ?? '')) change.email = email.trim() || null;
    if (phone.trim() !== (member.phone ?? '')) change.phone = phone.trim() || null;
    if (Object.keys(change).length === 0) return;
    setError(null);
    try {
      await updateMember(member.id, change);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(errorCode(e));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setSaved(false);
    void save();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <h2>{m.members.editTitle}</h2>
      <ErrorAlert code={error} />
      {saved ? (
        <p className="notice notice-success" role="status">
          {m.common.saved}
        </p>
      ) : null}
      <UnitSelect label={m.me.unit} tree={tree} value={unitId} onChange={setUnitId} allow={manages} testId="member-unit" />
      <div className="field">
        <label className="field-label" htmlFor={statusId}>
          {m.members.status}
        </label>
        <select id={statusId} className="text-input" value={status} onChange={(e) => setStatus(e.target.value as MemberStatus)} data-testid="member-status">
          {memberStatuses.map((s) => (
            <option key={s} value={s}>
              {m.status[s]}
            </option>
          ))}
        </select>
      </div>
      <TextField label={m.me.phone} type="tel" value={phone} onValueChange={setPhone} maxLength={40} data-testid="member-phone" />
      <TextField label={m.me.email} type="email" value={email} onValueChange={setEmail} maxLength={254} data-testid="member-email" />
      <button type="submit" className="button button-primary" data-testid="member-save">
        {m.common.save}
      </button>
    </form>
  );
}
