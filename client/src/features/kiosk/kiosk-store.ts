import { useSyncExternalStore } from 'react';
import { apiGet, apiPost } from '../../api/client.ts';
import { createExternalStore } from '../../lib/external-store.ts';
import { settleOwedSignOut } from '../auth/index.ts';

export interface Kiosk {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  idleSeconds: number;
}

interface KioskState {
  checked: boolean;
  kiosk: Kiosk | null;
}

const store = createExternalStore<KioskState>({ checked: false, kiosk: null });
let first: Promise<Kiosk | null> | null = null;

/** Whether this browser is a workplace kiosk (the server knows by an HttpOnly cookie). */
export function loadKiosk(): Promise<Kiosk | null> {
  first ??= apiGet<{ kiosk: Kiosk }>('/api/kiosk').then(
    ({ kiosk }) => {
      store.set({ checked: true, kiosk });
      return kiosk;
    },
    () => {
      store.set({ checked: true, kiosk: null });
      return null;
    },
  );
  return first;
}

export function currentKiosk(): Promise<Kiosk | null> {
  const state = store.getSnapshot();
  return state.checked ? Promise.resolve(state.kiosk) : loadKiosk();
}

export function useKiosk(): Kiosk | null {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot).kiosk;
}

export async function registerKiosk(unitId: string, name: string): Promise<Kiosk> {
  const { kiosk } = await apiPost<{ kiosk: Kiosk }>('/api/kiosks', { unitId, name });
  store.set({ checked: true, kiosk });
  first = Promise.resolve(kiosk);
  return kiosk;
}

export async function kioskSignIn(employeeNumber: string, pin: string): Promise<{ ok: true }> {
  // The previous member's session first, if an offline sign-out left it open.
  await settleOwedSignOut();
  return apiPost<{ ok: true }>('/api/kiosk/sign-in', { employeeNumber, pin });
}
