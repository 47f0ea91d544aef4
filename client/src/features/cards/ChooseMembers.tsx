import { can, type ActivationCard, type MemberView } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useActor } from '../auth/index.ts';
import { mayManage } from '../members/index.ts';
import { issueCodes } from '../members/index.ts';
import { useMemberList } from '../members/index.ts';
import { UnitSelect } from '../units/index.ts';
import { useUnits } from '../units/index.ts';

/** Pick whose cards to print: by default everyone in the unit who has not signed in yet. */
export function ChooseMembers({ onIssued }: { onIssued: (cards: ActivationCard[]) => void }) {
  const { m } = useI18n();
  const actor = useActor();
  const { tree } = useUnits();
  const [unitId, setUnitId] = useState('');
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useMemberList({ unitId }, 500);
  if (!actor || !tree) return <p role="status">{m.app.loading}</p>;
  const mayIssue = (id: string) => can(actor, 'member.issue_code', { unitPath: tree.pathIds(id) });
  // Never yourself by default: you are signed in already, whatever the roster says.
  const chosen = (member: MemberView) => overrides.get(member.id) ?? (!member.activated && member.id !== actor.memberId);
  // Members holding a role this officer could not grant (an admin, say) are not offered: the server would refuse them.
  const offered = list.members.filter((member) => mayManage(actor, tree, 'member.issue_code', member));
  const selected = offered.filter(chosen);

  async function issue(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onIssued(await issueCodes(selected.map((member) => member.id)));
    } catch (e) {
      setError(errorCode(e));
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <p>{m.cards.intro}</p>
      <UnitSelect
        label={m.members.unit}
        tree={tree}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          setOverrides(new Map());
        }}
        allow={mayIssue}
        emptyLabel={m.members.allUnits}
        testId="cards-unit"
      />
      <ErrorAlert code={error ?? list.error} />
      <fieldset className="check-list">
        <legend className="field-label">{format(m.cards.chosen, { n: selected.length })}</legend>
        {offered.map((member) => (
          <label key={member.id} className="check-row">
            <input type="checkbox" checked={chosen(member)} onChange={(e) => setOverrides((o) => new Map(o).set(member.id, e.target.checked))} data-testid="cards-member" />
            <span>
              {member.name} <span className="muted">({member.employeeNumber} · {member.activated ? m.members.activated : m.members.notActivated})</span>
            </span>
          </label>
        ))}
        {list.loading ? <p role="status">{m.app.loading}</p> : null}
      </fieldset>
      {list.next ? (
        <button type="button" className="button" onClick={list.loadMore}>
          {m.members.loadMore}
        </button>
      ) : null}
      <p className="muted">{m.cards.onceWarning}</p>
      <button type="button" className="button button-primary" disabled={busy || selected.length === 0} aria-busy={busy} onClick={() => void issue()} data-testid="cards-issue">
        {format(m.cards.issue, { n: selected.length })}
      </button>
    </div>
  );
}
