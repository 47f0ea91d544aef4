import type { FormDoc } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Exactly what officers can see of this survey's answers, before the member answers. */
export function SurveyPrivacy({ form }: { form: FormDoc }) {
  const { m } = useI18n();
  const lines = form.anonymous
    ? [m.forms.privacyAnonymousStored, m.forms.privacyAnonymousTotals, m.forms.privacyAnonymousMark, m.forms.privacyAnonymousFinal]
    : [m.forms.privacyNamed, form.allowEdit ? m.forms.privacyNamedEditable : m.forms.privacyNamedFinal];
  return (
    <section className="notice form-privacy stack" aria-labelledby="privacy-title" data-testid="survey-privacy" data-anonymous={form.anonymous ? 'true' : 'false'}>
      <h2 id="privacy-title">
        {m.forms.privacyTitle} <span className="badge">{form.anonymous ? m.forms.anonymous : m.forms.named}</span>
      </h2>
      <ul className="plain-list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
