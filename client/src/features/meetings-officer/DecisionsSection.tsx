import type { DecisionInput, MeetingDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { decisionText, type AgendaItem } from './meeting-form.ts';
import { recordDecision } from './officer-api.ts';

interface Props {
  detail: MeetingDetail;
  onChange: (next: MeetingDetail) => void;
}

/** The secretary's record per agenda item (PUT /decisions/:item), at or after the start and until the minutes are approved; a secret-ballot item links to its election. */
export function DecisionsSection({ detail, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  return (
    <section className="card stack" aria-labelledby="decisions-title" data-testid="meeting-decisions">
      <h2 id="decisions-title">{t.decisionsTitle}</h2>
      {detail.input.agenda.map((item, i) => {
        const title = pickText(item.title, item.titleEn, lang);
        const recorded = detail.decisions[item.id];
        return (
          <div key={item.id} className="meeting-item stack" data-testid="decision-item" data-item-id={item.id}>
            <h3 lang={title.lang} className="meeting-wrap">
              {format(t.draftItem, { n: i + 1, title: title.text })}
            </h3>
            {recorded ? (
              <p role="status" data-testid="decision-recorded">
                {decisionText(recorded, t)}
              </p>
            ) : null}
            {item.electionId ? (
              <p>
                {t.ballotItem}{' '}
                <Link to="/elections/manage/$electionId" params={{ electionId: item.electionId }}>
                  {t.openElection}
                </Link>
              </p>
            ) : detail.can.record ? (
              <DecisionForm meetingId={detail.id} item={item} initial={recorded} onChange={onChange} />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

const count = (v: string): number => Math.max(0, Math.min(1_000_000, Number.parseInt(v, 10) || 0));

function DecisionForm({ meetingId, item, initial, onChange }: { meetingId: string; item: AgendaItem; initial: DecisionInput | undefined; onChange: (next: MeetingDetail) => void }) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const [d, setD] = useState<DecisionInput>(initial ?? { method: 'hands', outcome: 'approved', for: 0, against: 0, abstain: 0 });
  const action = useAction();
  const patch = (p: Partial<DecisionInput>) => setD((x) => ({ ...x, ...p }));
  const counted = d.method !== 'acclamation' && d.outcome !== 'reported';
  return (
    <form className="stack" aria-label={item.title} onSubmit={action.onSubmit(async () => onChange(await recordDecision(meetingId, item.id, counted ? d : { method: d.method, outcome: d.outcome, ...(d.note ? { note: d.note } : {}) })))}>
      <RadioGroup legend={t.method} options={(['hands', 'delegates', 'acclamation'] as const).map((v) => ({ value: v, label: t.methods[v] }))} value={d.method} onChange={(method) => patch({ method })} testId="decision-method" />
      {counted ? (
        <div className="button-row">
          <TextField label={t.for} type="number" inputMode="numeric" min={0} value={String(d.for ?? 0)} onValueChange={(v) => patch({ for: count(v) })} data-testid="decision-for" />
          <TextField label={t.against} type="number" inputMode="numeric" min={0} value={String(d.against ?? 0)} onValueChange={(v) => patch({ against: count(v) })} data-testid="decision-against" />
          <TextField label={t.abstain} type="number" inputMode="numeric" min={0} value={String(d.abstain ?? 0)} onValueChange={(v) => patch({ abstain: count(v) })} data-testid="decision-abstain" />
        </div>
      ) : null}
      <RadioGroup legend={t.outcome} options={(['approved', 'rejected', 'deferred', 'reported'] as const).map((v) => ({ value: v, label: t.outcomes[v] }))} value={d.outcome} onChange={(outcome) => patch({ outcome })} testId="decision-outcome" />
      <TextField label={t.note} value={d.note ?? ''} onValueChange={(note) => patch({ note })} maxLength={2000} />
      <ErrorAlert code={action.error} testId="decision-error" />
      <p>
        <button type="submit" className="button button-primary" disabled={action.busy} data-testid="decision-save">
          {t.recordDecision}
        </button>
      </p>
    </form>
  );
}
