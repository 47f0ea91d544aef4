import { formOpen } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { useActor } from '../auth/index.ts';
import { useNow } from '../forms/index.ts';
import { fetchFormResults } from './forms-officer-api.ts';
import { mayManageForm } from './may-manage.ts';
import { percentText } from './results-bars.ts';
import { useFormDocs } from './use-forms.ts';
import { useManageScope } from './use-manage-scope.ts';

const SOON_MS = 7 * 24 * 60 * 60 * 1000;
const SHOWN = 5;

/** Officer home: the surveys this officer manages that close within a week, with how many answered so far. */
export function ClosingSurveysCard() {
  const { m, lang } = useI18n();
  const t = m.formsOfficerHome;
  const actor = useActor();
  const scope = useManageScope();
  const forms = useFormDocs();
  const now = useNow();
  const closing = (forms ?? [])
    .filter((f) => f.kind === 'survey' && f.closesAt !== null && formOpen(f, now) && f.closesAt - now < SOON_MS && actor !== null && mayManageForm(f, actor, scope))
    .sort((a, b) => (a.closesAt ?? 0) - (b.closesAt ?? 0))
    .slice(0, SHOWN);
  const key = closing.map((f) => f.id).join(',');
  // One request per survey; a survey whose results cannot be read still shows, without its rate.
  const rates = useFetched((signal) => Promise.all(closing.map((f) => fetchFormResults(f.id, signal).catch(() => null))), [key]);
  return (
    <section className="stack home-card" aria-labelledby="closing-title">
      <h3 id="closing-title">{t.closingTitle}</h3>
      {forms === undefined ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : closing.length === 0 ? (
        <p className="muted">{t.closingNone}</p>
      ) : (
        <ul className="row-list">
          {closing.map((form, i) => {
            const results = rates.state === 'done' ? rates.value[i] : undefined;
            return (
              <li key={form.id}>
                <Link to="/forms/$formId/results" params={{ formId: form.id }} className="row-link">
                  <span className="row-title">{form.title}</span>
                  <span className="notice-badges">
                    <span className="badge badge-strong">{format(t.closesOn, { date: formatDate(form.closesAt ?? 0, lang) })}</span>
                    {results ? (
                      <span className="badge">{format(t.responses, { answered: results.answered, total: results.audienceSize, pct: percentText(results.answered, results.audienceSize) })}</span>
                    ) : results === null || rates.state === 'failed' ? (
                      <span className="badge">{t.responsesUnknown}</span>
                    ) : null}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
