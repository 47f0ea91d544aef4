import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import type { BlockedState } from './setup-errors.ts';

interface Props {
  state: BlockedState;
  code?: AnyErrorCode;
}

/** Why the setup link cannot be used, in the member's language. */
export function SetupBlocked({ state, code }: Props) {
  const { m } = useI18n();
  return (
    <div className="stack">
      <div className="notice notice-error" role="alert" data-testid="setup-message" data-state={state} data-code={code}>
        <p>{m.setup.state[state]}</p>
      </div>
      <p>
        <Link to="/" className="text-link">
          {m.setup.goHome}
        </Link>
      </p>
    </div>
  );
}
