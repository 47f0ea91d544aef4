import { useI18n } from '../../i18n/use-i18n.ts';

/** Said in place of the federation screens to anyone who is not an administrator. */
export function NotAllowed() {
  const { m } = useI18n();
  return (
    <section className="card stack" aria-labelledby="fed-not-allowed" data-testid="federation-not-allowed">
      <h1 id="fed-not-allowed">{m.federation.title}</h1>
      <p>{m.federation.notAllowed}</p>
    </section>
  );
}
