import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { refreshSession } from '../auth/index.ts';
import { fetchSetupStatus } from './setup-api.ts';
import type { BlockedState } from './setup-errors.ts';
import { forgetSetupToken, takeSetupToken } from './setup-token.ts';
import { SetupBlocked } from './SetupBlocked.tsx';
import { SetupDone } from './SetupDone.tsx';
import { SetupFailed } from './SetupFailed.tsx';
import { SetupForm } from './SetupForm.tsx';

type View =
  | { kind: 'checking' }
  | { kind: 'blocked'; state: BlockedState; code?: AnyErrorCode }
  | { kind: 'failed'; code: AnyErrorCode }
  | { kind: 'form' }
  | { kind: 'done' };

export function SetupPage() {
  const { m } = useI18n();
  useDocumentTitle(m.setup.title);
  // takeSetupToken is idempotent, so React calling this twice in dev is harmless.
  const [token, setToken] = useState(takeSetupToken);
  const [view, setView] = useState<View>(token ? { kind: 'checking' } : { kind: 'blocked', state: 'invalid' });
  const [attempt, setAttempt] = useState(0);

  // A second setup link opened while this page is showing changes only the fragment.
  useEffect(() => {
    const onHashChange = () => {
      const next = takeSetupToken();
      if (next === null) return;
      setToken(next);
      setView({ kind: 'checking' });
      setAttempt((a) => a + 1);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    void fetchSetupStatus(token, controller.signal).then(
      ({ state }) => setView(state === 'ready' ? { kind: 'form' } : { kind: 'blocked', state }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setView({ kind: 'failed', code: error instanceof ApiError ? error.code : 'internal' });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  return (
    <section className="card stack" aria-labelledby="setup-title">
      <h1 id="setup-title">{m.setup.title}</h1>
      {renderView()}
    </section>
  );

  function renderView() {
    switch (view.kind) {
      case 'checking':
        return (
          <p role="status" data-testid="setup-checking">
            {m.setup.checking}
          </p>
        );
      case 'blocked':
        return <SetupBlocked state={view.state} code={view.code} />;
      case 'failed':
        return (
          <SetupFailed
            code={view.code}
            onRetry={() => {
              setView({ kind: 'checking' });
              setAttempt((a) => a + 1);
            }}
          />
        );
      case 'form':
        return token ? (
          <SetupForm
            token={token}
            onDone={() => {
              forgetSetupToken();
              // Setup signed the admin in: learn who we are before offering the way home.
              void refreshSession().finally(() => setView({ kind: 'done' }));
            }}
            onBlocked={(state, code) => setView({ kind: 'blocked', state, code })}
          />
        ) : null;
      case 'done':
        return <SetupDone />;
    }
  }
}
