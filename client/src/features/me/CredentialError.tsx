import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { Failure } from './credentials-api.ts';

/** A refused password or PIN change, in plain words; when throttled, how long to wait. */
export function CredentialError({ failure, id }: { failure: Failure | null; id: string }) {
  const { m } = useI18n();
  if (!failure) return null;
  return (
    <div className="notice notice-error" role="alert" id={id} data-code={failure.code}>
      <p>{m.errors[failure.code]}</p>
      {failure.code === 'rate_limited' && failure.retryAfterSeconds !== null ? <p>{format(m.credentials.retryIn, { n: failure.retryAfterSeconds })}</p> : null}
    </div>
  );
}
