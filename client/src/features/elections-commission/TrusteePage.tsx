import './elections-commission.css';
import type { ElectionDetail, TrusteeTask } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { fetchElection, fetchTrusteeTask, postTrusteeMessage } from './commission-api.ts';
import { answerTask, backupText, loadKeep, makeCert, saveKeep, seedFromBackup, type TrusteeKeep } from './trustee-device.ts';
import { TrusteeProgressList } from './TrusteeProgressList.tsx';
import { useAction } from '../../ui/use-action.ts';

/** A trustee's own screen: runs on this device the step the server asks for, keeps the seed here and in a backup file. */
export function TrusteePage({ electionId }: { electionId: string }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  useDocumentTitle(t.trusteeTitle);
  const { me } = useSession();
  const memberId = me?.member.id ?? '';
  const [task, setTask] = useState<TrusteeTask | null>(null);
  const [detail, setDetail] = useState<ElectionDetail | null>(null);
  const [loadError, setLoadError] = useState<AnyErrorCode | null>(null);
  const [keep, setKeep] = useState<TrusteeKeep | null>(() => loadKeep(electionId, memberId));
  const [note, setNote] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const action = useAction();
  useEffect(() => {
    const controller = new AbortController();
    fetchTrusteeTask(electionId, controller.signal).then(
      (x) => {
        setTask(x);
        setLoadError(null);
      },
      (e: unknown) => controller.signal.aborted || setLoadError(errorCode(e)),
    );
    fetchElection(electionId, controller.signal).then(setDetail, () => undefined);
    // Waiting on the others: asked again every 10 s.
    const timer = window.setTimeout(() => setTick((x) => x + 1), 10_000);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [electionId, tick]);
  const refresh = () => setTick((x) => x + 1);
  const store = (next: TrusteeKeep) => {
    saveKeep(electionId, memberId, next);
    setKeep(next);
  };
  const sendCert = async (k: TrusteeKeep) => {
    const d = await action.run(() => postTrusteeMessage(electionId, 'cert', k.cert));
    if (d) refresh();
  };
  const downloadBackup = () => {
    if (!keep) return;
    const blob = new Blob([backupText(electionId, memberId, detail?.title ?? task?.step ?? '', keep.seed)], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `kumiai-trustee-backup-${electionId}.txt`;
    a.click();
    const href = a.href;
    window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
    const next = { ...keep, backedUp: true };
    store(next);
    if (task?.step === 'cert' && next.cert) void sendCert(next);
  };
  const restore = async (file: File) => {
    const seed = seedFromBackup(await file.text(), electionId, memberId);
    if (!seed) return setNote(t.restoreBad);
    store({ seed, cert: '', backedUp: true });
    setNote(t.restored);
  };
  const run = async () => {
    if (!task) return;
    if (task.step === 'cert') {
      const made = await action.run(makeCert);
      if (made) store({ ...made, backedUp: false });
      return;
    }
    if (!keep) return;
    const answer = await action.run(() => answerTask(task, keep.seed));
    if (answer && (await action.run(() => postTrusteeMessage(electionId, answer.step, answer.message)))) refresh();
  };
  if (loadError) {
    return (
      <section className="card stack" aria-labelledby="trustee-title">
        <h1 id="trustee-title">{t.trusteeTitle}</h1>
        {loadError === 'not_a_trustee' ? <p data-testid="trustee-not">{t.notTrustee}</p> : <ErrorAlert code={loadError} />}
      </section>
    );
  }
  const needsSeed = task && (task.step === 'polynomial' || task.step === 'voutput' || task.step === 'decrypt');
  const needsBackup = keep && !keep.backedUp;
  return (
    <section className="card stack" aria-labelledby="trustee-title" data-testid="trustee-page" data-step={task?.step ?? ''}>
      <h1 id="trustee-title">{t.trusteeTitle}</h1>
      {detail ? <p className="election-wrap">{detail.title}</p> : null}
      <p>{t.trusteeWhat}</p>
      {!task ? <p role="status">{m.app.loading}</p> : null}
      {needsBackup ? (
        <div className="stack notice" data-testid="trustee-backup">
          <p>{t.backupFirst}</p>
          <button type="button" className="button button-primary" onClick={downloadBackup} data-testid="trustee-download-backup">
            {t.downloadBackup}
          </button>
        </div>
      ) : null}
      {task && (task.step === 'cert' ? !keep : needsSeed && keep && !needsBackup) ? (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void run()} data-testid="trustee-run">
          {t.doStep[task.step as 'cert' | 'polynomial' | 'voutput' | 'decrypt']}
        </button>
      ) : null}
      {task?.step === 'cert' && keep?.backedUp && keep.cert ? (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void sendCert(keep)} data-testid="trustee-send-cert">
          {t.doStep.cert}
        </button>
      ) : null}
      {needsSeed && !keep ? <p data-testid="trustee-no-seed">{t.noSeed}</p> : null}
      {action.busy ? <p role="status">{t.working}</p> : null}
      {task?.step === 'wait' ? (
        <p role="status" data-testid="trustee-waiting">
          {t.waiting[task.waitingFor]}
        </p>
      ) : null}
      {task?.step === 'done' ? (
        <p role="status" data-testid="trustee-done">
          {t.done}
        </p>
      ) : null}
      {keep?.backedUp ? <p className="muted">{t.backupDone}</p> : null}
      {task && task.step !== 'done' ? (
        <div className="field">
          <label className="field-label" htmlFor="trustee-restore">
            {t.restore}
          </label>
          <input id="trustee-restore" type="file" accept=".txt,text/plain" onChange={(e) => e.target.files?.[0] && void restore(e.target.files[0])} data-testid="trustee-restore" />
        </div>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
      <ErrorAlert code={action.error} />
      <button type="button" className="button" onClick={refresh} data-testid="trustee-refresh">
        {t.refreshTask}
      </button>
      {detail ? <TrusteeProgressList detail={detail} me={task?.index ?? null} /> : null}
    </section>
  );
}
