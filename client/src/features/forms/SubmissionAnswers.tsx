import { visibleFields, type Answer, type Answers, type Attachment, type FormField } from '@kumiai/shared';
import type { Messages } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { Lang } from '../../i18n/types.ts';
import { localized } from './answers.ts';
import { SubmissionFiles } from './SubmissionFiles.tsx';

/** An answer in words: option labels for choices, はい/いいえ, the number or date as given. */
export function answerText(field: FormField, value: Answer | null | undefined, lang: Lang, m: Messages['forms']): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return m.noAnswer;
  const option = (id: unknown) => localized(field.options?.find((o) => o.id === id)?.label, lang) || String(id);
  switch (field.type) {
    case 'single_choice':
      return option(value);
    case 'multiple_choice':
      return Array.isArray(value) ? (value as unknown[]).map(option).join('、') : option(value);
    case 'yes_no':
      return value === true ? m.yes : value === false ? m.no : '';
    case 'file':
      return Array.isArray(value) ? (value as Attachment[]).map((f) => f.name).join('、') : '';
    case 'scale':
    case 'number':
    case 'short_text':
    case 'long_text':
    case 'date':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** The answers as given, read-only, with attached files that open offline. */
export function SubmissionAnswers({ fields, answers, memberId }: { fields: readonly FormField[]; answers: Answers; memberId: string }) {
  const { m, lang } = useI18n();
  return (
    <dl className="facts form-answers" data-testid="submission-answers">
      {visibleFields(fields, answers).map((field) => {
        const value = answers[field.id];
        return (
          <div key={field.id} className="form-answer" data-testid={`submission-answer-${field.id}`}>
            <dt>{localized(field.label, lang)}</dt>
            <dd>{field.type === 'file' && Array.isArray(value) && value.length > 0 ? <SubmissionFiles memberId={memberId} files={value as Attachment[]} /> : answerText(field, value, lang, m.forms)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
