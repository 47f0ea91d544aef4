import type { FormDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { describedText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';

/** A form's title, kind, deadline and description. */
export function FormHeader({ form, now }: { form: FormDoc; now: number }) {
  const { m, lang } = useI18n();
  const text = describedText(form, lang);
  return (
    <header className="stack">
      <p className="muted">{m.forms.kind[form.kind]}</p>
      <h1 id="form-title" data-testid="form-title" lang={text.title.lang}>
        {text.title.text}
      </h1>
      {form.opensAt > now ? <p data-testid="form-opens">{format(m.forms.notYetOpen, { date: formatDateTime(form.opensAt, lang) })}</p> : null}
      {form.kind === 'survey' || form.closesAt !== null ? (
        <p data-testid="form-deadline">{form.closesAt !== null ? format(m.forms.deadline, { date: formatDateTime(form.closesAt, lang) }) : m.forms.noDeadline}</p>
      ) : null}
      {text.description.text ? (
        <p className="form-description" lang={text.description.lang}>
          {text.description.text}
        </p>
      ) : null}
    </header>
  );
}
