import type { ApprovalStep } from '@kumiai/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

const stepRoles = ['officer', 'treasurer', 'admin'] as const;
const levels = [
  { value: '0', key: 'unit' },
  { value: '1', key: 'up1' },
  { value: '2', key: 'up2' },
  { value: 'union', key: 'union' },
] as const;

/** One approval step's role and level, as two labelled selects. */
export function ApprovalStepFields({ step, onChange, index }: { step: ApprovalStep; onChange: (next: ApprovalStep) => void; index: number }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const roleId = useId();
  const levelId = useId();
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={roleId}>
          {t.stepRole}
        </label>
        <select id={roleId} className="text-input" value={step.role} onChange={(e) => onChange({ ...step, role: e.target.value as ApprovalStep['role'] })} data-testid={`step-role-${index}`}>
          {stepRoles.map((role) => (
            <option key={role} value={role}>
              {m.roles[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={levelId}>
          {t.stepLevel}
        </label>
        <select
          id={levelId}
          className="text-input"
          value={String(step.level)}
          onChange={(e) => onChange({ ...step, level: e.target.value === 'union' ? 'union' : Number(e.target.value) })}
          data-testid={`step-level-${index}`}
        >
          {/* A level set elsewhere (3 or more up) stays choosable. */}
          {levels.some((l) => l.value === String(step.level)) ? null : <option value={String(step.level)}>{String(step.level)}</option>}
          {levels.map((l) => (
            <option key={l.value} value={l.value}>
              {t.levels[l.key]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
