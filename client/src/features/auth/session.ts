import type { Me } from '@kumiai/shared';
import { useSyncExternalStore } from 'react';
import { ApiError, apiGet, apiPost } from '../../api/client.ts';
import { createExternalStore } from '../../lib/external-store.ts';
import { readStored, writeStored } from '../../lib/storage.ts';
import { endServerSession, settleOwedSignOut } from './sign-out-queue.ts';

/** Remembered so the app knows who is signed in while offline. */
export const ME_KEY = 'kumiai.me';
/** The union's name, kept after sign-out for the sign-in screen. */
const UNION_KEY = 'kumiai.unionName';

export function rememberedUnionName(): string | null {
  return readStored(UNION_KEY);
}

export interface Session {
  /** `unknown` until /api/auth/me has answered once (or failed offline). */
  checked: boolean;
  me: Me | null;
}

function remembered(): Me | null {
  const text = readStored(ME_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as Me;
  } catch {
    return null;
  }
}

const store = createExternalStore<Session>({ checked: false, me: remembered() });

function forget(): void {
  try {
    localStorage.removeItem(ME_KEY);
  } catch {
    // Nothing stored to forget.
  }
}

function setMe(me: Me | null): void {
  if (me) {
    writeStored(ME_KEY, JSON.stringify(me));
    writeStored(UNION_KEY, me.unionName);
  }
  else forget();
  store.set({ checked: true, me });
}

let inFlight: Promise<Me | null> | null = null;

/** Asks the server who we are. Offline, the remembered member stays signed in. */
export function refreshSession(): Promise<Me | null> {
  // A sign-out made offline is sent first: the previous member's session must not answer here.
  // Still offline with one owed: nobody is signed in on this device.
  inFlight ??= settleOwedSignOut()
    .then((settled) => (settled ? apiGet<Me>('/api/auth/me') : Promise.reject(new ApiError('unauthenticated', 401))))
    .then(
      (me) => {
        setMe(me);
        return me;
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          setMe(null);
          return null;
        }
        store.set({ checked: true, me: store.getSnapshot().me });
        return store.getSnapshot().me;
      },
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** For route guards: the first check waits for the server; later ones use what is known. */
export async function currentMe(): Promise<Me | null> {
  const session = store.getSnapshot();
  return session.checked ? session.me : refreshSession();
}

export async function signIn(employeeNumber: string, password: string): Promise<Me | null> {
  // The previous session's cookie is about to be replaced: end it first, or it could never be ended.
  await settleOwedSignOut();
  await apiPost('/api/auth/sign-in', { employeeNumber, password });
  return refreshSession();
}

/** Forgets the member on this device at once; the server hears it now, or as soon as it can (sign-out-queue.ts). */
export async function signOut(everywhere = false): Promise<void> {
  const ended = await endServerSession(everywhere);
  setMe(null);
  if (!ended) throw new ApiError('network_failed', 0);
}

/** A 401 from any call means the session is gone: forget the member. */
export function sessionEnded(): void {
  setMe(null);
}

export function replaceMe(me: Me): void {
  setMe(me);
}

export function getSession(): Session {
  return store.getSnapshot();
}

export function useSession(): Session {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
