import type { ElectionDetail } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The counted result: turnout, quorum, and per question the counts and the decision. */
export function OutcomeView({ detail }: { detail: ElectionDetail }) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const o = detail.outcome;
  if (!o) return null;
  const label = (questionId: string, answer: string): string => {
    if (answer === 'yes') return t.yes;
    if (answer === 'no') return t.no;
    const option = detail.input.questions.find((x) => x.id === questionId)?.options.find((x) => x.id === answer);
    return (lang === 'en' && option?.nameEn) || option?.name || answer;
  };
  return (
    <section className="stack" aria-labelledby="outcome-title" data-testid="election-outcome">
      <h3 id="outcome-title">{t.outcome}</h3>
      <p>{o.quorumMet ? t.quorumMet : t.quorumNotMet}</p>
      {o.questions.map((q) => (
        <div key={`${q.questionId}-${q.candidateId ?? ''}`} className="stack">
          <h4>
            {detail.input.questions.find((x) => x.id === q.questionId)?.title}
            {q.candidateId ? ` — ${label(q.questionId, q.candidateId)}` : ''}: <span data-testid="outcome-decision">{t.decisions[q.decision]}</span>
          </h4>
          <table className="election-table">
            <tbody>
              {q.counts.map((c) => (
                <tr key={c.answer}>
                  <th scope="row">{label(q.questionId, c.answer)}</th>
                  <td data-testid={`outcome-count-${c.answer}`}>{c.total}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.blankAnswer}</th>
                <td>{q.blank.total}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
