import { deskLevelOf, type ConsultationCategory, type ConsultationDoc, type ConsultationFile, type ConsultationStats, type ConsultationStatus, type DeskLevel, type PreferredContact } from '@kumiai/shared';

/**
 * The device's side of a consultation (相談): the documents it writes (a case,
 * a reply, an officer's internal note: only the fields a device may send; the
 * server sets who wrote it, the routing, the status and the times), and how
 * the screens read the synced `consultations` collection.
 */

export interface CaseInput {
  category: ConsultationCategory;
  text: string;
  attachments: readonly ConsultationFile[];
  contactAtWork: boolean;
  preferredContact: PreferredContact;
  contactNote: string;
  anonymousToWorkplace: boolean;
}

/** What a device sends to open a case (its id is also its `caseId`). */
export function newCaseDoc(input: CaseInput, id: string, now: number): ConsultationDoc {
  return {
    id,
    kind: 'case',
    caseId: id,
    text: input.text.trim(),
    attachments: [...input.attachments],
    category: input.category,
    contactAtWork: input.contactAtWork,
    preferredContact: input.preferredContact,
    contactNote: input.contactNote.trim(),
    anonymousToWorkplace: input.anonymousToWorkplace,
    updatedAt: now,
  };
}

/** A reply (both ways) or an officer's internal note. */
export function newEntryDoc(kind: 'message' | 'note', caseId: string, text: string, id: string, now: number): ConsultationDoc {
  return { id, kind, caseId, text: text.trim(), updatedAt: now };
}

/** Why a case cannot be sent yet (the server refuses the same). */
export type CaseProblem = 'text_missing' | 'text_long' | 'note_long';

export function caseProblems(input: Pick<CaseInput, 'text' | 'contactNote'>, limits: { textChars: number; noteChars: number }): CaseProblem[] {
  const problems: CaseProblem[] = [];
  if (input.text.trim() === '') problems.push('text_missing');
  if (input.text.trim().length > limits.textChars) problems.push('text_long');
  if (input.contactNote.trim().length > limits.noteChars) problems.push('note_long');
  return problems;
}

/** Whether the case still takes replies (resolved and closed ones do not). */
export function caseOpen(c: Pick<ConsultationDoc, 'status'>): boolean {
  return c.status !== 'resolved' && c.status !== 'closed';
}

/** The status to show: the server's, 受付 until the server has said. */
export function caseStatus(c: Pick<ConsultationDoc, 'status'>): ConsultationStatus {
  return c.status ?? 'received';
}

const when = (d: ConsultationDoc): number => d.createdAt ?? d.openedAt ?? d.updatedAt;

/** The member's own cases on the device (a case not yet acknowledged carries no memberId), newest activity first. */
export function myCases(docs: readonly ConsultationDoc[], memberId: string): ConsultationDoc[] {
  return docs
    .filter((d) => d.kind === 'case' && (d.memberId === undefined || d.memberId === memberId))
    .sort((a, b) => (b.lastMessageAt ?? when(b)) - (a.lastMessageAt ?? when(a)));
}

/** The cases an officer was assigned (they reach the officer's device only then): not their own, open ones first. */
export function assignedCases(docs: readonly ConsultationDoc[], memberId: string): ConsultationDoc[] {
  return docs
    .filter((d) => d.kind === 'case' && d.memberId !== undefined && d.memberId !== memberId)
    .sort((a, b) => Number(caseOpen(b)) - Number(caseOpen(a)) || (b.lastMessageAt ?? when(b)) - (a.lastMessageAt ?? when(a)));
}

/** A case's conversation: its replies (and, on an officer's device, the internal notes) in the order they were received. */
export function conversation(docs: readonly ConsultationDoc[], caseId: string): ConsultationDoc[] {
  return docs.filter((d) => d.caseId === caseId && d.kind !== 'case').sort((a, b) => when(a) - when(b) || a.id.localeCompare(b.id));
}

/** Whether the member has a reply from an officer they have not answered yet (the list's marker). */
export function awaitsMember(c: Pick<ConsultationDoc, 'lastMessageFromOfficer' | 'status'>): boolean {
  return c.lastMessageFromOfficer === true && caseOpen(c);
}

/** Whether an assigned officer owes the member an answer: an open case with no reply yet, or the member wrote last. */
export function awaitsOfficer(c: Pick<ConsultationDoc, 'lastMessageFromOfficer' | 'status'>): boolean {
  return c.lastMessageFromOfficer !== true && caseOpen(c);
}

/** Who can read the case, for the screen's plain words. */
export type Readers = { kind: 'not_yet_assigned'; desk: DeskLevel } | { kind: 'assigned'; names: string[] };

export function readersOf(c: Pick<ConsultationDoc, 'assignees' | 'deskLevel' | 'anonymousToWorkplace' | 'category'>): Readers {
  const names = (c.assignees ?? []).map((a) => a.name);
  if (names.length > 0) return { kind: 'assigned', names };
  // Until the server has routed it, the desk the shared rule names (the server applies the same rule).
  return { kind: 'not_yet_assigned', desk: c.deskLevel ?? deskLevelOf(c.category ?? 'other', c.anonymousToWorkplace === true) };
}

/** One month's rows of the counts page: each category × unit group the server shows (small ones are left out there). */
export interface CountsMonth {
  month: string;
  rows: { category: ConsultationCategory; unitId: string; count: number }[];
}

/** The counts by month (newest first), each month's cells by category then unit. */
export function countsByMonth(stats: ConsultationStats, categoryOrder: readonly ConsultationCategory[]): CountsMonth[] {
  const months = new Map<string, CountsMonth['rows']>();
  for (const cell of stats.cells) {
    const rows = months.get(cell.month) ?? [];
    rows.push({ category: cell.category, unitId: cell.unitId, count: cell.count });
    months.set(cell.month, rows);
  }
  const rank = (c: ConsultationCategory) => categoryOrder.indexOf(c);
  return [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, rows]) => ({ month, rows: rows.sort((a, b) => rank(a.category) - rank(b.category) || a.unitId.localeCompare(b.unitId)) }));
}

/** YYYY-MM of a time, in the device's time zone. */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `n` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
