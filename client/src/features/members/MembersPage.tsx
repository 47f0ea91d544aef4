import { memberStatuses, type MemberStatus } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { UnitSelect } from '../units/index.ts';
import { useUnits } from '../units/index.ts';
import { useMemberList } from './use-member-list.ts';

export function MembersPage() {
  const { m } = useI18n();
  useDocumentTitle(m.members.title);
  const statusId = useId();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const { tree } = useUnits();
  const list = useMemberList({ q, unitId, status });

  return (
    <section className="card stack" aria-labelledby="members-title" data-testid="members">
      <h1 id="members-title">{m.members.title}</h1>
      <p className="button-row">
        <Link to="/members/import" className="button">
          {m.nav.import}
        </Link>
        <Link to="/members/cards" className="button">
          {m.nav.cards}
        </Link>
      </p>
      <div role="search" className="stack">
        <TextField label={m.members.search} hint={m.members.searchHint} type="search" value={q} onValueChange={setQ} data-testid="members-search" />
        {tree ? <UnitSelect label={m.members.unit} tree={tree} value={unitId} onChange={setUnitId} emptyLabel={m.members.allUnits} testId="members-unit" /> : null}
        <div className="field">
          <label className="field-label" htmlFor={statusId}>
            {m.members.status}
          </label>
          <select id={statusId} className="text-input" value={status} onChange={(e) => setStatus(e.target.value as MemberStatus | '')} data-testid="members-status">
            <option value="">{m.members.allStatuses}</option>
            {memberStatuses.map((s) => (
              <option key={s} value={s}>
                {m.status[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert code={list.error} />
      <p role="status" className="muted">
        {list.loading ? m.app.loading : format(m.members.shown, { n: list.members.length })}
      </p>
      <ul className="row-list" data-testid="members-list">
        {list.members.map((member) => (
          <li key={member.id}>
            <Link to="/members/$memberId" params={{ memberId: member.id }} className="row-link" data-testid="member-row">
              <span className="row-title">{member.name}</span>
              <span className="muted">
                {member.employeeNumber} · {tree?.get(member.unitId)?.name ?? ''} · {m.status[member.status]} · {member.activated ? m.members.activated : m.members.notActivated}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {list.next ? (
        <button type="button" className="button" onClick={list.loadMore} disabled={list.loading} data-testid="members-more">
          {m.members.loadMore}
        </button>
      ) : null}
    </section>
  );
}
