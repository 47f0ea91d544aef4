import { stepApprovers, type ApprovalStep } from '@kumiai/shared';
import type { ActorRepo } from '../auth/index.ts';
import type { FormsRepo } from './forms-repo.ts';

export interface ChainStep {
  step: number;
  role: ApprovalStep['role'];
  unitId: string | null;
  approvers: string[];
}

/**
 * Who acts at each step of an application's chain: the step's role holders
 * at its level above the applicant's unit (as it was when submitted), a step
 * whose only holder is the applicant escalating upwards (shared stepApprovers).
 */
export function resolveChain(repo: FormsRepo, actors: ActorRepo, steps: readonly ApprovalStep[], unitId: string | null, applicantId: string): ChainStep[] {
  const path = unitId ? actors.unitPath(unitId) : [];
  const holders = new Map<string, string[]>();
  const holdersOf = (unit: string, role: ApprovalStep['role']) => {
    const key = `${unit}\u0000${role}`;
    if (!holders.has(key)) holders.set(key, repo.holders(unit, role));
    return holders.get(key)!;
  };
  return steps.map((step, index) => ({
    step: index,
    role: step.role,
    ...(path.length > 0 ? stepApprovers(step, path, applicantId, holdersOf) : { unitId: null, approvers: [] }),
  }));
}
