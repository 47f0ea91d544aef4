import { useSession } from '../auth/index.ts';
import { askedOfMe, waitingCount, type AskedOfMe } from './waiting.ts';
import { useForms, useMySubmissions } from './use-forms.ts';
import { useNow } from './use-now.ts';

/** What the forms ask of the signed-in member, live from the device (also offline); undefined while loading. */
export function useAskedOfMe(): AskedOfMe | undefined {
  const { me } = useSession();
  const forms = useForms();
  const mine = useMySubmissions();
  const now = useNow();
  if (!me || forms === undefined || mine === undefined) return undefined;
  return askedOfMe(forms, mine, me.member.id, now);
}

/** The 手続き tab's badge. */
export function useWaitingCount(): number | null {
  const asked = useAskedOfMe();
  return asked ? waitingCount(asked) : null;
}

/** How many things the home card lists. */
export function useAskedCount(): number | undefined {
  const asked = useAskedOfMe();
  return asked ? asked.returned.length + asked.mine.length + asked.surveys.length + asked.applicationForms.length : undefined;
}
