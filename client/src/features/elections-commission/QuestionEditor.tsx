import { isConfidenceVote, type ElectionOption, type ElectionQuestion } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { CandidatePhotoField } from './CandidatePhotoField.tsx';
import { newOption } from './question-editing.ts';
import { RuleText } from './RuleText.tsx';

interface Props {
  question: ElectionQuestion;
  index: number;
  onChange: (next: ElectionQuestion) => void;
  onRemove: () => void;
}

/** The candidate with this photo, or with none (the field left out, not undefined). */
function withPhoto(o: ElectionOption, photo: string | undefined): ElectionOption {
  const { photo: _old, ...rest } = o;
  return photo ? { ...rest, photo } : rest;
}

/** One question of the election: its heading, seats or picks, candidates or options, and its rule in plain words. */
export function QuestionEditor({ question: q, index, onChange, onRemove }: Props) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const patch = (p: Partial<ElectionQuestion>) => onChange({ ...q, ...p });
  const patchOption = (i: number, p: Partial<ElectionOption>) => patch({ options: q.options.map((o, j) => (j === i ? { ...o, ...p } : o)) });
  const intOf = (v: string) => Math.max(1, Math.min(50, Number.parseInt(v, 10) || 1));
  return (
    <fieldset className="election-question stack" data-testid={`question-${index}`}>
      <legend>
        {index + 1}. {t.kinds[q.kind]}
      </legend>
      <TextField label={t.questionTitle} value={q.title} onValueChange={(title) => patch({ title })} maxLength={200} data-testid={`question-${index}-title`} required />
      <TextField label={t.questionTitleEn} value={q.titleEn ?? ''} onValueChange={(titleEn) => patch({ titleEn })} maxLength={200} lang="en" />
      {q.kind === 'officer' ? (
        <TextField label={t.seats} type="number" inputMode="numeric" min={1} max={50} value={String(q.seats ?? 1)} onValueChange={(v) => patch({ seats: intOf(v) })} />
      ) : null}
      {q.kind === 'choice' ? (
        <TextField label={t.maxChoices} type="number" inputMode="numeric" min={1} max={50} value={String(q.maxChoices ?? 1)} onValueChange={(v) => patch({ maxChoices: intOf(v) })} />
      ) : null}
      {q.kind !== 'yes_no' ? (
        <div className="stack">
          <h3>{q.kind === 'officer' ? t.candidates : t.options}</h3>
          {q.kind === 'officer' ? <p className="election-rule">{isConfidenceVote(q) ? t.confidenceVote : t.contested}</p> : null}
          {q.options.map((o, i) => (
            <div key={o.id} className="election-option stack">
              <TextField label={`${t.candidateName} ${i + 1}`} value={o.name} onValueChange={(name) => patchOption(i, { name })} maxLength={200} data-testid={`question-${index}-option-${i}`} />
              <TextField label={t.candidateNameEn} value={o.nameEn ?? ''} onValueChange={(nameEn) => patchOption(i, { nameEn })} maxLength={200} lang="en" />
              {q.kind === 'officer' ? <TextAreaField label={t.statement} value={o.statement ?? ''} onValueChange={(statement) => patchOption(i, { statement })} maxLength={8000} testId={`question-${index}-statement-${i}`} /> : null}
              {q.kind === 'officer' ? <CandidatePhotoField name={o.name} photo={o.photo} onChange={(photo) => patch({ options: q.options.map((x, j) => (j !== i ? x : withPhoto(x, photo))) })} testId={`question-${index}-photo-${i}`} /> : null}
              <button type="button" className="button" onClick={() => patch({ options: q.options.filter((_, j) => j !== i) })}>
                {format(t.removeCandidate, { name: o.name || String(i + 1) })}
              </button>
            </div>
          ))}
          <button type="button" className="button" onClick={() => patch({ options: [...q.options, newOption()] })}>
            {q.kind === 'officer' ? t.addCandidate : t.addOption}
          </button>
        </div>
      ) : null}
      {q.kind !== 'choice' ? (
        <>
          <RadioGroup legend={t.threshold} options={(['simple', 'two_thirds'] as const).map((v) => ({ value: v, label: t.thresholds[v] }))} value={q.threshold} onChange={(threshold) => patch({ threshold })} testId={`question-${index}-threshold`} />
          <RadioGroup legend={t.base} options={(['valid', 'cast', 'electorate'] as const).map((v) => ({ value: v, label: t.bases[v] }))} value={q.base} onChange={(base) => patch({ base })} testId={`question-${index}-base`} />
        </>
      ) : null}
      <RadioGroup legend={t.tie} options={(['lot', 'runoff', 'not_approved'] as const).map((v) => ({ value: v, label: t.ties[v] }))} value={q.tie} onChange={(tie) => patch({ tie })} testId={`question-${index}-tie`} />
      <RuleText question={q} />
      <button type="button" className="button" onClick={onRemove}>
        {t.removeQuestion}
      </button>
    </fieldset>
  );
}
