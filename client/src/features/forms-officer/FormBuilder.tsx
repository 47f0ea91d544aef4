import './forms-officer.css';
import type { FormDoc, FormInput, FormKind } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { EnglishVersion } from '../../ui/EnglishVersion.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useActor } from '../auth/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ApprovalChainEditor } from './ApprovalChainEditor.tsx';
import { builderFromForm, builderProblems, emptyBuilder, hasProblems, toFormInput, type BuilderState } from './builder-state.ts';
import { BuilderProblemSummary } from './BuilderProblemSummary.tsx';
import { FieldListEditor } from './FieldListEditor.tsx';
import { createForm, updateForm } from './forms-officer-api.ts';
import { SurveyAnswerMode } from './SurveyAnswerMode.tsx';

/**
 * Builds a survey or an application template, or edits one (prefilled from
 * the synced copy). Problems are checked on the device with the shared rules
 * before anything is sent; the server checks again.
 */
export function FormBuilder({ kind, editing }: { kind: FormKind; editing?: FormDoc }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const heading = editing ? t.editTitle : kind === 'survey' ? t.newSurveyTitle : t.newApplicationTitle;
  useDocumentTitle(heading);
  const navigate = useNavigate();
  const scope = usePublishScope(useActor());
  const [state, setState] = useState<BuilderState>(() => (editing ? builderFromForm(editing) : emptyBuilder(kind)));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const published = editing !== undefined && editing.status !== 'draft';
  const patch = (next: Partial<BuilderState>) => setState((s) => ({ ...s, ...next }));

  const problems = builderProblems(state);
  // Until the first attempt, only show what is wrong with the definition itself, not what is merely not filled in yet.
  const shown = tried ? problems : { title: false, audience: false, closesBeforeOpens: problems.closesBeforeOpens, fields: problems.fields.filter((p) => p.code !== 'label_missing' && p.code !== 'option_label_missing' && p.code !== 'no_fields') };

  async function save(status: FormInput['status']): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const input = toFormInput(state, status);
      if (editing) await updateForm(editing.id, input);
      else await createForm(input);
      await navigate({ to: '/forms/manage' });
    } catch (e) {
      setError(errorCode(e));
      setBusy(false);
    }
  }

  function attempt(status: FormInput['status']): void {
    setTried(true);
    if (busy || hasProblems(problems)) return;
    if (published) setConfirming(true);
    else void save(status);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    attempt('published');
  }

  return (
    <section className="card stack" aria-labelledby="builder-title" data-testid="form-builder" data-kind={state.kind}>
      <h1 id="builder-title">{heading}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert code={error} testId="form-save-error" />
        {tried && hasProblems(problems) ? <BuilderProblemSummary problems={problems} /> : null}
        <TextField label={t.title} value={state.title} onValueChange={(title) => patch({ title })} maxLength={200} required error={shown.title ? t.titleMissing : null} data-testid="form-title-input" />
        <TextAreaField label={t.description} hint={t.descriptionHint} value={state.description} onValueChange={(description) => patch({ description })} maxLength={4000} testId="form-description-input" />
        <EnglishVersion hasEnglish={Boolean(editing?.titleEn || editing?.descriptionEn)} testId="form-english">
          <TextField label={m.english.title} lang="en" value={state.titleEn} onValueChange={(titleEn) => patch({ titleEn })} maxLength={200} data-testid="form-title-en-input" />
          <TextAreaField label={m.english.description} lang="en" value={state.descriptionEn} onValueChange={(descriptionEn) => patch({ descriptionEn })} maxLength={4000} testId="form-description-en-input" />
        </EnglishVersion>
        <AudiencePicker value={state.audience} onChange={(audience) => patch({ audience })} units={scope.units} wholeUnion={scope.wholeUnion} />
        {shown.audience ? (
          <p className="field-error" data-testid="form-audience-error">
            {t.audienceNone}
          </p>
        ) : null}
        <TextField label={t.opensAt} hint={t.opensAtHint} type="datetime-local" value={state.opensAt} onValueChange={(opensAt) => patch({ opensAt })} data-testid="form-opens-at" />
        <TextField
          label={t.closesAt}
          hint={t.closesAtHint}
          type="datetime-local"
          value={state.closesAt}
          onValueChange={(closesAt) => patch({ closesAt })}
          error={shown.closesBeforeOpens ? t.closesBeforeOpens : null}
          data-testid="form-closes-at"
        />
        {state.kind === 'survey' ? (
          <SurveyAnswerMode anonymous={state.anonymous} allowEdit={state.allowEdit} onChange={patch} />
        ) : (
          <ApprovalChainEditor steps={state.steps} onChange={(steps) => patch({ steps })} />
        )}
        <FieldListEditor fields={state.fields} onChange={(fields) => patch({ fields })} problems={shown.fields} />
        {published ? <p className="notice notice-warning">{t.publishedNote}</p> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary button-large" disabled={busy} aria-busy={busy} data-testid="form-save">
            {busy ? m.common.sending : published ? t.saveChanges : t.publish}
          </button>
          {published ? null : (
            <button type="button" className="button button-large" disabled={busy} onClick={() => attempt('draft')} data-testid="form-builder-draft">
              {t.saveDraft}
            </button>
          )}
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t.newVersionTitle}
          body={t.newVersionBody}
          cancelLabel={t.cancel}
          confirmLabel={t.confirmSave}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void save('published');
          }}
          testId="form-new-version"
        />
      ) : null}
    </section>
  );
}
