import type { UnitView } from '@kumiai/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { fetchUnits } from './units-api.ts';
import { UnitTree } from './unit-tree.ts';

/** The units the member may see, as a tree; `reload` after a change. */
export function useUnits(): { tree: UnitTree | null; error: AnyErrorCode | null; reload: () => void } {
  const [units, setUnits] = useState<UnitView[] | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    void fetchUnits(controller.signal).then(
      (list) => {
        setUnits(list);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorCode(e));
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const tree = useMemo(() => (units ? new UnitTree(units) : null), [units]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { tree, error, reload };
}
