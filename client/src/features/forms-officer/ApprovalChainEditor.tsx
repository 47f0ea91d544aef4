import type { ApprovalStep } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ApprovalStepFields } from './ApprovalStepFields.tsx';

/** An application's approval chain: steps in order, each a role at a level relative to the applicant's unit. */
export function ApprovalChainEditor({ steps, onChange }: { steps: readonly ApprovalStep[]; onChange: (next: ApprovalStep[]) => void }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  return (
    <section className="stack" aria-labelledby="chain-editor-title" data-testid="builder-chain">
      <h2 id="chain-editor-title">{t.chainTitle}</h2>
      <p className="field-hint">{t.chainHint}</p>
      {steps.length === 0 ? <p className="notice notice-warning">{t.noSteps}</p> : null}
      <ol className="builder-list">
        {steps.map((step, i) => (
          <li key={i}>
            <fieldset className="builder-step stack">
              <legend>{format(t.stepLegend, { n: i + 1 })}</legend>
              <ApprovalStepFields step={step} index={i} onChange={(next) => onChange(steps.map((s, j) => (j === i ? next : s)))} />
              <button type="button" className="button button-small" onClick={() => onChange(steps.filter((_, j) => j !== i))} data-testid={`step-remove-${i}`}>
                {format(t.removeStep, { n: i + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      {steps.length < 10 ? (
        <button type="button" className="button" onClick={() => onChange([...steps, { role: 'officer', level: Math.min(steps.length, 2) }])} data-testid="step-add">
          {t.addStep}
        </button>
      ) : null}
    </section>
  );
}
