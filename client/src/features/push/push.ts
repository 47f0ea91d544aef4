import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiPost, apiRequest } from '../../api/client.ts';

/**
 * Web Push opt-in on this device. The subscription lives in the browser
 * (`pushManager`); the server keeps a copy per member so that a new notice or
 * a reminder reaches it. Never offered on a kiosk (the server refuses too).
 */
export type PushStatus =
  /** Still finding out (the service worker is starting). */
  | 'checking'
  /** No service worker or no Push API: e.g. plain http on a LAN, or an old browser. */
  | 'unsupported'
  /** A shared workplace kiosk: never one member's notifications. */
  | 'kiosk'
  /** The member (or the browser's settings) refused notifications for this site. */
  | 'blocked'
  | 'off'
  | 'on';

/** Whether this browser could receive Web Push at all (secure context, service worker, Push API, notifications). */
export function pushSupported(): boolean {
  return (
    import.meta.env.PROD &&
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The server's VAPID public key (base64url) as the bytes `pushManager.subscribe` wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
}

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

/** What this device is now: on only with permission granted and a subscription in the browser. */
export async function currentStatus(): Promise<Exclude<PushStatus, 'checking' | 'kiosk'>> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const reg = await registration();
  const subscription = await reg.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

/** Sends the browser's subscription to the server (it is the signed-in member's from now on: a shared phone changes hands). */
async function register(subscription: PushSubscription): Promise<void> {
  await apiPost<null>('/api/push/subscriptions', subscription.toJSON());
}

/** Asks for permission, subscribes with the server's key and registers the subscription. Returns the resulting status. */
export async function enablePush(): Promise<Exclude<PushStatus, 'checking' | 'kiosk'>> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'blocked';
  if (permission !== 'granted') return 'off';
  const { publicKey } = await apiGet<{ publicKey: string }>('/api/push/key');
  const key = base64UrlToBytes(publicKey);
  const reg = await registration();
  let subscription = await reg.pushManager.getSubscription();
  // Subscribed with another key (the server's keys were replaced): the old subscription cannot be reused.
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  try {
    await register(subscription);
  } catch (error) {
    // The server does not have it: the browser must not keep a subscription nobody sends to.
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
  return 'on';
}

/** Unsubscribes in the browser and tells the server to forget the endpoint. */
export async function disablePush(): Promise<Exclude<PushStatus, 'checking' | 'kiosk'>> {
  if (!pushSupported()) return 'unsupported';
  const reg = await registration();
  const subscription = await reg.pushManager.getSubscription();
  if (subscription) {
    const { endpoint } = subscription;
    await subscription.unsubscribe();
    // Best effort: an endpoint the browser dropped is dead, and the server prunes it at the next message anyway.
    await apiRequest<null>('DELETE', '/api/push/subscriptions', { endpoint }).catch(() => undefined);
  }
  return currentStatus();
}

/**
 * The opt-in's state for the signed-in member. On a kiosk nothing is asked of
 * the browser. When the device is already subscribed, the subscription is sent
 * again so the server has it for this member (another member may have used the
 * phone before, or the server pruned it).
 */
export function usePushOptIn(kiosk: boolean): {
  status: PushStatus;
  busy: boolean;
  error: unknown;
  setEnabled: (on: boolean) => Promise<void>;
} {
  const [probed, setStatus] = useState<PushStatus>('checking');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (kiosk) return;
    let live = true;
    void (async () => {
      const now = await currentStatus().catch(() => 'unsupported' as const);
      if (!live) return;
      setStatus(now);
      if (now === 'on') {
        const subscription = await (await registration()).pushManager.getSubscription();
        if (subscription) await register(subscription).catch(() => undefined);
      }
    })();
    return () => {
      live = false;
    };
  }, [kiosk]);

  const setEnabled = useCallback(
    async (on: boolean) => {
      if (kiosk) return;
      setBusy(true);
      setError(null);
      try {
        setStatus(on ? await enablePush() : await disablePush());
      } catch (e) {
        setError(e);
        setStatus(await currentStatus().catch(() => 'unsupported' as const));
      } finally {
        setBusy(false);
      }
    },
    [kiosk],
  );

  return { status: kiosk ? 'kiosk' : probed, busy, error, setEnabled };
}
