import { slotsOf, type ElectionDetail, type RollEntry } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { fetchRoll, markPaperVoter, putPaperTotals } from './commission-api.ts';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  onChange: (next: ElectionDetail) => void;
}

/** Paper ballots: mark a roll member as voted on paper (found by employee number); after the window, the paper totals per answer. */
export function PaperSection({ detail, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<RollEntry[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const slots = slotsOf(detail.input.questions);
  const [totals, setTotals] = useState<string[][]>(() => slots.map((s, i) => [0, ...s.answers.map((_, j) => j + 1)].map((j) => String(detail.paperTotals?.[i]?.[j] ?? 0))));
  const beforeTally = detail.state === 'ready';
  const afterWindow = detail.phase === 'after' && (detail.state === 'ready' || detail.state === 'tallying' || detail.state === 'tallied');
  const answerLabel = (questionId: string, answer: string): string => {
    if (answer === 'yes') return t.yes;
    if (answer === 'no') return t.no;
    const option = detail.input.questions.find((x) => x.id === questionId)?.options.find((o) => o.id === answer);
    return (lang === 'en' && option?.nameEn) || option?.name || answer;
  };
  const search = async () => {
    const page = await action.run(() => fetchRoll(detail.id, q.trim(), null));
    if (page) setFound(page.entries.slice(0, 10));
  };
  return (
    <section className="card stack" aria-labelledby="paper-title" data-testid="paper-section">
      <h2 id="paper-title">{t.paperTitle}</h2>
      {beforeTally ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <TextField label={t.paperSearch} type="search" value={q} onValueChange={setQ} data-testid="paper-search" />
          <button type="submit" className="button">
            {t.paperSearch}
          </button>
          <ul className="row-list">
            {found.map((e) => (
              <li key={e.memberId} className="election-wrap">
                <button
                  type="button"
                  className="button"
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(() => markPaperVoter(detail.id, e.memberId)).then((d) => {
                      if (!d) return;
                      onChange(d);
                      setNote(t.markedPaper);
                    })
                  }
                >
                  {format(t.markPaper, { name: `${e.name} (${e.employeeNumber})` })}
                </button>
              </li>
            ))}
          </ul>
          {note ? <p role="status">{note}</p> : null}
        </form>
      ) : null}
      {afterWindow ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const body = { totals: totals.map((row) => row.map((v) => Math.max(0, Number.parseInt(v, 10) || 0))) };
            void action.run(() => putPaperTotals(detail.id, body)).then((d) => d && onChange(d));
          }}
        >
          <h3>{t.paperTotals}</h3>
          {slots.map((s, i) => (
            <fieldset key={`${s.questionId}-${s.candidateId ?? ''}`} className="election-question stack">
              <legend>{detail.input.questions.find((x) => x.id === s.questionId)?.title}{s.candidateId ? ` — ${answerLabel(s.questionId, s.candidateId)}` : ''}</legend>
              {[t.blankAnswer, ...s.answers.map((a) => answerLabel(s.questionId, a))].map((label, j) => (
                <div key={label + String(j)} className="field">
                  <label className="field-label" htmlFor={`paper-${i}-${j}`}>
                    {label}
                  </label>
                  <input
                    id={`paper-${i}-${j}`}
                    className="text-input election-number-input"
                    type="number"
                    min={0}
                    value={totals[i]?.[j] ?? '0'}
                    onChange={(e) => setTotals((all) => all.map((row, x) => (x === i ? row.map((v, y) => (y === j ? e.target.value : v)) : row)))}
                  />
                </div>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button" disabled={action.busy}>
            {t.savePaperTotals}
          </button>
        </form>
      ) : null}
      <ErrorAlert code={action.error} />
    </section>
  );
}
