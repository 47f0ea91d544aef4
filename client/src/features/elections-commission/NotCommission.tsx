import { useI18n } from '../../i18n/use-i18n.ts';

/** Said in place of the commission's screens to anyone without the role, admins included: why they cannot. */
export function NotCommission() {
  const { m } = useI18n();
  return (
    <section className="card stack" aria-labelledby="not-commission-title" data-testid="elections-not-commission">
      <h1 id="not-commission-title">{m.electionsCommission.listTitle}</h1>
      <p>{m.electionsCommission.notCommission}</p>
    </section>
  );
}
