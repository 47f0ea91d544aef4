import type { FromSchema } from 'json-schema-to-ts';
import type { Actor } from '../permissions.ts';
import type { WriteProblem } from './protocol.ts';

/** The reactions a member may leave on a notice: a small fixed set, so they stay a signal and never become a second comment box. */
export const REACTION_EMOJI = ['👍', '❤️', '🙏', '👏', '😮', '✊'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJI)[number];

/**
 * `notice_comments`: comments and reactions (`kind`) on a notice, created on
 * the device (offline too). A reaction's id is `${noticeId}:${authorId}:${emoji}`,
 * so a member has at most one of each emoji per notice. A hidden comment
 * (`hidden`, set by officers on the server) reaches every reader with its text
 * emptied: the projection is the same for all readers.
 */
export const noticeCommentDocSchema = {
  title: 'notice_comments',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'noticeId', 'authorId', 'kind', 'text', 'emoji', 'hidden', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 160 },
    noticeId: { type: 'string', maxLength: 64 },
    authorId: { type: 'string', maxLength: 64 },
    /** Server-set: the author's name, for display. */
    authorName: { type: 'string', maxLength: 100 },
    kind: { type: 'string', enum: ['comment', 'reaction'] },
    text: { type: 'string', maxLength: 2000 },
    emoji: { type: ['string', 'null'], enum: [null, ...REACTION_EMOJI] },
    /** Server-set: hidden by an officer (its text is then sent empty). */
    hidden: { type: 'boolean' },
    createdAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
    /** Server-set: milliseconds of the last change. */
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
  indexes: ['noticeId'],
} as const;
export type NoticeCommentDoc = FromSchema<typeof noticeCommentDocSchema>;

/** Fields only the server sets: a device's values for them are ignored. */
export const COMMENT_SERVER_OWNED = ['authorName', 'hidden', 'createdAt', 'updatedAt'] as const;

export const reactionId = (noticeId: string, authorId: string, emoji: string) => `${noticeId}:${authorId}:${emoji}`;

/** What the write rule needs to know about the parent notice, looked up by the server. */
export interface CommentParent {
  /** The writer may read the notice now (the same rule pulls use). */
  readable: boolean;
  allowComments: boolean;
}

/**
 * The write rule of `notice_comments`: a member writes only as themselves,
 * only on a notice they can read that allows comments; edits only the text of
 * their own visible comment; deletes only their own comment or reaction.
 */
export function commentWriteProblem(actor: Actor, master: NoticeCommentDoc | null, next: NoticeCommentDoc, deleted: boolean, parent: CommentParent): WriteProblem | null {
  if (!master) {
    if (deleted) return { code: 'forbidden' };
    if (next.authorId !== actor.memberId) return { code: 'forbidden_field', field: 'authorId' };
    if (!parent.readable) return { code: 'not_found' };
    if (!parent.allowComments) return { code: 'closed' };
    if (next.kind === 'reaction') {
      if (next.emoji === null || next.text !== '') return { code: 'schema_invalid', field: 'emoji' };
      if (next.id !== reactionId(next.noticeId, next.authorId, next.emoji)) return { code: 'forbidden_field', field: 'id' };
    } else if (next.emoji !== null || next.text.trim() === '') return { code: 'schema_invalid', field: 'text' };
    return null;
  }
  if (master.authorId !== actor.memberId) return { code: 'forbidden' };
  if (deleted) return null; // one's own comment or reaction may always be taken back
  for (const field of ['noticeId', 'authorId', 'kind', 'emoji'] as const) {
    if (master[field] !== next[field]) return { code: 'forbidden_field', field };
  }
  if (master.kind === 'reaction') return { code: 'forbidden_field', field: 'text' };
  if (master.hidden) return { code: 'forbidden' };
  if (!parent.allowComments) return { code: 'closed' };
  if (next.text.trim() === '') return { code: 'schema_invalid', field: 'text' };
  return null;
}
