import type { ElectionOutcome, ElectionQuestion, QuestionOutcome } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import type { Lang, Messages } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { answerLabel } from './labels.ts';

/** The decision of one outcome in words (可決, 当選: 青木 …). */
export function decisionText(q: ElectionQuestion, o: QuestionOutcome, m: Messages, lang: Lang): string {
  const t = m.elections;
  const names = (ids: readonly string[]) => ids.map((id) => answerLabel(q, id, m, lang).text).join(lang === 'ja' ? '、' : ', ');
  switch (o.decision) {
    case 'approved':
      return o.candidateId ? t.confidenceApproved : t.approved;
    case 'rejected':
      return o.candidateId ? t.confidenceRejected : t.rejected;
    case 'elected':
      return format(t.elected, { names: names(o.winners) });
    case 'chosen':
      return format(t.chosen, { names: names(o.winners) });
    case 'tie':
      return format(t.tie, { names: names(o.tied) });
    case 'no_quorum':
      return t.noQuorum;
  }
}

/** The published result: turnout and quorum, then per question (per candidate for a 信任投票) the counts online, on paper and in total. */
export function ElectionResult({ questions, outcome }: { questions: readonly ElectionQuestion[]; outcome: ElectionOutcome }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (
    <section className="stack" aria-labelledby="result-title" data-testid="election-result">
      <h2 id="result-title">{t.resultTitle}</h2>
      <p>{format(t.turnout, { total: outcome.turnout.total, electorate: outcome.electorate, online: outcome.turnout.online, paper: outcome.turnout.paper })}</p>
      <p className={outcome.quorumMet ? '' : 'notice notice-warning'} data-testid="result-quorum">
        {outcome.quorumMet ? t.quorumMet : t.quorumNotMet}
      </p>
      {outcome.questions.map((o) => {
        const q = byId.get(o.questionId);
        if (!q) return null;
        const title = pickText(q.title, q.titleEn, lang);
        const candidate = o.candidateId ? q.options.find((c) => c.id === o.candidateId) : undefined;
        const candidateName = candidate ? pickText(candidate.name, candidate.nameEn, lang) : null;
        const key = `${o.questionId}:${o.candidateId ?? ''}`;
        return (
          <article key={key} className="election-question stack" data-testid="result-question">
            <h3 lang={title.lang}>
              {title.text}
              {candidateName ? <span lang={candidateName.lang}>: {candidateName.text}</span> : null}
            </h3>
            <p className="row-title" data-testid="result-decision" data-decision={o.decision}>
              {decisionText(q, o, m, lang)}
            </p>
            <div className="table-wrap">
              <table className="report-table election-result">
                <thead>
                  <tr>
                    <th scope="col">{t.answer}</th>
                    <th scope="col">{t.online}</th>
                    <th scope="col">{t.paper}</th>
                    <th scope="col">{t.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.counts.map((c) => {
                    const label = answerLabel(q, c.answer, m, lang);
                    return (
                      <tr key={c.answer}>
                        <th scope="row" lang={label.lang}>
                          {label.text}
                        </th>
                        <td>{c.online}</td>
                        <td>{c.paper}</td>
                        <td>{c.total}</td>
                      </tr>
                    );
                  })}
                  <tr>
                    <th scope="row">{t.blankRow}</th>
                    <td>{o.blank.online}</td>
                    <td>{o.blank.paper}</td>
                    <td>{o.blank.total}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <p className="muted">{format(t.validCast, { valid: o.valid, cast: o.cast })}</p>
          </article>
        );
      })}
    </section>
  );
}
