import type { ElectionPhase, ElectionQuestion, Slot, SlotChoice, VoterElection } from '@kumiai/shared';
import { slotsOf } from '@kumiai/shared';

/**
 * The member's choices on the vote screen, one per Belenios slot (`slotsOf`):
 * nothing yet, 白票 (blank, an explicit choice), or the answers picked.
 */
export type SlotState = { kind: 'unanswered' } | { kind: 'blank' } | { kind: 'picked'; picked: readonly string[] };

export const unanswered: SlotState = { kind: 'unanswered' };

export function initialChoices(questions: readonly ElectionQuestion[]): SlotState[] {
  return slotsOf(questions).map(() => unanswered);
}

/** One answer of a slot chosen or unchosen: a slot of one answer swaps it, a slot of several toggles it (never beyond `max`). */
export function toggleAnswer(state: SlotState, slot: Slot, answer: string): SlotState {
  if (!slot.answers.includes(answer)) return state;
  const picked = state.kind === 'picked' ? state.picked : [];
  if (slot.max === 1) return { kind: 'picked', picked: [answer] };
  if (picked.includes(answer)) {
    const rest = picked.filter((a) => a !== answer);
    return rest.length === 0 ? unanswered : { kind: 'picked', picked: rest };
  }
  if (picked.length >= slot.max) return state;
  // Kept in the slot's order, so the review lists them as the ballot does.
  return { kind: 'picked', picked: slot.answers.filter((a) => a === answer || picked.includes(a)) };
}

/** Whether a slot's choice may go on the ballot. */
export function isAnswered(state: SlotState, slot: Slot): boolean {
  if (state.kind === 'blank') return true;
  return state.kind === 'picked' && state.picked.length >= slot.min && state.picked.length <= slot.max;
}

/** The choices as `plaintextFor` takes them, or null while a slot is unanswered or not allowed. */
export function toSlotChoices(states: readonly SlotState[], slots: readonly Slot[]): SlotChoice[] | null {
  if (states.length !== slots.length) return null;
  const out: SlotChoice[] = [];
  for (const [i, s] of states.entries()) {
    if (!isAnswered(s, slots[i]!)) return null;
    out.push(s.kind === 'blank' ? { blank: true } : { picked: s.kind === 'picked' ? [...s.picked] : [] });
  }
  return out;
}

/** Where an election stands for this member, as the screens say it. */
export type VoterStatus = 'not_open' | 'open' | 'voted_online' | 'voted_paper' | 'closed' | 'published';

/** The window on the device's clock (the server's clock decides when a ballot is cast). */
export function phaseAt(now: number, e: Pick<VoterElection, 'opensAt' | 'closesAt'>): ElectionPhase {
  return now < e.opensAt ? 'before' : now < e.closesAt ? 'open' : 'after';
}

export function voterStatus(e: Pick<VoterElection, 'state' | 'opensAt' | 'closesAt' | 'voted'>, now: number): VoterStatus {
  if (e.state === 'published') return 'published';
  if (e.state !== 'ready') return 'closed';
  const phase = phaseAt(now, e);
  if (phase === 'before') return 'not_open';
  if (phase === 'after') return 'closed';
  if (e.voted === 'paper') return 'voted_paper';
  return e.voted === 'online' ? 'voted_online' : 'open';
}

/** Open and not yet voted: what the home card asks of the member. */
export const awaitsVote = (e: Pick<VoterElection, 'state' | 'opensAt' | 'closesAt' | 'voted'>, now: number): boolean => voterStatus(e, now) === 'open';
