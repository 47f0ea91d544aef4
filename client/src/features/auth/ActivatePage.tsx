import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ActivateForm } from './ActivateForm.tsx';
import { ActivationCodeForm } from './ActivationCodeForm.tsx';
import { peekActivationCode } from './auth-api.ts';
import { takeActivationCode } from './activation-code.ts';

type View =
  | { kind: 'enter'; error: AnyErrorCode | null }
  | { kind: 'checking'; code: string }
  | { kind: 'ready'; code: string; name: string; employeeNumber: string };

export function ActivatePage() {
  const { m } = useI18n();
  useDocumentTitle(m.activate.title);
  const [view, setView] = useState<View>(() => {
    const code = takeActivationCode();
    return code ? { kind: 'checking', code } : { kind: 'enter', error: null };
  });
  const checkingCode = view.kind === 'checking' ? view.code : null;

  useEffect(() => {
    if (checkingCode === null) return;
    const controller = new AbortController();
    void peekActivationCode(checkingCode, controller.signal).then(
      (peek) => setView(peek.valid ? { kind: 'ready', code: checkingCode, name: peek.name, employeeNumber: peek.employeeNumber } : { kind: 'enter', error: 'activation_code_invalid' }),
      (e: unknown) => {
        if (!controller.signal.aborted) setView({ kind: 'enter', error: errorCode(e) });
      },
    );
    return () => controller.abort();
  }, [checkingCode]);

  return (
    <section className="card stack" aria-labelledby="activate-title">
      <h1 id="activate-title">{m.activate.title}</h1>
      {renderView()}
    </section>
  );

  function renderView() {
    switch (view.kind) {
      case 'checking':
        return (
          <p role="status" data-testid="activate-checking">
            {m.activate.checking}
          </p>
        );
      case 'enter':
        return (
          <>
            <ErrorAlert code={view.error} testId="activate-error" />
            <ActivationCodeForm onCode={(code) => setView({ kind: 'checking', code })} />
          </>
        );
      case 'ready':
        return <ActivateForm code={view.code} name={view.name} employeeNumber={view.employeeNumber} />;
    }
  }
}
