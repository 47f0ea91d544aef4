import type { ApiResource } from '../../api/use-api-resource.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Loading or failed (with a retry) for an online read; nothing once it has data. */
export function ApiState({ resource, testId }: { resource: Pick<ApiResource<unknown>, 'data' | 'error' | 'reload'>; testId: string }) {
  const { m } = useI18n();
  if (resource.error) {
    return (
      <div className="stack">
        <ErrorAlert code={resource.error} testId={`${testId}-error`} />
        <button type="button" className="button" onClick={resource.reload}>
          {m.duesOfficer.retry}
        </button>
      </div>
    );
  }
  if (resource.data === null) return <p role="status">{m.duesOfficer.loading}</p>;
  return null;
}
