import type {
  ArrearsRow, CheckoffReport, DirectPaymentInput, DuesPolicyInput, DuesRuleInput, DuesRuleView, DuesSettings, EmployerMapping, ExemptionInput, ExemptionView,
  UnitTotals, YearSummary,
} from '@kumiai/shared';
import { apiDelete, apiGet, apiPost, apiPut, apiRequest, query } from '../../api/client.ts';

/** The treasurers' dues routes (shared/src/dues/api.ts); online only. */
export const duesApi = {
  policy: (signal?: AbortSignal) => apiGet<DuesSettings>('/api/dues/policy', { signal }),
  setPolicy: (input: DuesPolicyInput) => apiPut<DuesSettings>('/api/dues/policy', input),
  rules: (signal?: AbortSignal) => apiGet<{ rules: DuesRuleView[] }>('/api/dues/rules', { signal }),
  addRule: (input: DuesRuleInput) => apiPost<DuesRuleView>('/api/dues/rules', input),
  deleteRule: (id: string) => apiDelete<{ id: string }>(`/api/dues/rules/${encodeURIComponent(id)}`),
  exemptions: (member: string, signal?: AbortSignal) => apiGet<{ exemptions: ExemptionView[] }>(`/api/dues/exemptions${query({ member })}`, { signal }),
  addExemption: (input: ExemptionInput) => apiPost<ExemptionView>('/api/dues/exemptions', input),
  deleteExemption: (id: string) => apiDelete<{ id: string }>(`/api/dues/exemptions/${encodeURIComponent(id)}`),
  employers: (signal?: AbortSignal) => apiGet<{ employers: EmployerMapping[] }>('/api/dues/employers', { signal }),
  /** `search` from `checkoffQuery` (checkoff-report.ts); the file goes as its own bytes. */
  checkoff: (search: string, file: Blob) => apiRequest<{ report: CheckoffReport }>('POST', `/api/dues/checkoff${search}`, file, { contentType: 'text/csv' }),
  pay: (input: DirectPaymentInput) => apiPost<{ id: string }>('/api/dues/payments', input),
  totals: (month: string, signal?: AbortSignal) => apiGet<{ month: string; units: UnitTotals[] }>(`/api/dues/totals${query({ month })}`, { signal }),
  summary: (year: string, unit: string, signal?: AbortSignal) => apiGet<YearSummary>(`/api/dues/summary${query({ year, unit })}`, { signal }),
  arrears: (asOf: string, signal?: AbortSignal) => apiGet<{ asOf: string; members: ArrearsRow[] }>(`/api/dues/arrears${query({ asOf })}`, { signal }),
};

/** The export routes, as plain links (the browser downloads the CSV with the session cookie). */
export const exportLinks = {
  month: (month: string) => `/api/dues/export.csv${query({ month })}`,
  year: (year: string) => `/api/dues/export.csv${query({ year })}`,
  totals: (year: string) => `/api/dues/totals.csv${query({ year })}`,
};
