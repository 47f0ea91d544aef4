import type { Attachment, DefaultAudience, FederationItemInput, FederationItemKind } from '@kumiai/shared';
import { fromLocalInput } from '../../ui/dates.ts';

export interface ItemDraft {
  kind: FederationItemKind;
  title: string;
  body: string;
  /** An `<input type="date">` value (YYYY-MM-DD), the action's day in this device's time zone. */
  actionDay: string;
  demand: string;
  question: string;
  defaultAudience: DefaultAudience | 'none';
  /** Uploaded files the unions fetch and attach to their notice. */
  materials: Attachment[];
}

export const emptyDraft: ItemDraft = { kind: 'notice', title: '', body: '', actionDay: '', demand: '', question: '', defaultAudience: 'none', materials: [] };

/**
 * What is published for a draft: a notice carries no action fields (whatever was typed before
 * switching kinds); an action needs its day ('date'), and empty demand or question are left out.
 */
export function itemInput(draft: ItemDraft): { input: FederationItemInput } | { missing: 'title' | 'date' } {
  const title = draft.title.trim();
  if (!title) return { missing: 'title' };
  const input: FederationItemInput = { kind: draft.kind, title, body: draft.body.trim() };
  if (draft.defaultAudience !== 'none') input.defaultAudience = draft.defaultAudience;
  if (draft.materials.length > 0) input.materials = draft.materials;
  if (draft.kind === 'notice') return { input };
  const actionDate = fromLocalInput(draft.actionDay ? `${draft.actionDay}T00:00` : '');
  if (actionDate === null) return { missing: 'date' };
  input.actionDate = actionDate;
  if (draft.demand.trim()) input.demand = draft.demand.trim();
  if (draft.question.trim()) input.question = draft.question.trim();
  return { input };
}
