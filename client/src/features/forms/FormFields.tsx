import { visibleFields, type Answer, type Answers, type FieldProblem, type FormField } from '@kumiai/shared';
import type { Lang } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { problemsByField, withAnswer } from './answers.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { FileField } from './FileField.tsx';
import { problemText } from './problem-text.ts';
import { ScaleField } from './ScaleField.tsx';
import { TextAnswerField } from './TextAnswerField.tsx';

export interface FormFieldsProps {
  fields: readonly FormField[];
  answers: Answers;
  onChange: (next: Answers) => void;
  /** Problems to show inline (pass [] until the member has tried to send once). */
  problems: readonly FieldProblem[];
  lang: Lang;
  disabled?: boolean;
}

/**
 * Renders a form's fields for filling in (stable API, also used for previews):
 * only the fields shown for the current answers (visibleFields), each with
 * its label in the member's language and its inline problem. Controls have
 * ids `form-input-<fieldId>`; each field's wrapper is `form-field-<fieldId>`.
 */
export function FormFields({ fields, answers, onChange, problems, lang, disabled = false }: FormFieldsProps) {
  const { m } = useI18n();
  const byField = problemsByField(problems);
  return (
    <div className="form-fields stack">
      {visibleFields(fields, answers).map((field) => {
        const code = byField.get(field.id);
        const props = {
          field,
          value: answers[field.id],
          onChange: (value: Answer | null) => onChange(withAnswer(answers, field.id, value)),
          lang,
          error: code ? problemText(field, code, m.forms) : null,
          disabled,
        };
        switch (field.type) {
          case 'single_choice':
          case 'multiple_choice':
          case 'yes_no':
            return <ChoiceField key={field.id} {...props} />;
          case 'scale':
            return <ScaleField key={field.id} {...props} />;
          case 'short_text':
          case 'long_text':
          case 'number':
          case 'date':
            return <TextAnswerField key={field.id} {...props} />;
          case 'file':
            return <FileField key={field.id} {...props} />;
        }
      })}
    </div>
  );
}
