import type { ApplicationDetail } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The chain of this application: each step's role and unit, who acts there, and which step it is at. */
export function ApprovalChainView({ detail }: { detail: ApplicationDetail }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const finished = detail.state === 'approved' || detail.state === 'paid';
  return (
    <section className="stack" aria-labelledby="chain-title">
      <h2 id="chain-title">{t.chainDetailTitle}</h2>
      {detail.chain.length === 0 ? (
        <p>{t.noSteps}</p>
      ) : (
        <ol className="plain-list stack" data-testid="application-chain">
          {detail.chain.map((c) => {
            const current = detail.state === 'in_review' && c.step === detail.step;
            const done = finished || (detail.state === 'in_review' && c.step < detail.step);
            return (
              <li key={c.step} className="chain-step" aria-current={current ? 'step' : undefined} data-testid={`application-chain-step-${c.step}`} data-current={current}>
                <span>{`${format(t.stepN, { n: c.step + 1 })}: ${format(t.chainLevelRole, { unit: c.unitName ?? t.unknownUnit, role: m.roles[c.role] })}`}</span>
                {current ? <strong>{` (${t.stepCurrent})`}</strong> : done ? <span>{` (${t.stepDone})`}</span> : null}
                <br />
                <span className="muted">{c.approvers.length === 0 ? t.noApprover : format(t.approvers, { names: c.approvers.map((a) => a.name).join(', ') })}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
