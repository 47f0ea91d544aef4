import type { DeskCase } from '@kumiai/shared';
import { useId, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { assignOfficers, fetchCandidates } from './consultations-api.ts';

/** The desk lead picks one or more officers who may take the case (the server's candidates); the member is told. */
export function AssignForm({ deskCase, onAssigned, onCancel }: { deskCase: DeskCase; onAssigned: (updated: DeskCase) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const id = useId();
  const candidates = useApiResource((signal) => fetchCandidates(deskCase.id, signal), [deskCase.id]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(deskCase.assignees.map((a) => a.memberId)));
  const [pickOne, setPickOne] = useState(false);
  const action = useAction();
  const officers = candidates.data?.officers ?? null;
  const toggle = (memberId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(memberId);
    else next.delete(memberId);
    setChosen(next);
  };
  return (
    <form
      className="stack"
      data-testid="consultation-assign-form"
      onSubmit={action.onSubmit(async () => {
        setPickOne(chosen.size === 0);
        if (chosen.size === 0) return;
        onAssigned(await assignOfficers(deskCase.id, { memberIds: [...chosen] }));
      })}
    >
      <ErrorAlert code={candidates.error} />
      {officers === null && !candidates.error ? <p role="status">{t.loading}</p> : null}
      {officers?.length === 0 ? <p>{t.noCandidates}</p> : null}
      {officers && officers.length > 0 ? (
        <fieldset className="check-list stack" aria-describedby={pickOne ? `${id}-pick` : undefined}>
          <legend className="field-label">{t.assignLegend}</legend>
          {officers.map((o) => (
            <label key={o.memberId} className="check-row">
              <input type="checkbox" checked={chosen.has(o.memberId)} onChange={(e) => toggle(o.memberId, e.target.checked)} data-testid="consultation-candidate" data-member-id={o.memberId} />
              <span>{o.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {pickOne ? (
        <p className="field-error" id={`${id}-pick`} role="alert">
          {t.assignPickOne}
        </p>
      ) : null}
      <ErrorAlert code={action.error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.busy || !officers || officers.length === 0} data-testid="consultation-assign-save">
          {t.assignSave}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.assignCancel}
        </button>
      </div>
    </form>
  );
}
