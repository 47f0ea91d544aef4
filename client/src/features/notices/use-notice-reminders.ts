import type { NoticeReminder } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { readStored, writeStored } from '../../lib/storage.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { fetchMyReminders } from './notices-api.ts';

/** Kept per member (removed with the member's other keys by a kiosk sign-out's wipe). */
export function remindersKey(memberId: string): string {
  return `kumiai.noticeReminders.${memberId}`;
}

/** The last answer per member in memory, so a return to home shows it at once. */
const memory = new Map<string, NoticeReminder[]>();

function isReminder(value: unknown): value is NoticeReminder {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.noticeId === 'string' && typeof r.title === 'string' && typeof r.remindedAt === 'number';
}

/** The stored copy, or [] when there is none or it is not what we wrote. */
export function storedReminders(memberId: string): NoticeReminder[] {
  const raw = readStored(remindersKey(memberId));
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isReminder) : [];
  } catch {
    return [];
  }
}

/**
 * The notices this member was reminded of and has not read: asked of the server whenever
 * the device is online, and otherwise the last answer (memory, then localStorage).
 */
export function useNoticeReminders(memberId: string): NoticeReminder[] {
  const { online } = useSyncStatus();
  const [reminders, setReminders] = useState<NoticeReminder[]>(() => memory.get(memberId) ?? storedReminders(memberId));
  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    fetchMyReminders(controller.signal).then(
      (fresh) => {
        memory.set(memberId, fresh);
        writeStored(remindersKey(memberId), JSON.stringify(fresh));
        setReminders(fresh);
      },
      () => {
        // Offline after all, or the server is away: the last answer stays.
      },
    );
    return () => controller.abort();
  }, [memberId, online]);
  return reminders;
}
