import './consultations.css';
import { consultationCategories, CONSULTATION_LIMITS, deskLevelOf, preferredContacts, type Attachment, type ConsultationCategory, type PreferredContact } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { CaseFilesPicker } from './CaseFilesPicker.tsx';
import { caseProblems, newCaseDoc, type CaseProblem } from './cases.ts';
import { writeOrQueue } from './outgoing.ts';
import { useOutgoing } from './use-consultations.ts';
import { WhoCanRead } from './WhoCanRead.tsx';

/** /consultations/new: a member opens a case (offline too); a case with files waits for them to upload (outgoing.ts). */
export function NewConsultationPage() {
  const { m } = useI18n();
  const t = m.consultations;
  const { me } = useSession();
  const database = useSyncEngine().engine?.database ?? null;
  const { store } = useOutgoing();
  const navigate = useNavigate();
  const id = useId();
  const [category, setCategory] = useState<ConsultationCategory>('overtime');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [contactAtWork, setContactAtWork] = useState<'yes' | 'no'>('no');
  const [preferredContact, setPreferredContact] = useState<PreferredContact>('app');
  const [contactNote, setContactNote] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problems, setProblems] = useState<CaseProblem[]>([]);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t.newTitle);
  if (!me) return null;
  const memberId = me.member.id;
  const workplace = me.unitPath[me.unitPath.length - 1]?.name ?? '';
  const desk = deskLevelOf(category, anonymous);

  async function send(): Promise<void> {
    const found = caseProblems({ text, contactNote }, CONSULTATION_LIMITS);
    setProblems(found);
    if (found.length > 0 || !database || (files.length > 0 && !store)) return;
    setBusy(true);
    try {
      const caseId = crypto.randomUUID();
      const doc = newCaseDoc({ category, text, attachments: [], contactAtWork: contactAtWork === 'yes', preferredContact, contactNote, anonymousToWorkplace: anonymous }, caseId, Date.now());
      await writeOrQueue(database, store, doc, files, Date.now());
      await navigate({ to: '/consultations/$caseId', params: { caseId } });
    } finally {
      setBusy(false);
    }
  }

  const problemText = (p: CaseProblem): string => format(t.problem[p], { max: p === 'note_long' ? CONSULTATION_LIMITS.noteChars : CONSULTATION_LIMITS.textChars });
  return (
    <section className="card stack" aria-labelledby="consultation-new-title" data-testid="consultation-new">
      <h1 id="consultation-new-title">{t.newTitle}</h1>
      <WhoCanRead />
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void send();
        }}
      >
        {problems.length > 0 ? (
          <div className="notice notice-error" role="alert" data-testid="consultation-problems">
            {problems.map((p) => (
              <p key={p}>{problemText(p)}</p>
            ))}
          </div>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-category`}>
            {t.categoryLabel}
          </label>
          <select id={`${id}-category`} className="text-input" value={category} onChange={(e) => setCategory(e.target.value as ConsultationCategory)} data-testid="consultation-category">
            {consultationCategories.map((c) => (
              <option key={c} value={c}>
                {t.category[c]}
              </option>
            ))}
          </select>
        </div>
        <TextAreaField label={t.textLabel} hint={t.textHint} value={text} onValueChange={setText} maxLength={CONSULTATION_LIMITS.textChars} testId="consultation-text" />
        <CaseFilesPicker memberId={memberId} files={files} onChange={setFiles} disabled={busy} />
        <RadioGroup
          legend={t.contactAtWorkLabel}
          options={[
            { value: 'yes', label: t.contactAtWorkYes },
            { value: 'no', label: t.contactAtWorkNo },
          ]}
          value={contactAtWork}
          onChange={setContactAtWork}
          testId="consultation-contact-at-work"
        />
        <RadioGroup legend={t.preferredLabel} options={preferredContacts.map((p) => ({ value: p, label: t.preferred[p] }))} value={preferredContact} onChange={setPreferredContact} testId="consultation-preferred" />
        <TextField label={t.contactNoteLabel} hint={t.contactNoteHint} value={contactNote} onValueChange={setContactNote} maxLength={CONSULTATION_LIMITS.noteChars} data-testid="consultation-contact-note" />
        <div className="field">
          <label className="check-row">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} aria-describedby={`${id}-anonymous-hint`} data-testid="consultation-anonymous" />
            <span>{t.anonymousLabel}</span>
          </label>
          <p className="field-hint" id={`${id}-anonymous-hint`}>
            {format(t.anonymousHint, { unit: workplace })}
          </p>
        </div>
        <p className="notice" data-testid="consultation-route" data-desk={desk}>
          {t.routeTo[desk]}
        </p>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="consultation-send">
          {busy ? t.sending : t.send}
        </button>
      </form>
    </section>
  );
}
