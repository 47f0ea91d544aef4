import type { Audience } from '@kumiai/shared';
import { useI18n } from '../i18n/use-i18n.ts';
import type { ScopeUnit } from './use-publish-scope.ts';

const roleOptions = ['officer', 'treasurer', 'viewer', 'election_commissioner', 'admin'] as const;

interface Props {
  value: Audience;
  onChange: (next: Audience) => void;
  units: readonly ScopeUnit[];
  wholeUnion: boolean;
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** Who receives the notice: the whole union and roles (only for those on the union itself), units within the officer's scope. */
export function AudiencePicker({ value, onChange, units, wholeUnion }: Props) {
  const { m } = useI18n();
  return (
    <fieldset className="check-list stack" data-testid="audience-picker">
      <legend className="field-label">{m.notices.audience}</legend>
      {wholeUnion ? (
        <label className="check-row">
          <input type="checkbox" checked={value.all} onChange={(e) => onChange({ ...value, all: e.target.checked })} data-testid="audience-all" />
          <span>{m.notices.audienceAll}</span>
        </label>
      ) : null}
      {units.length > 0 ? (
        <fieldset className="check-list" disabled={value.all}>
          <legend className="field-hint">{m.notices.audienceUnits}</legend>
          {units.map((u) => (
            <label className="check-row" key={u.id}>
              <input
                type="checkbox"
                checked={value.units.includes(u.id)}
                onChange={(e) => onChange({ ...value, units: toggle(value.units, u.id, e.target.checked) })}
                data-testid="audience-unit"
                data-unit-id={u.id}
              />
              <span>{`${'\u3000'.repeat(Math.max(0, u.depth - 1))}${u.name}`}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {wholeUnion ? (
        <fieldset className="check-list" disabled={value.all}>
          <legend className="field-hint">{m.notices.audienceRoles}</legend>
          {roleOptions.map((role) => (
            <label className="check-row" key={role}>
              <input
                type="checkbox"
                checked={value.roles.includes(role)}
                onChange={(e) => onChange({ ...value, roles: toggle(value.roles, role, e.target.checked) })}
                data-testid="audience-role"
                data-role={role}
              />
              <span>{m.roles[role]}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
