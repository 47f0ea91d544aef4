import { useState } from 'react';
import type { Fetched } from '../../ui/use-fetched.ts';

/**
 * A fetched answer that keeps showing the last one while it is asked again (after an
 * action), so the screen does not blank out and lose what it just said ("synced: …").
 */
export function useKept<T>(fetched: Fetched<T>): Fetched<T> {
  const [kept, setKept] = useState<Fetched<T>>(fetched);
  if (fetched.state !== 'loading' && fetched !== kept) setKept(fetched);
  return fetched.state === 'loading' && kept.state === 'done' ? kept : fetched;
}
