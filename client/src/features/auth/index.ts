// The auth feature's public face: who is signed in, what they may use, and the route guards.
export { actorOf, areas, mayUse, useActor, type Area } from './access.ts';
export { requireArea, requireMember } from './guards.ts';
export { currentMe, getSession, refreshSession, replaceMe, sessionEnded, signOut, useSession, type Session } from './session.ts';
export { endServerSession, settleOwedSignOut, SIGN_OUT_OWED_KEY, watchOwedSignOut } from './sign-out-queue.ts';
export { FirstSignInLink } from './FirstSignInLink.tsx';
export { RouteError } from './ForbiddenPage.tsx';
