import { useMemo } from 'react';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { useActor } from '../auth/index.ts';

/**
 * The units an officer may address forms to, as a set, and whether the whole
 * union. form.manage and notice.publish go to the same roles (officer, admin),
 * so the notices' publishing scope is the forms' too.
 */
export function useManageScope(): { unitIds: ReadonlySet<string>; wholeUnion: boolean } {
  const { units, wholeUnion } = usePublishScope(useActor());
  const key = units.map((u) => u.id).join(' ');
  const unitIds = useMemo(() => new Set(key ? key.split(' ') : []), [key]);
  return { unitIds, wholeUnion };
}
