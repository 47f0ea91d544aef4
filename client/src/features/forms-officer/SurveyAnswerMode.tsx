import { useI18n } from '../../i18n/use-i18n.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';

interface Props {
  anonymous: boolean;
  allowEdit: boolean;
  onChange: (next: { anonymous: boolean; allowEdit: boolean }) => void;
}

/** Named or anonymous, said plainly, and whether named answers may be changed until closing (anonymous ones never). */
export function SurveyAnswerMode({ anonymous, allowEdit, onChange }: Props) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  return (
    <div className="stack">
      <RadioGroup
        legend={t.answerMode}
        hint={anonymous ? t.anonymousHint : t.namedHint}
        options={[
          { value: 'named', label: t.named },
          { value: 'anonymous', label: t.anonymous },
        ]}
        value={anonymous ? 'anonymous' : 'named'}
        onChange={(v) => onChange({ anonymous: v === 'anonymous', allowEdit: v === 'anonymous' ? false : allowEdit })}
        testId="form-answer-mode"
      />
      <label className="check-row">
        <input type="checkbox" checked={!anonymous && allowEdit} disabled={anonymous} onChange={(e) => onChange({ anonymous, allowEdit: e.target.checked })} data-testid="form-allow-edit" />
        <span>{t.allowEdit}</span>
      </label>
    </div>
  );
}
