import type { ElectionQuestion, VoterElection } from '@kumiai/shared';
import { plaintextFor, slotsOf } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { awaitsVote, initialChoices, isAnswered, toggleAnswer, toSlotChoices, unanswered, voterStatus, type SlotState } from './choices.ts';

const base = { threshold: 'simple', base: 'valid', tie: 'lot' } as const;
/** スト権 (yes_no), 執行委員 (3 candidates, 2 seats), 会計監査 信任投票 (2 candidates, 2 seats → one slot each), a choice of 1 among 3. */
const QUESTIONS: ElectionQuestion[] = [
  { ...base, id: 'strike', kind: 'yes_no', title: 'スト権', options: [] },
  { ...base, id: 'board', kind: 'officer', title: '執行委員', seats: 2, options: [{ id: 'a', name: '青木' }, { id: 'b', name: '馬場' }, { id: 'c', name: '千葉' }] },
  { ...base, id: 'audit', kind: 'officer', title: '会計監査', seats: 2, options: [{ id: 'e', name: '遠藤' }, { id: 'f', name: '藤田' }] },
  { ...base, id: 'place', kind: 'choice', title: '会場', maxChoices: 1, options: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }, { id: 'z', name: 'Z' }] },
];
const slots = slotsOf(QUESTIONS);

describe('the vote screen’s choices → SlotChoice[]', () => {
  it('starts with every slot unanswered and gives no ballot until each has a choice or 白票', () => {
    const start = initialChoices(QUESTIONS);
    expect(start).toHaveLength(5);
    expect(toSlotChoices(start, slots)).toBeNull();
    const almost: SlotState[] = [{ kind: 'picked', picked: ['yes'] }, { kind: 'blank' }, { kind: 'blank' }, { kind: 'blank' }, unanswered];
    expect(toSlotChoices(almost, slots)).toBeNull();
  });

  it('turns picks and blanks into the slots’ choices, which plaintextFor accepts, blank first in each row', () => {
    let board: SlotState = unanswered;
    board = toggleAnswer(board, slots[1]!, 'c');
    board = toggleAnswer(board, slots[1]!, 'a');
    const states: SlotState[] = [toggleAnswer(unanswered, slots[0]!, 'no'), board, toggleAnswer(unanswered, slots[2]!, 'yes'), { kind: 'blank' }, toggleAnswer(unanswered, slots[4]!, 'y')];
    const choices = toSlotChoices(states, slots);
    expect(choices).toEqual([{ picked: ['no'] }, { picked: ['a', 'c'] }, { picked: ['yes'] }, { blank: true }, { picked: ['y'] }]);
    expect(plaintextFor(QUESTIONS, choices!)).toEqual([
      [0, 0, 1],
      [0, 1, 0, 1],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('never picks more than the seats, swaps the answer of a one-answer slot, and unpicking the last leaves it unanswered', () => {
    let s: SlotState = unanswered;
    for (const a of ['a', 'b', 'c']) s = toggleAnswer(s, slots[1]!, a);
    expect(s).toEqual({ kind: 'picked', picked: ['a', 'b'] });
    s = toggleAnswer(toggleAnswer(s, slots[1]!, 'a'), slots[1]!, 'b');
    expect(s).toEqual(unanswered);
    expect(toggleAnswer(toggleAnswer(unanswered, slots[0]!, 'yes'), slots[0]!, 'no')).toEqual({ kind: 'picked', picked: ['no'] });
    expect(toggleAnswer(unanswered, slots[0]!, 'maybe')).toEqual(unanswered);
  });

  it('a pick after 白票 replaces the blank', () => {
    const s = toggleAnswer({ kind: 'blank' }, slots[1]!, 'b');
    expect(s).toEqual({ kind: 'picked', picked: ['b'] });
    expect(isAnswered(s, slots[1]!)).toBe(true);
  });
});

describe('where an election stands for the member', () => {
  const e = (over: Partial<VoterElection>): Pick<VoterElection, 'state' | 'opensAt' | 'closesAt' | 'voted'> => ({ state: 'ready', opensAt: 1000, closesAt: 2000, voted: null, ...over });
  it('follows the window on the device’s clock, closesAt exclusive, and the member’s vote', () => {
    expect(voterStatus(e({}), 999)).toBe('not_open');
    expect(voterStatus(e({}), 1000)).toBe('open');
    expect(voterStatus(e({}), 2000)).toBe('closed');
    expect(voterStatus(e({ voted: 'online' }), 1500)).toBe('voted_online');
    expect(voterStatus(e({ voted: 'paper' }), 1500)).toBe('voted_paper');
    expect(voterStatus(e({ state: 'tallying' }), 1500)).toBe('closed');
    expect(voterStatus(e({ state: 'published', voted: 'online' }), 3000)).toBe('published');
  });
  it('asks for a vote only while open and not yet voted (online or on paper)', () => {
    expect(awaitsVote(e({}), 1500)).toBe(true);
    expect(awaitsVote(e({ voted: 'online' }), 1500)).toBe(false);
    expect(awaitsVote(e({ voted: 'paper' }), 1500)).toBe(false);
    expect(awaitsVote(e({}), 2500)).toBe(false);
  });
});
