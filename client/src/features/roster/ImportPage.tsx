import { useState } from 'react';
import { ApiError, errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { apply, dryRun, reportOf, type ImportKind, type ImportReport, type ImportResult } from './import-api.ts';
import { ImportDone } from './ImportDone.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { PickFile } from './PickFile.tsx';

type Step = { kind: 'pick' } | { kind: 'report'; file: File; report: ImportReport } | { kind: 'done'; result: ImportResult };

/** Pick a file → read the dry-run report → apply (only a clean file) → the summary. */
export function ImportPage() {
  const { m } = useI18n();
  useDocumentTitle(m.import.title);
  const [what, setWhat] = useState<ImportKind>('members');
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>, file: File): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      const report = e instanceof ApiError ? reportOf(e.body) : null;
      if (report) setStep({ kind: 'report', file, report });
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  const check = (file: File) => void run(async () => setStep({ kind: 'report', file, report: await dryRun(what, file) }), file);
  const confirm = (file: File) => void run(async () => setStep({ kind: 'done', result: await apply(what, file) }), file);
  const restart = () => {
    setError(null);
    setStep({ kind: 'pick' });
  };

  return (
    <section className="card stack" aria-labelledby="import-title" data-testid="import">
      <h1 id="import-title">{m.import.title}</h1>
      <ErrorAlert code={error} testId="import-error" />
      {step.kind === 'pick' ? <PickFile what={what} onWhat={setWhat} busy={busy} onFile={check} /> : null}
      {step.kind === 'report' ? (
        <ImportReportView what={what} report={step.report} busy={busy} onApply={() => confirm(step.file)} onRestart={restart} />
      ) : null}
      {step.kind === 'done' ? <ImportDone what={what} result={step.result} onRestart={restart} /> : null}
    </section>
  );
}
