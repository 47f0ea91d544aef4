import { canGrantRole, roles, type Role } from '@kumiai/shared';
import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useActor } from '../auth/index.ts';
import type { UnitTree } from '../units/index.ts';
import { UnitSelect } from '../units/index.ts';
import { grantRole, revokeRole, type MemberDetail } from './members-api.ts';

/** The member's roles, each with revoke where allowed, and a form to grant the roles the actor may hand out. */
export function MemberRoles({ member, tree, onChanged }: { member: MemberDetail; tree: UnitTree; onChanged: () => void }) {
  const { m } = useI18n();
  const actor = useActor();
  const roleId = useId();
  const [unitId, setUnitId] = useState(member.unitId);
  const [role, setRole] = useState<Role | ''>('');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  if (!actor) return null;
  const grantable = roles.filter((r) => canGrantRole(actor, r, tree.pathIds(unitId)));
  const mayGrantAnywhere = (id: string) => roles.some((r) => canGrantRole(actor, r, tree.pathIds(id)));

  async function run(action: () => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(errorCode(e));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (role !== '') void run(() => grantRole(member.id, unitId, role).then(() => setRole('')));
  }

  return (
    <div className="stack">
      <h2>{m.members.rolesTitle}</h2>
      <ErrorAlert code={error} />
      {member.roles.length === 0 ? <p className="muted">{m.members.noRoles}</p> : null}
      <ul className="row-list" data-testid="member-roles">
        {member.roles.map((grant) => (
          <li key={grant.id} className="row-item row-with-action">
            <span>
              {m.roles[grant.role]} · {tree.get(grant.unitId)?.name ?? '—'}
            </span>
            {canGrantRole(actor, grant.role, tree.pathIds(grant.unitId)) ? (
              <button type="button" className="button button-small" onClick={() => void run(() => revokeRole(grant.id))} data-testid="role-revoke">
                {m.members.revoke}
                <span className="visually-hidden"> {m.roles[grant.role]}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {tree.flatten().some(({ unit }) => mayGrantAnywhere(unit.id)) ? (
        <form className="stack" onSubmit={onSubmit}>
          <h3>{m.members.grantTitle}</h3>
          <UnitSelect label={m.members.roleUnit} tree={tree} value={unitId} onChange={setUnitId} allow={mayGrantAnywhere} testId="role-unit" />
          <div className="field">
            <label className="field-label" htmlFor={roleId}>
              {m.members.role}
            </label>
            <select id={roleId} className="text-input" value={role} onChange={(e) => setRole(e.target.value as Role | '')} data-testid="role-select">
              <option value="">{m.members.chooseRole}</option>
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {m.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={role === ''} data-testid="role-grant">
            {m.members.grant}
          </button>
        </form>
      ) : null}
    </div>
  );
}
