import { describe, expect, it } from 'vitest';
import type { ElectionQuestion } from './api.ts';
import { electionOutcome, electionPhase, isEligible, type OutcomeInput } from './rules.ts';

const electorate = { unitIds: ['bA'], classes: ['regular'] };
const strike: ElectionQuestion = { id: 'strike', kind: 'yes_no', title: 'スト権', options: [], threshold: 'simple', base: 'valid', tie: 'not_approved' };
const cand = (id: string) => ({ id, name: id });
const officers: ElectionQuestion = { id: 'board', kind: 'officer', title: '執行委員', seats: 2, options: [cand('a'), cand('b'), cand('c'), cand('d')], threshold: 'simple', base: 'valid', tie: 'lot' };
const confidence: ElectionQuestion = { id: 'chair', kind: 'officer', title: '委員長', seats: 2, options: [cand('x'), cand('y')], threshold: 'simple', base: 'valid', tie: 'not_approved' };
const choice: ElectionQuestion = { id: 'date', kind: 'choice', title: '日程', options: [cand('mon'), cand('tue'), cand('wed')], threshold: 'simple', base: 'valid', tie: 'runoff' };

const outcome = (questions: ElectionQuestion[], online: number[][], extra: Partial<OutcomeInput> = {}) =>
  electionOutcome({ questions, online, paper: null, electorate: 100, turnout: { online: 60, paper: 0 }, quorumPercent: 50, ...extra });

describe('eligibility', () => {
  it.each([
    ['in the subtree, of the class', { unitPath: ['u', 'bA', 'wA1'], memberClass: 'regular', status: 'active' as const }, true],
    ['on leave still votes', { unitPath: ['u', 'bA'], memberClass: 'regular', status: 'on_leave' as const }, true],
    ['left is excluded', { unitPath: ['u', 'bA', 'wA1'], memberClass: 'regular', status: 'left' as const }, false],
    ['another branch', { unitPath: ['u', 'bB', 'wB1'], memberClass: 'regular', status: 'active' as const }, false],
    ['above the unit', { unitPath: ['u'], memberClass: 'regular', status: 'active' as const }, false],
    ['another class', { unitPath: ['u', 'bA'], memberClass: 'part_time', status: 'active' as const }, false],
  ])('%s', (_, member, expected) => expect(isEligible(member, electorate)).toBe(expected));

  it('an empty class list takes every class', () => {
    expect(isEligible({ unitPath: ['u', 'bA'], memberClass: 'part_time', status: 'active' }, { unitIds: ['bA'], classes: [] })).toBe(true);
  });
});

describe('window', () => {
  const w = { opensAt: 1000, closesAt: 2000 };
  it.each([
    [999, 'before'],
    [1000, 'open'],
    [1999, 'open'],
    [2000, 'after'],
    [2001, 'after'],
  ])('at %i: %s (closesAt exclusive)', (now, phase) => expect(electionPhase(now, w)).toBe(phase));
});

