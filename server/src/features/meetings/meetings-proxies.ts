import type { Actor, ProxyHolder, QuorumRule } from '@kumiai/shared';
import { notFound } from '../../lib/errors.ts';
import type { MeetingsRepo } from './meetings-repo.ts';

/**
 * Whom a member may name in a proxy (委任状, issue 19): the other invitees who
 * said they will attend, by name only, shown to the meeting's invitees where
 * the quorum rule admits proxies (the chair is chosen apart). Invitees of a
 * convention see whom they could entrust, as on a paper 委任状; nobody else
 * sees anything (404), and never who is absent or undecided.
 */
export class MeetingProxies {
  constructor(private readonly repo: MeetingsRepo) {}

  holders(actor: Actor, id: string): { holders: ProxyHolder[] } {
    const row = this.repo.meeting(id);
    if (!row || !this.repo.invited(id, actor.memberId)) throw notFound('No such meeting');
    const rule = row.quorum ? (JSON.parse(row.quorum) as QuorumRule) : null;
    if (!rule?.proxies || row.cancelled) return { holders: [] };
    const ids = this.repo
      .rsvps(id)
      .filter((r) => r.answered_at !== null && r.answer === 'attend' && r.member_id !== actor.memberId && r.member_id !== row.chair_id)
      .map((r) => r.member_id);
    const members = this.repo.members(ids);
    const holders = ids.flatMap((memberId) => {
      const member = members.get(memberId);
      return member ? [{ memberId, name: member.name }] : [];
    });
    return { holders: holders.sort((a, b) => a.name.localeCompare(b.name, 'ja')) };
  }
}
