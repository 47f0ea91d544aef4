import type { CastReceipt } from '@kumiai/shared';
import { useEffect, useRef, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';

/** The smart ballot tracker, shown and copyable. */
export function TrackerCode({ tracker }: { tracker: string }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack">
      <p className="field-label" id="tracker-label">
        {m.elections.tracker}
      </p>
      <code className="election-tracker" aria-labelledby="tracker-label" data-testid="ballot-tracker">
        {tracker}
      </code>
      <p className="field-hint">{m.elections.trackerHint}</p>
      <button
        type="button"
        className="button"
        data-testid="copy-tracker"
        onClick={() =>
          void navigator.clipboard?.writeText(tracker).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {m.elections.copy}
      </button>
      <p role="status">{copied ? m.elections.copied : ''}</p>
    </div>
  );
}

/** "あなたの投票を受け付けました", when, and the tracker. */
export function Receipt({ receipt, onDone }: { receipt: CastReceipt; onDone: () => void }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const heading = useRef<HTMLHeadingElement>(null);
  // The screen changed under the member's finger: say so where they are.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stack notice notice-success" aria-labelledby="receipt-title" data-testid="vote-receipt">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {t.acceptedTitle}
      </h2>
      <p>{format(t.acceptedAt, { date: formatDateTime(receipt.castAt, lang) })}</p>
      {receipt.replaced ? <p data-testid="vote-replaced">{t.replaced}</p> : null}
      <TrackerCode tracker={receipt.tracker} />
      <button type="button" className="button" data-testid="receipt-done" onClick={onDone}>
        {t.backToElection}
      </button>
    </section>
  );
}
