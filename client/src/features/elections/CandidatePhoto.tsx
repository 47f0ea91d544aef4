import { useSession } from '../auth/index.ts';
import { useFileHref } from '../../ui/files.ts';
import { devicePhoto } from './photos.ts';

/** A candidate's photo, from the device when it is kept there (offline too); its alt text is the candidate's name. */
export function CandidatePhoto({ hash, name }: { hash: string; name: string }) {
  const { me } = useSession();
  const memberId = me?.member.id ?? '';
  const { href } = useFileHref({ hash }, memberId, (h) => devicePhoto(memberId, h));
  return <img className="candidate-photo" src={href} alt={name} width={96} height={96} data-testid="candidate-photo" />;
}
