import { CONSULTATION_LIMITS, type Attachment } from '@kumiai/shared';
import { useState } from 'react';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useSession } from '../auth/index.ts';
import { newEntryDoc } from './cases.ts';
import { CaseFilesPicker } from './CaseFilesPicker.tsx';
import { writeOrQueue } from './outgoing.ts';
import { useOutgoing } from './use-consultations.ts';

interface Props {
  kind: 'message' | 'note';
  caseId: string;
  label: string;
  submitLabel: string;
  doneText: string;
  testId: string;
}

/**
 * A reply (either way) or an officer's internal note, written to the device's database: sent now, or when the
 * network is back. A reply may carry photos or PDFs: it then waits on the device (outgoing.ts) until they are
 * uploaded, counted as waiting like any write, as a case with files does.
 */
export function EntryForm({ kind, caseId, label, submitLabel, doneText, testId }: Props) {
  const database = useSyncEngine().engine?.database ?? null;
  const { me } = useSession();
  const { store } = useOutgoing();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send(): Promise<void> {
    if (!database || text.trim() === '' || (files.length > 0 && !store)) return;
    await writeOrQueue(database, store, newEntryDoc(kind, caseId, text, crypto.randomUUID(), Date.now()), files, Date.now());
    setText('');
    setFiles([]);
    setDone(true);
  }

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        void send().finally(() => setBusy(false));
      }}
    >
      <TextAreaField
        label={label}
        value={text}
        onValueChange={(v) => {
          setText(v);
          setDone(false);
        }}
        maxLength={CONSULTATION_LIMITS.textChars}
        testId={`${testId}-text`}
      />
      {kind === 'message' && me ? <CaseFilesPicker memberId={me.member.id} files={files} onChange={setFiles} disabled={busy} /> : null}
      <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''} data-testid={`${testId}-send`}>
        {submitLabel}
      </button>
      {done ? (
        <p role="status" className="muted">
          {doneText}
        </p>
      ) : null}
    </form>
  );
}
