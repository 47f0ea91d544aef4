import type { AuditPage } from '@kumiai/shared';
import { apiGet, query } from '../../api/client.ts';

/** What the officer filters the log by; empty strings are "any". */
export interface AuditFilter {
  /** A member id (resolved from the employee number typed). */
  actor: string;
  action: string;
  from: string;
  to: string;
}

export const noFilter: AuditFilter = { actor: '', action: '', from: '', to: '' };

function params(filter: AuditFilter): Record<string, string> {
  return { actor: filter.actor, action: filter.action, from: filter.from, to: filter.to };
}

export function fetchAuditPage(filter: AuditFilter, before: string | null, signal?: AbortSignal): Promise<AuditPage> {
  return apiGet<AuditPage>(`/api/audit${query({ ...params(filter), before })}`, signal ? { signal } : {});
}

/** The CSV of everything the filter selects (not only the pages shown). */
export function exportHref(filter: AuditFilter): string {
  return `/api/audit/export.csv${query(params(filter))}`;
}

/** The member with exactly this employee number, or null. */
export async function memberByEmployeeNumber(employeeNumber: string): Promise<{ id: string; name: string } | null> {
  const wanted = employeeNumber.normalize('NFKC').trim();
  const { members } = await apiGet<{ members: { id: string; name: string; employeeNumber: string }[] }>(`/api/members${query({ q: wanted, limit: '20' })}`);
  return members.find((m) => m.employeeNumber === wanted) ?? null;
}
