import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useMemberList } from '../members/index.ts';

interface Props {
  legend: string;
  hint?: string;
  /** The chosen members' ids. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Names known for ids (from earlier searches, or the meeting's own lists). */
  names: ReadonlyMap<string, string>;
  onName: (id: string, name: string) => void;
  /** One member (the chair) or several (delegates, named invitees). */
  single?: boolean;
  testId: string;
}

/** Chooses members by searching the roster (the officer's scope; GET /api/members), shown as a list of names with remove buttons. */
export function MemberPicker({ legend, hint, value, onChange, names, onName, single = false, testId }: Props) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const id = useId();
  const [q, setQ] = useState('');
  const list = useMemberList({ q: q.trim() || undefined }, 10);
  const searching = q.trim().length > 0;
  const term = q.trim();
  // The list answers after a pause in typing: until then, only what matches the words typed now.
  const found = searching ? list.members.filter((x) => !value.includes(x.id) && [x.name, x.nameKana, x.employeeNumber].some((s) => s.includes(term))) : [];
  return (
    <fieldset className="check-list stack" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {value.length > 0 ? (
        <ul className="plain-list" data-testid={`${testId}-chosen`}>
          {value.map((memberId) => {
            const name = names.get(memberId) ?? memberId;
            return (
              <li key={memberId} className="row-with-action meeting-wrap">
                <span>{name}</span>
                <button type="button" className="button button-small" onClick={() => onChange(value.filter((x) => x !== memberId))}>
                  {format(t.removeMember, { name })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t.memberSearch}
        </label>
        <input id={id} className="text-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} data-testid={`${testId}-search`} />
      </div>
      {searching && !list.loading && found.length === 0 ? <p className="muted">{t.memberSearchNone}</p> : null}
      {found.length > 0 ? (
        <ul className="plain-list">
          {found.map((x) => {
            const name = `${x.name}(${x.employeeNumber})`;
            return (
              <li key={x.id}>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    onName(x.id, name);
                    onChange(single ? [x.id] : [...value, x.id]);
                    setQ('');
                  }}
                  data-testid={`${testId}-pick`}
                >
                  {format(t.pickMember, { name })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </fieldset>
  );
}
