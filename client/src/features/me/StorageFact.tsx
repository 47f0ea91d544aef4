import { useI18n } from '../../i18n/use-i18n.ts';
import { useStoragePersistence } from '../../sync/session-data.ts';

/** Whether the browser promised to keep this device's data (asked at sign-in on a personal device). */
export function StorageFact() {
  const { m } = useI18n();
  const persistence = useStoragePersistence();
  const text = { persisted: m.me.storagePersisted, 'best-effort': m.me.storageBestEffort, unsupported: m.me.storageUnknown, unknown: m.me.storageUnknown }[persistence];
  return (
    <>
      <dt>{m.me.storage}</dt>
      <dd data-testid="me-storage" data-persistence={persistence}>
        {text}
      </dd>
    </>
  );
}
