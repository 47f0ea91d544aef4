import { useI18n } from '../../i18n/use-i18n.ts';

/** Said in place of the officers' meeting screens to anyone without meeting.manage: why they cannot. */
export function NotOfficer() {
  const { m } = useI18n();
  return (
    <section className="card stack" aria-labelledby="not-meeting-officer-title" data-testid="meetings-not-officer">
      <h1 id="not-meeting-officer-title">{m.meetingsOfficer.listTitle}</h1>
      <p>{m.meetingsOfficer.notOfficer}</p>
    </section>
  );
}
