import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';

interface Props {
  code: AnyErrorCode;
  onRetry: () => void;
}

/** The link could not be checked (no signal, server trouble): say so and offer to try again. */
export function SetupFailed({ code, onRetry }: Props) {
  const { m } = useI18n();
  return (
    <div className="stack">
      <div className="notice notice-error" role="alert" data-testid="setup-message" data-state="error" data-code={code}>
        <p>{m.errors[code]}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        {m.setup.retry}
      </button>
    </div>
  );
}
