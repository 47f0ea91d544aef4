import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { listMembers } from './members-api.ts';

/** One page of the roster is read (the list API's largest); a bigger union sees "more than N". */
const READ = 500;

/** Officer home: how many active members in the officer's units have not signed in yet, with the way to their login cards. */
export function NotActivatedCard() {
  const { m } = useI18n();
  const t = m.membersHome;
  const fetched = useFetched(async (signal) => {
    const page = await listMembers({ status: 'active' }, null, signal, READ);
    return { count: page.members.filter((member) => !member.activated).length, more: page.next !== null };
  }, []);
  return (
    <section className="stack home-card" aria-labelledby="roster-home-title">
      <h3 id="roster-home-title">{t.title}</h3>
      {fetched.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : fetched.state === 'failed' ? (
        <p className="muted">{t.loadFailed}</p>
      ) : fetched.value.count === 0 ? (
        <p className="muted">{t.allActivated}</p>
      ) : (
        <>
          <p>
            <strong>{format(fetched.value.more ? t.notActivatedMore : t.notActivated, { n: fetched.value.count })}</strong> {t.notActivatedHint}
          </p>
          <p>
            <Link to="/members/cards" className="text-link">
              {t.printCards}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