describe('outcome', () => {
  it.each([
    // [name, question changes, [blank, yes, no], electorate, decision]
    ['simple majority of valid: yes > half', {}, [5, 31, 30], 100, 'approved'],
    ['blank counted as cast, not valid: 31 of 61 valid passes, of cast (71) fails', { base: 'cast' as const }, [10, 31, 30], 100, 'rejected'],
    ['blank does not count against a majority of valid', {}, [40, 11, 10], 100, 'approved'],
    ['two thirds of valid: exactly two thirds passes', { threshold: 'two_thirds' as const }, [0, 40, 20], 100, 'approved'],
    ['two thirds of valid: one short fails', { threshold: 'two_thirds' as const }, [0, 39, 21], 100, 'rejected'],
    ['two thirds of the electorate: 66 of 100 fails even if everyone else said no', { threshold: 'two_thirds' as const, base: 'electorate' as const }, [0, 66, 0], 100, 'rejected'],
    ['two thirds of the electorate: 67 of 100 passes', { threshold: 'two_thirds' as const, base: 'electorate' as const }, [0, 67, 1], 100, 'approved'],
    ['tie under not_approved approves nothing', {}, [0, 30, 30], 100, 'rejected'],
    ['tie under lot goes to the stated rule', { tie: 'lot' as const }, [0, 30, 30], 100, 'tie'],
    ['nobody voted yes or no', { tie: 'lot' as const }, [60, 0, 0], 100, 'rejected'],
  ])('yes/no: %s', (_, change, row, electorateWeight, decision) => {
    const r = outcome([{ ...strike, ...change }], [row], { electorate: electorateWeight });
    expect(r.questions[0]!.decision).toBe(decision);
    expect(r.questions[0]!.valid).toBe(row[1]! + row[2]!);
    expect(r.questions[0]!.cast).toBe(row[0]! + row[1]! + row[2]!);
  });

  it('adds paper to online per answer and shows both', () => {
    const r = electionOutcome({ questions: [strike], online: [[1n, 20n, 25n]], paper: [[2, 10, 0]], electorate: 100, turnout: { online: 46, paper: 12 }, quorumPercent: 50 });
    expect(r.turnout).toEqual({ online: 46, paper: 12, total: 58 });
    expect(r.questions[0]).toMatchObject({
      counts: [
        { answer: 'yes', online: 20, paper: 10, total: 30 },
        { answer: 'no', online: 25, paper: 0, total: 25 },
      ],
      blank: { online: 1, paper: 2, total: 3 },
      valid: 55,
      cast: 58,
      decision: 'approved',
    });
  });

  it.each([
    [49, false],
    [50, true],
  ])('quorum 50%% with turnout %i of 100: met %s', (turnout, met) => {
    const r = outcome([strike], [[0, 40, 0]], { turnout: { online: turnout - 10, paper: 10 } });
    expect(r.quorumMet).toBe(met);
    expect(r.questions[0]!.decision).toBe(met ? 'approved' : 'no_quorum');
  });

  it('信任投票: one yes/no outcome per candidate when candidates do not exceed seats', () => {
    const r = outcome([confidence], [
      [2, 40, 10],
      [0, 20, 30],
    ]);
    expect(r.questions.map((q) => [q.candidateId, q.decision])).toEqual([
      ['x', 'approved'],
      ['y', 'rejected'],
    ]);
  });

  it.each([
    ['clear cut', 'lot', [0, 30, 20, 10, 5], 'elected', ['a', 'b'], []],
    ['tie at the cut under lot', 'lot', [0, 30, 20, 20, 5], 'tie', ['a'], ['b', 'c']],
    ['tie at the cut under runoff', 'runoff', [0, 30, 20, 20, 5], 'tie', ['a'], ['b', 'c']],
    ['tie at the cut under not_approved elects only those above', 'not_approved', [0, 30, 20, 20, 5], 'elected', ['a'], ['b', 'c']],
    ['tie above the cut elects both', 'lot', [0, 30, 30, 20, 5], 'elected', ['a', 'b'], []],
  ] as const)('officer election, 2 seats: %s', (_, tie, row, decision, winners, tied) => {
    const r = outcome([{ ...officers, tie }], [[...row]]);
    const q = r.questions[0]!;
    expect(q.decision).toBe(decision);
    expect(q.winners).toEqual(winners);
    expect(q.tied).toEqual(tied);
    expect(q.valid).toBe(row.slice(1).reduce((a: number, b: number) => a + b, 0));
  });

  it('choice: the most voted option, a tie at the top goes to the stated rule', () => {
    expect(outcome([choice], [[0, 5, 9, 3]]).questions[0]).toMatchObject({ decision: 'chosen', winners: ['tue'], tied: [] });
    expect(outcome([choice], [[0, 9, 9, 3]]).questions[0]).toMatchObject({ decision: 'tie', winners: [], tied: ['mon', 'tue'] });
  });

  it('several questions map to their slots in order', () => {
    const r = outcome([strike, confidence, officers], [
      [0, 40, 10],
      [0, 40, 10],
      [0, 5, 45],
      [0, 1, 2, 3, 4],
    ]);
    expect(r.questions.map((q) => [q.questionId, q.candidateId ?? null, q.decision])).toEqual([
      ['strike', null, 'approved'],
      ['chair', 'x', 'approved'],
      ['chair', 'y', 'rejected'],
      ['board', null, 'elected'],
    ]);
    expect(r.questions[3]!.winners).toEqual(['d', 'c']);
  });
});
