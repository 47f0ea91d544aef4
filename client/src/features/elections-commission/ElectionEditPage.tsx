import './elections-commission.css';
import { can, type ElectionInput, type ElectionQuestionKind } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { fromLocalInput, toLocalInput } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFetched } from '../../ui/use-fetched.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pathsOf, useUnitDocs } from '../../ui/use-publish-scope.ts';
import { actorOf, useSession } from '../auth/index.ts';
import { commissionRoots } from './access.ts';
import { createElection, fetchElection, updateElection } from './commission-api.ts';
import { NotCommission } from './NotCommission.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { classesFrom, newElection, newQuestion } from './question-editing.ts';

/** Creates or edits a draft election (the server refuses edits once it has opened: election_locked). */
export function ElectionEditPage({ electionId }: { electionId: string | null }) {
  const { me } = useSession();
  const roots = commissionRoots(me);
  const root = roots[0] ?? '';
  // A new election starts an hour from now, for a day (the clock read here, not while rendering).
  const loaded = useFetched((signal) => (electionId ? fetchElection(electionId, signal).then((d) => d.input) : Promise.resolve(newElection(root, Date.now()))), [electionId, root]);
  if (roots.length === 0) return <NotCommission />;
  if (loaded.state === 'loading') return <p role="status">…</p>;
  if (loaded.state === 'failed') return <ErrorAlert code="not_found" />;
  return <Editor electionId={electionId} initial={loaded.value} />;
}

function Editor({ electionId, initial }: { electionId: string | null; initial: ElectionInput }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  useDocumentTitle(electionId ? t.editTitle : t.newTitle);
  const navigate = useNavigate();
  const { me } = useSession();
  const units = useUnitDocs();
  const [input, setInput] = useState(initial);
  const [classes, setClasses] = useState(initial.electorate.classes.join(', '));
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<ElectionInput>) => setInput((x) => ({ ...x, ...p }));
  const actor = me ? actorOf(me) : null;
  const pathOf = pathsOf(units);
  const pickable = actor ? units.filter((u) => can(actor, 'election.manage', { unitPath: pathOf(u.id) })).sort((a, b) => pathOf(a.id).length - pathOf(b.id).length || a.name.localeCompare(b.name, 'ja')) : [];
  const toggleUnit = (id: string, on: boolean) => {
    const ids = input.electorate.unitIds.filter((x) => x !== id);
    patch({ electorate: { ...input.electorate, unitIds: on ? [...ids, id] : ids } });
  };
  const add = (kind: ElectionQuestionKind) => patch({ questions: [...input.questions, newQuestion(kind)] });
  const save = async () => {
    setError(null);
    setProblem(null);
    if (input.closesAt <= input.opensAt) return setProblem(t.badWindow);
    if (input.electorate.unitIds.length === 0) return setProblem(t.noUnits);
    const body: ElectionInput = { ...input, electorate: { ...input.electorate, classes: classesFrom(classes) } };
    setBusy(true);
    try {
      const saved = electionId ? await updateElection(electionId, body) : await createElection(body);
      await navigate({ to: '/elections/manage/$electionId', params: { electionId: saved.id } });
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card stack"
      aria-labelledby="election-edit-title"
      data-testid="election-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1 id="election-edit-title">{electionId ? t.editTitle : t.newTitle}</h1>
      <TextField label={t.title} value={input.title} onValueChange={(title) => patch({ title })} maxLength={200} required data-testid="election-title" />
      <TextField label={t.titleEn} value={input.titleEn ?? ''} onValueChange={(titleEn) => patch({ titleEn })} maxLength={200} lang="en" />
      <TextAreaField label={t.description} value={input.description} onValueChange={(description) => patch({ description })} maxLength={8000} testId="election-description" />
      <TextAreaField label={t.descriptionEn} value={input.descriptionEn ?? ''} onValueChange={(descriptionEn) => patch({ descriptionEn })} maxLength={8000} lang="en" testId="election-description-en" />
      <h2>{t.questions}</h2>
      {input.questions.map((q, i) => (
        <QuestionEditor
          key={q.id}
          question={q}
          index={i}
          onChange={(next) => patch({ questions: input.questions.map((x, j) => (j === i ? next : x)) })}
          onRemove={() => patch({ questions: input.questions.filter((_, j) => j !== i) })}
        />
      ))}
      <p className="button-row">
        <button type="button" className="button" onClick={() => add('officer')}>
          {t.addOfficer}
        </button>
        <button type="button" className="button" onClick={() => add('yes_no')} data-testid="add-yes-no">
          {t.addYesNo}
        </button>
        <button type="button" className="button" onClick={() => add('choice')}>
          {t.addChoice}
        </button>
      </p>
      <fieldset className="check-list stack" data-testid="electorate-units">
        <legend className="field-label">{t.electorate}</legend>
        <p className="field-hint">{t.electorateHint}</p>
        {pickable.map((u) => (
          <label key={u.id} className="check-row">
            <input type="checkbox" checked={input.electorate.unitIds.includes(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
            <span>{u.name}</span>
          </label>
        ))}
      </fieldset>
      <TextField label={t.classes} value={classes} onValueChange={setClasses} maxLength={400} />
      <TextField label={t.quorum} type="number" inputMode="numeric" min={0} max={100} value={String(input.quorumPercent)} onValueChange={(v) => patch({ quorumPercent: Math.max(0, Math.min(100, Number.parseInt(v, 10) || 0)) })} />
      <p className="field-hint">{t.windowHint}</p>
      <TextField label={t.opensAt} type="datetime-local" value={toLocalInput(input.opensAt)} onValueChange={(v) => patch({ opensAt: fromLocalInput(v) ?? input.opensAt })} data-testid="election-opens" />
      <TextField label={t.closesAt} type="datetime-local" value={toLocalInput(input.closesAt)} onValueChange={(v) => patch({ closesAt: fromLocalInput(v) ?? input.closesAt })} data-testid="election-closes" />
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : null}
      <ErrorAlert code={error} />
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="election-save">
          {t.save}
        </button>
      </p>
    </form>
  );
}
