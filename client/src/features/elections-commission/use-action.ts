import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';

/** One button's request: busy while it runs, its error code (said in plain words by ErrorAlert) when it fails. */
export function useAction(): { busy: boolean; error: AnyErrorCode | null; run: <T>(work: () => Promise<T>) => Promise<T | null> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const run = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(errorCode(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
