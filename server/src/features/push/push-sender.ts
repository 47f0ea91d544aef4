import type { Agent } from 'node:https';
import webpush from 'web-push';

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface VapidDetails {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/** Sends one encrypted message; resolves with the push service's status (errors only for network failures). */
export type PushSender = (target: PushTarget, payload: string) => Promise<{ statusCode: number }>;

/** How long a push service keeps an undelivered message (a phone may be off for the night). */
const TTL_SECONDS = 24 * 3600;

/**
 * The real sender: RFC 8291 encryption (aes128gcm) and VAPID (RFC 8292) by
 * the web-push library. A refusal by the push service comes back as its
 * status, so the caller can prune dead subscriptions (404/410).
 */
export function webPushSender(vapid: () => VapidDetails, agent: () => Agent | undefined = () => undefined): PushSender {
  return async (target, payload) => {
    try {
      const tls = agent();
      const options = { vapidDetails: vapid(), TTL: TTL_SECONDS, urgency: 'normal', contentEncoding: 'aes128gcm', timeout: 10_000 } as const;
      const result = await webpush.sendNotification(target, payload, tls ? { ...options, agent: tls } : options);
      return { statusCode: result.statusCode };
    } catch (error) {
      if (error instanceof webpush.WebPushError) return { statusCode: error.statusCode };
      throw error;
    }
  };
}

/** The VAPID subject: the server's https URL, else a mailto (web-push refuses http: subjects). */
export function vapidSubject(publicUrl: string): string {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' && url.hostname !== 'localhost' ? url.origin : `mailto:kumiai@${url.hostname || 'localhost'}`;
}
