import { localized, type FieldProblem, type FormField } from '@kumiai/shared';
import { forwardRef } from 'react';
import { format } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fieldInputId } from './answers.ts';
import { problemText } from './problem-text.ts';

interface Props {
  fields: readonly FormField[];
  problems: readonly FieldProblem[];
  lang: Lang;
}

/** The list of problems above the form, focused when sending is tried; each links to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ fields, problems, lang }, ref) {
  const { m } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="notice notice-error stack" role="alert" tabIndex={-1} aria-labelledby="form-errors-title" data-testid="form-error-summary">
      <h2 id="form-errors-title">{format(m.forms.errorSummary, { n: problems.length })}</h2>
      <ul className="plain-list">
        {problems.map((p) => {
          const field = fields.find((f) => f.id === p.field);
          return (
            <li key={`${p.field}-${p.code}`}>
              <a href={`#${fieldInputId(p.field)}`} onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldInputId(p.field))?.focus();
              }}>
                {field ? localized(field.label, lang) : p.field}: {problemText(field, p.code, m.forms)}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
