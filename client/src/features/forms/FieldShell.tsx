import { localized, type Answer, type FormField } from '@kumiai/shared';
import type { ReactNode } from 'react';
import type { Lang } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fieldInputId } from './answers.ts';

/** What FormFields hands each field's control: one field, its answer, and how to change it. */
export interface FieldControlProps {
  field: FormField;
  value: Answer | null | undefined;
  onChange: (value: Answer | null) => void;
  lang: Lang;
  error: string | null;
  disabled: boolean;
}

interface Props {
  field: FormField;
  lang: Lang;
  /** The problem in words, shown once the member has tried to send. */
  error: string | null;
  /** Choice-like fields are a fieldset with a legend; a single control gets a label. */
  group: boolean;
  /** Extra hint ids for the control (e.g. "choose up to 2"). */
  children: (describedBy: string | undefined) => ReactNode;
  extraHint?: string | null;
}

/** A field's label, help, required mark and inline error, tied to its control with aria-describedby. */
export function FieldShell({ field, lang, error, group, children, extraHint }: Props) {
  const { m } = useI18n();
  const base = fieldInputId(field.id);
  const helpText = localized(field.help, lang);
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  const describedBy = [helpText || extraHint ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const title = (
    <>
      {localized(field.label, lang)} <span className={field.required ? 'form-required' : 'form-optional'}>({field.required ? m.forms.required : m.forms.optional})</span>
    </>
  );
  const help =
    helpText || extraHint ? (
      <p className="field-hint" id={helpId}>
        {[helpText, extraHint].filter(Boolean).join(' ')}
      </p>
    ) : null;
  const errorLine = error ? (
    <p className="field-error" id={errorId} data-testid={`form-error-${field.id}`}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;
  if (group) {
    return (
      <fieldset className="form-field form-group" id={`form-field-${field.id}`} data-testid={`form-field-${field.id}`} data-type={field.type} data-invalid={error ? 'true' : 'false'} aria-describedby={describedBy}>
        <legend className="field-label">{title}</legend>
        {help}
        {children(undefined)}
        {errorLine}
      </fieldset>
    );
  }
  return (
    <div className="form-field field" id={`form-field-${field.id}`} data-testid={`form-field-${field.id}`} data-type={field.type} data-invalid={error ? 'true' : 'false'}>
      <label className="field-label" htmlFor={base}>
        {title}
      </label>
      {help}
      {children(describedBy)}
      {errorLine}
    </div>
  );
}
