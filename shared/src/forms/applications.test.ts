import { describe, expect, it } from 'vitest';
import { applicationActions, applicationStates, stepApprovers, transition, type ApplicationAction, type ApplicationState, type TransitionContext } from './applications.ts';

type Actor = 'applicant' | 'approver' | 'other_officer' | 'treasurer';
const actors: Actor[] = ['applicant', 'approver', 'other_officer', 'treasurer'];
const ctxFor = (actor: Actor): TransitionContext => ({
  applicantId: 'app',
  actorId: { applicant: 'app', approver: 'ap1', other_officer: 'off9', treasurer: 'tr1' }[actor],
  currentApprovers: ['ap1'],
  actorMayPay: actor === 'treasurer',
});

/**
 * The expected table, written by hand: for a three-step chain at step 1 (when
 * in review), which state each action by each actor leads to, or why not.
 */
const EXPECTED: Record<ApplicationState, Record<ApplicationAction, Record<Actor, string>>> = {
  draft: {
    submit: { applicant: 'in_review@0', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
    approve: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    return: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    reject: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    pay: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    withdraw: { applicant: 'withdrawn', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
  },
  in_review: {
    submit: { applicant: 'wrong_state', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
    approve: { applicant: 'own_application', approver: 'in_review@2', other_officer: 'not_current_approver', treasurer: 'not_current_approver' },
    return: { applicant: 'own_application', approver: 'returned', other_officer: 'not_current_approver', treasurer: 'not_current_approver' },
    reject: { applicant: 'own_application', approver: 'rejected', other_officer: 'not_current_approver', treasurer: 'not_current_approver' },
    pay: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    withdraw: { applicant: 'withdrawn', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
  },
  returned: {
    submit: { applicant: 'in_review@0', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
    approve: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    return: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    reject: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    pay: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    withdraw: { applicant: 'withdrawn', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
  },
  approved: {
    submit: { applicant: 'wrong_state', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
    approve: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    return: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    reject: { applicant: 'wrong_state', approver: 'wrong_state', other_officer: 'wrong_state', treasurer: 'wrong_state' },
    pay: { applicant: 'own_application', approver: 'not_treasurer', other_officer: 'not_treasurer', treasurer: 'paid' },
    withdraw: { applicant: 'wrong_state', approver: 'not_applicant', other_officer: 'not_applicant', treasurer: 'not_applicant' },
  },
  rejected: {} as never,
  paid: {} as never,
  withdrawn: {} as never,
};
// Final states refuse everything: by the applicant with wrong_state, by others with not_applicant (submit, withdraw) or wrong_state.
for (const state of ['rejected', 'paid', 'withdrawn'] as const) {
  EXPECTED[state] = Object.fromEntries(
    applicationActions.map((action) => [
      action,
      Object.fromEntries(actors.map((actor) => [actor, (action === 'submit' || action === 'withdraw') && actor !== 'applicant' ? 'not_applicant' : 'wrong_state'])),
    ]),
  ) as Record<ApplicationAction, Record<Actor, string>>;
}

describe('application transitions: every state × action × actor', () => {
  for (const state of applicationStates) {
    for (const action of applicationActions) {
      for (const actor of actors) {
        it(`${state} · ${action} · ${actor}`, () => {
          const result = transition({ state, step: state === 'in_review' ? 1 : 0, steps: 3 }, action, ctxFor(actor));
          const got = result.ok ? (result.status.state === 'in_review' ? `in_review@${result.status.step}` : result.status.state) : result.reason;
          expect(got).toBe(EXPECTED[state][action][actor]);
        });
      }
    }
  }

  it('the last step’s approval approves; a chain of no steps approves on submit', () => {
    const last = transition({ state: 'in_review', step: 2, steps: 3 }, 'approve', ctxFor('approver'));
    expect(last).toEqual({ ok: true, status: { state: 'approved', step: 0, steps: 3 } });
    expect(transition({ state: 'draft', step: 0, steps: 0 }, 'submit', ctxFor('applicant'))).toMatchObject({ ok: true, status: { state: 'approved' } });
  });

  it('an applicant who is also the step’s approver still cannot approve their own application', () => {
    const ctx = { ...ctxFor('applicant'), currentApprovers: ['app', 'ap1'] };
    expect(transition({ state: 'in_review', step: 0, steps: 2 }, 'approve', ctx)).toEqual({ ok: false, reason: 'own_application' });
  });
});

describe('approvers of a step', () => {
  // union ─ branch ─ workplace
  const path = ['u', 'b', 'w'];
  const grants: Record<string, Record<string, string[]>> = { w: { officer: ['wo'] }, b: { officer: ['bo'] }, u: { treasurer: ['tr'], officer: ['uo'] } };
  const holders = (unit: string, role: string) => grants[unit]?.[role] ?? [];

  it('finds the role holders at the level relative to the applicant’s unit, or the union', () => {
    expect(stepApprovers({ role: 'officer', level: 0 }, path, 'm', holders)).toEqual({ unitId: 'w', approvers: ['wo'] });
    expect(stepApprovers({ role: 'officer', level: 1 }, path, 'm', holders)).toEqual({ unitId: 'b', approvers: ['bo'] });
    expect(stepApprovers({ role: 'treasurer', level: 'union' }, path, 'm', holders)).toEqual({ unitId: 'u', approvers: ['tr'] });
  });

  it('escalates a step whose only approver is the applicant to the next level up', () => {
    expect(stepApprovers({ role: 'officer', level: 0 }, path, 'wo', holders)).toEqual({ unitId: 'b', approvers: ['bo'] });
    expect(stepApprovers({ role: 'officer', level: 1 }, path, 'bo', holders)).toEqual({ unitId: 'u', approvers: ['uo'] });
    expect(stepApprovers({ role: 'treasurer', level: 'union' }, path, 'tr', holders)).toEqual({ unitId: null, approvers: [] });
  });

  it('falls back to the union’s admins when nobody up to the union holds the role, never to the applicant', () => {
    const withAdmins = (unit: string, role: string) => (unit === 'u' && role === 'admin' ? ['ad', 'tr'] : holders(unit, role));
    expect(stepApprovers({ role: 'treasurer', level: 'union' }, path, 'tr', withAdmins)).toEqual({ unitId: 'u', approvers: ['ad'] });
    const noOfficers = (unit: string, role: string) => (role === 'officer' ? [] : withAdmins(unit, role));
    expect(stepApprovers({ role: 'officer', level: 0 }, path, 'm', noOfficers)).toEqual({ unitId: 'u', approvers: ['ad', 'tr'] });
    // The admins themselves as the step's role: no further fallback.
    expect(stepApprovers({ role: 'admin', level: 'union' }, path, 'm', () => [])).toEqual({ unitId: null, approvers: [] });
  });
});
