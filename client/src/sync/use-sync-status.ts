import { useSyncExternalStore } from 'react';
import { getSnapshot, subscribe, type SyncStatus } from './status.ts';

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
