import type { ElectionQuestion } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { CandidatePhoto } from './CandidatePhoto.tsx';

/** The questions, their candidates or options and the candidates' statements, to read (also offline). */
export function QuestionList({ questions }: { questions: readonly ElectionQuestion[] }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  return (
    <section className="stack" aria-labelledby="questions-title" data-testid="election-questions">
      <h2 id="questions-title">{t.questions}</h2>
      {questions.map((q) => {
        const title = pickText(q.title, q.titleEn, lang);
        const description = pickText(q.description ?? '', q.descriptionEn, lang);
        return (
          <article key={q.id} className="election-question stack" aria-labelledby={`q-${q.id}`}>
            <h3 id={`q-${q.id}`} lang={title.lang}>
              {title.text}
              {q.kind === 'officer' ? <span className="muted"> ({format(t.seats, { n: q.seats ?? 1 })})</span> : null}
            </h3>
            {description.text ? (
              <p className="election-text" lang={description.lang}>
                {description.text}
              </p>
            ) : null}
            {q.options.length > 0 ? (
              <ul className="row-list" aria-label={q.kind === 'officer' ? t.candidates : t.options}>
                {q.options.map((o) => {
                  const name = pickText(o.name, o.nameEn, lang);
                  const statement = pickText(o.statement ?? '', o.statementEn, lang);
                  return (
                    <li key={o.id} className="row-item" data-testid="election-option">
                      {o.photo ? <CandidatePhoto hash={o.photo} name={name.text} /> : null}
                      <span className="row-title" lang={name.lang}>
                        {name.text}
                      </span>
                      {statement.text ? (
                        <details className="election-statement">
                          <summary>{t.statement}</summary>
                          <p className="election-text" lang={statement.lang}>
                            {statement.text}
                          </p>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
