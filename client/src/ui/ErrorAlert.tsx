import { useI18n } from '../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../i18n/types.ts';

/** A failed action, in the member's language, announced at once. */
export function ErrorAlert({ code, id, testId = 'error-message' }: { code: AnyErrorCode | null; id?: string; testId?: string }) {
  const { m } = useI18n();
  if (!code) return null;
  return (
    <div className="notice notice-error" role="alert" id={id} data-testid={testId} data-code={code}>
      <p>{m.errors[code]}</p>
    </div>
  );
}
