import { REACTION_EMOJI, reactionId, type NoticeCommentDoc, type ReactionEmoji } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { newReaction } from './use-comments.ts';

interface Props {
  noticeId: string;
  memberId: string;
  reactions: readonly NoticeCommentDoc[];
}

/** The allow-listed reactions as toggle buttons with counts; a press writes (or takes back) the member's own reaction on the device. */
export function Reactions({ noticeId, memberId, reactions }: Props) {
  const { m } = useI18n();
  const db = useSyncDatabase();

  async function toggle(emoji: ReactionEmoji): Promise<void> {
    if (!db) return;
    const id = reactionId(noticeId, memberId, emoji);
    const mine = await db.notice_comments.findOne(id).exec();
    if (mine) {
      await mine.remove();
      return;
    }
    await db.notice_comments.insert(newReaction(noticeId, memberId, emoji));
  }

  return (
    <div className="reaction-bar" role="group" aria-label={m.comments.reactions} data-testid="reactions">
      {REACTION_EMOJI.map((emoji) => {
        const count = reactions.filter((r) => r.emoji === emoji).length;
        const pressed = reactions.some((r) => r.emoji === emoji && r.authorId === memberId);
        return (
          <button
            key={emoji}
            type="button"
            className="button button-small reaction"
            aria-pressed={pressed}
            aria-label={format(m.comments.reactionLabel, { name: m.comments.emojiNames[emoji], count })}
            onClick={() => void toggle(emoji)}
            data-testid="reaction"
            data-emoji={emoji}
            data-count={count}
          >
            <span aria-hidden="true">
              {emoji} {count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
