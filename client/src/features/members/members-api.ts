import type { ActivationCard, MemberStatus, MemberView, Role, UpdateMemberRequest } from '@kumiai/shared';
import { apiDelete, apiGet, apiPatch, apiPost, query } from '../../api/client.ts';

export interface MemberFilter {
  q?: string;
  unitId?: string;
  status?: MemberStatus | '';
}

export interface MemberEvent {
  kind: string;
  from_unit: string | null;
  to_unit: string | null;
  from_status: string | null;
  to_status: string | null;
  effective_on: string | null;
  at: number;
}

export type MemberDetail = Omit<MemberView, 'roles'> & { history: MemberEvent[]; roles: { id: string; role: Role; unitId: string }[] };

export function listMembers(filter: MemberFilter, after: string | null, signal?: AbortSignal, limit = 50): Promise<{ members: MemberView[]; next: string | null }> {
  return apiGet(`/api/members${query({ q: filter.q?.trim(), unitId: filter.unitId, status: filter.status, after, limit: String(limit) })}`, { signal });
}

export function getMember(id: string, signal?: AbortSignal): Promise<MemberDetail> {
  return apiGet<{ member: MemberDetail }>(`/api/members/${encodeURIComponent(id)}`, { signal }).then((r) => r.member);
}

export function updateMember(id: string, request: UpdateMemberRequest): Promise<unknown> {
  return apiPatch(`/api/members/${encodeURIComponent(id)}`, request);
}

export function endSessions(id: string): Promise<{ ended: number }> {
  return apiPost(`/api/members/${encodeURIComponent(id)}/end-sessions`, {});
}

export function issueCodes(memberIds: string[]): Promise<ActivationCard[]> {
  return apiPost<{ cards: ActivationCard[] }>('/api/members/activation-codes', { memberIds }).then((r) => r.cards);
}

export function grantRole(memberId: string, unitId: string, role: Role): Promise<{ id: string }> {
  return apiPost('/api/roles', { memberId, unitId, role });
}

export function revokeRole(id: string): Promise<unknown> {
  return apiDelete(`/api/roles/${encodeURIComponent(id)}`);
}
