import { useState, type FormEvent } from 'react';
import { errorCode } from '../api/client.ts';
import type { AnyErrorCode } from '../i18n/types.ts';

/**
 * One form's or button's request: `busy` while it runs (a form submitted again
 * meanwhile is ignored), and when it throws, its failure as `describe` tells it
 * (by default the error code ErrorAlert says in plain words). The work may set
 * a failure itself (a field left empty) and return.
 */
export function useAction<F = AnyErrorCode>(describe: (error: unknown) => F = errorCode as (error: unknown) => F) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<F | null>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(describe(e));
      return null;
    } finally {
      setBusy(false);
    }
  }

  /** A form's `onSubmit` running `work`: no page load, nothing while a request runs. */
  function onSubmit(work: () => Promise<unknown>): (event: FormEvent<HTMLFormElement>) => void {
    return (event) => {
      event.preventDefault();
      if (!busy) void run(work);
    };
  }

  return { busy, error, setError, run, onSubmit };
}
