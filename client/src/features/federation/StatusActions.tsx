import type { LinkStatus } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';

export type StatusChange = 'pause' | 'resume' | 'revoke';

interface Props {
  status: LinkStatus;
  /** Who paused a paused link: only that side may resume it. */
  pausedBy: 'federation' | 'union' | null;
  /** This screen's side. */
  side: 'federation' | 'union';
  /** The question asked before each change. */
  question: (to: StatusChange) => string;
  act: (to: StatusChange) => Promise<unknown>;
  testId: string;
}

/** Pause / resume / end a link, each after a confirmation; the buttons the state allows. */
export function StatusActions({ status, pausedBy, side, question, act, testId }: Props) {
  const { m } = useI18n();
  const t = m.federation;
  const [asking, setAsking] = useState<StatusChange | null>(null);
  const { busy, error, run } = useAction();
  if (status === 'revoked') return null;
  const choices: StatusChange[] = status === 'active' ? ['pause', 'revoke'] : status === 'paused' ? (pausedBy === side ? ['resume', 'revoke'] : ['revoke']) : ['revoke'];
  const bodies: Record<StatusChange, string> = { pause: t.pauseBody, resume: t.resumeBody, revoke: t.revokeBody };
  return (
    <div className="stack">
      <p className="button-row">
        {choices.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'revoke' ? 'button button-danger' : 'button'}
            disabled={busy}
            onClick={() => setAsking(to)}
            data-testid={`${testId}-${to}`}
          >
            {t[to]}
          </button>
        ))}
      </p>
      <ErrorAlert code={error} testId={`${testId}-error`} />
      {asking ? (
        <ConfirmDialog
          title={question(asking)}
          body={bodies[asking]}
          cancelLabel={t.keep}
          confirmLabel={t[asking]}
          testId={`${testId}-confirm`}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const to = asking;
            setAsking(null);
            void run(() => act(to));
          }}
        />
      ) : null}
    </div>
  );
}
