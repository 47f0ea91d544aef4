import type { CheckoffReport } from '@kumiai/shared';
import { useId, useState } from 'react';
import { ApiError, errorCode } from '../../api/client.ts';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { checkoffQuery, fixParams, type RowFix } from './checkoff-report.ts';
import { CheckoffReportView } from './CheckoffReportView.tsx';
import { autoColumns, ColumnMapping, type Columns } from './ColumnMapping.tsx';
import { headerOf } from './csv-header.ts';
import { duesApi } from './dues-api.ts';
import { DuesOfficerNav } from './DuesOfficerNav.tsx';
import { FixList } from './FixList.tsx';
import { MonthField } from './MonthField.tsx';
import { currentMonth, formatMonth, formatYen } from './yen.ts';
import './dues.css';

/** The monthly check-off import: employer and month, the file, its columns, a dry run, fixes in the app, apply. */
export function CheckoffPage() {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  useDocumentTitle(t.checkoffTitle);
  const fileId = useId();
  const employersId = useId();
  const employers = useApiResource((signal) => duesApi.employers(signal), []);
  const policy = useApiResource((signal) => duesApi.policy(signal), []);
  const [employer, setEmployer] = useState('');
  const [month, setMonth] = useState(currentMonth());
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [columns, setColumns] = useState<Columns>(autoColumns);
  const [fixes, setFixes] = useState<RowFix[]>([]);
  const [report, setReport] = useState<{ report: CheckoffReport; key: string } | null>(null);
  const [applied, setApplied] = useState<CheckoffReport | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'apply' | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  const keyOf = (f: readonly RowFix[]) => JSON.stringify([employer.trim(), month, columns, fixParams(f), file ? [file.name, file.size, file.lastModified] : null]);
  const remembered = (name: string, cells: readonly string[]): Columns => {
    const known = employers.data?.employers.find((e) => e.employer === name.trim());
    if (!known) return autoColumns;
    const pick = (h: string | null) => (h !== null && cells.includes(h) ? h : '');
    return { employeeNumber: pick(known.employeeNumber), amount: pick(known.amount), basePay: pick(known.basePay), strikeAmount: pick(known.strikeAmount) };
  };

  const run = async (mode: 'dry-run' | 'apply', withFixes: readonly RowFix[]) => {
    if (!file || !employer.trim()) return;
    setBusy(mode);
    setError(null);
    setApplied(null);
    try {
      const { report: answer } = await duesApi.checkoff(checkoffQuery(mode, { employer, month, columns, fixes: withFixes }), file);
      if (mode === 'apply') {
        setApplied(answer);
        setReport(null);
        setFixes([]);
        employers.reload();
      } else setReport({ report: answer, key: keyOf(withFixes) });
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as { report?: CheckoffReport } | null) : null;
      if (body?.report) setReport({ report: body.report, key: keyOf(withFixes) });
      setError(errorCode(e));
    } finally {
      setBusy(null);
    }
  };

  const addFix = (fix: RowFix) => {
    const next = [...fixes.filter((f) => f.line !== fix.line), fix].filter((f) => f.employeeNumber || f.amount).sort((a, b) => a.line - b.line);
    setFixes(next);
    void run('dry-run', next);
  };
  const current = report !== null && report.key === keyOf(fixes);
  const strikeFund = policy.data?.strikeFund ?? false;

  return (
    <section className="card stack" aria-labelledby="checkoff-title" data-testid="checkoff-page">
      <h1 id="checkoff-title">{t.checkoffTitle}</h1>
      <DuesOfficerNav />
      <p>{t.checkoffIntro}</p>
      <p className="muted">{t.onlineOnly}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run('dry-run', fixes);
        }}
      >
        <TextField label={t.employer} hint={t.employerHint} value={employer} onValueChange={(v) => { setEmployer(v); if (header.length > 0) setColumns(remembered(v, header)); }} required maxLength={100} list={employersId} autoComplete="off" data-testid="checkoff-employer" />
        <datalist id={employersId}>
          {employers.data?.employers.map((e) => <option key={e.employer} value={e.employer} />)}
        </datalist>
        <MonthField label={t.month} value={month} onChange={setMonth} testId="checkoff-month" />
        <div className="field">
          <label className="field-label" htmlFor={fileId}>
            {t.file}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            required
            data-testid="checkoff-file"
            onChange={(e) => {
              const picked = e.target.files?.[0] ?? null;
              setFile(picked);
              setFixes([]);
              setReport(null);
              setApplied(null);
              if (!picked) return setHeader([]);
              void picked.arrayBuffer().then((buf) => {
                const cells = headerOf(new Uint8Array(buf));
                setHeader(cells);
                setColumns(remembered(employer, cells));
              });
            }}
          />
        </div>
        {header.length > 0 ? <ColumnMapping header={header} value={columns} strikeFund={strikeFund} onChange={setColumns} /> : null}
        <button type="submit" className="button button-primary" disabled={busy !== null || !file} data-testid="checkoff-dry-run">
          {busy === 'dry-run' ? t.checking : fixes.length > 0 ? t.dryRunAgain : t.dryRun}
        </button>
      </form>
      <ErrorAlert code={error} testId="checkoff-error" />
      <FixList fixes={fixes} onRemove={(line) => addFix({ line })} />
      {report && !current ? <p className="notice notice-warning">{t.staleReport}</p> : null}
      {report ? <CheckoffReportView key={report.key} report={report.report} onFix={addFix} /> : null}
      {report && current && !report.report.blocked ? (
        <section className="stack" aria-labelledby="checkoff-apply-title">
          <h2 id="checkoff-apply-title">{t.applyTitle}</h2>
          <p>{t.applyIntro}</p>
          <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void run('apply', fixes)} data-testid="checkoff-apply">
            {busy === 'apply' ? t.applying : format(t.apply, { employer: employer.trim(), month: formatMonth(month, lang) })}
          </button>
        </section>
      ) : null}
      {applied ? (
        <div className="notice notice-success" role="status" data-testid="checkoff-applied" data-replaced={applied.replaced === true}>
          <p>{format(t.applied, { matched: applied.matched, total: formatYen(applied.totals.general + applied.totals.strike, lang) })}</p>
          {applied.replaced ? <p>{t.appliedReplaced}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
