import type { ElectionQuestion, Slot } from '@kumiai/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { unanswered, toggleAnswer, type SlotState } from './choices.ts';
import { answerLabel, slotHint, slotTitle } from './labels.ts';

interface Props {
  question: ElectionQuestion;
  slot: Slot;
  state: SlotState;
  invalid: boolean;
  onChange: (next: SlotState) => void;
}

/**
 * One slot of the ballot: radios when one answer is allowed, check boxes when
 * several are; 白票 (blank) is always there as a choice of its own.
 */
export function SlotFieldset({ question, slot, state, invalid, onChange }: Props) {
  const { m, lang } = useI18n();
  const name = useId();
  const title = slotTitle(question, slot, lang);
  const single = slot.max === 1;
  const picked = state.kind === 'picked' ? state.picked : [];
  return (
    <fieldset className="election-slot check-list" aria-invalid={invalid ? 'true' : undefined} aria-describedby={`${name}-hint`} data-testid="election-slot">
      <legend lang={title.lang}>{title.text}</legend>
      <p className="field-hint" id={`${name}-hint`}>
        {slotHint(question, slot, m)}
      </p>
      {slot.answers.map((answer) => {
        const label = answerLabel(question, answer, m, lang);
        const checked = picked.includes(answer);
        return (
          <label key={answer} className="check-row">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={name}
              value={answer}
              checked={checked}
              disabled={!single && !checked && picked.length >= slot.max}
              onChange={() => onChange(toggleAnswer(state, slot, answer))}
            />
            <span lang={label.lang}>{label.text}</span>
          </label>
        );
      })}
      <label className="check-row">
        <input
          type={single ? 'radio' : 'checkbox'}
          name={name}
          value="blank"
          checked={state.kind === 'blank'}
          onChange={() => onChange(state.kind === 'blank' ? unanswered : { kind: 'blank' })}
        />
        <span>{m.elections.blank}</span>
      </label>
    </fieldset>
  );
}
