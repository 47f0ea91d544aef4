import { CONSULTATION_LIMITS } from '@kumiai/shared';
import { useState } from 'react';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { newEntryDoc } from './cases.ts';

interface Props {
  kind: 'message' | 'note';
  caseId: string;
  label: string;
  submitLabel: string;
  doneText: string;
  testId: string;
}

/** A reply (either way) or an officer's internal note, written to the device's database: sent now, or when the network is back. */
export function EntryForm({ kind, caseId, label, submitLabel, doneText, testId }: Props) {
  const db = useSyncDatabase();
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy || !db || text.trim() === '') return;
        setBusy(true);
        void db.consultations
          .insert(newEntryDoc(kind, caseId, text, crypto.randomUUID(), Date.now()))
          .then(() => {
            setText('');
            setDone(true);
          })
          .finally(() => setBusy(false));
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
