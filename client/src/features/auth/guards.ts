import { redirect } from '@tanstack/react-router';
import { currentKiosk } from '../kiosk/index.ts';
import { mayUse, type Area } from './access.ts';
import { ForbiddenPageError } from './forbidden.ts';
import { rememberReturn } from './return-to.ts';
import { currentMe } from './session.ts';

/**
 * `beforeLoad` for member-only routes: strangers go to sign in (on a kiosk, to
 * the kiosk's sign-in), and come back to where they were going once signed in
 * (a notice's link, a credential letter's link with its `#credential=…`).
 */
export async function requireMember(context?: { location?: { href: string } }): Promise<void> {
  const me = await currentMe();
  if (me) return;
  const kiosk = await currentKiosk();
  if (!kiosk && context?.location) rememberReturn(context.location.href);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's redirect is thrown by design.
  throw redirect({ to: kiosk ? '/kiosk' : '/sign-in' });
}

/**
 * `beforeLoad` for officer and admin areas: others see the forbidden page in its place
 * (the router's `RouteError`), with a link home; the server refuses them anyway.
 */
export function requireArea(area: Area): () => Promise<void> {
  return async () => {
    await requireMember();
    if (!mayUse(await currentMe(), area)) throw new ForbiddenPageError(area);
  };
}
