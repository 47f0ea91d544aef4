import type { ElectionQuestion, Slot } from '@kumiai/shared';
import { isConfidenceVote, NO, YES } from '@kumiai/shared';
import type { Lang, Messages } from '../../i18n/types.ts';
import { pickText, type PickedText } from '../../ui/content-language.ts';
import type { SlotState, VoterStatus } from './choices.ts';

const ui = (text: string, lang: Lang): PickedText => ({ text, lang });

/** An answer of a question as the member reads it: 賛成/反対, 信任/不信任, or the option's name in their language. */
export function answerLabel(q: ElectionQuestion, answer: string, m: Messages, lang: Lang): PickedText {
  const t = m.elections;
  if (answer === YES) return ui(isConfidenceVote(q) ? t.confidence : t.yes, lang);
  if (answer === NO) return ui(isConfidenceVote(q) ? t.noConfidence : t.no, lang);
  const o = q.options.find((x) => x.id === answer);
  return o ? pickText(o.name, o.nameEn, lang) : ui(answer, lang);
}

/** A slot's heading: the question, and for a 信任投票 the candidate it is about. */
export function slotTitle(q: ElectionQuestion, slot: Slot, lang: Lang): PickedText {
  const title = pickText(q.title, q.titleEn, lang);
  const c = slot.candidateId ? q.options.find((o) => o.id === slot.candidateId) : undefined;
  if (!c) return title;
  const name = pickText(c.name, c.nameEn, lang);
  return { text: `${title.text}: ${name.text}`, lang: title.lang === name.lang ? title.lang : lang };
}

/** What a slot asks: confidence or not, yes or no, pick one, or up to n. */
export function slotHint(q: ElectionQuestion, slot: Slot, m: Messages): string {
  const t = m.elections;
  if (slot.candidateId) return t.confidenceHint;
  if (slot.max === 1) return t.pickOne;
  return (q.kind === 'officer' ? t.upTo : t.upToOptions).replace('{n}', String(slot.max));
}

/** The member's choice for a slot in words (the review screen). */
export function choiceText(q: ElectionQuestion, state: SlotState, m: Messages, lang: Lang): string {
  if (state.kind === 'blank') return m.elections.blankRow;
  if (state.kind === 'unanswered') return '—';
  return state.picked.map((a) => answerLabel(q, a, m, lang).text).join(lang === 'ja' ? '、' : ', ');
}

export function statusText(status: VoterStatus, m: Messages): string {
  const t = m.elections;
  return { not_open: t.statusNotOpen, open: t.statusOpen, voted_online: t.statusVotedOnline, voted_paper: t.statusVotedPaper, closed: t.statusClosed, published: t.statusPublished }[status];
}
