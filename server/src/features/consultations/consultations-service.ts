import { can, leadsDesk, type Actor, type ConsultationStatus, type DeskCase, type Officer } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { PushService } from '../push/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { DESK_ROLES, type CaseRow, type ConsultationsRepo } from './consultations-repo.ts';
import { audienceOf } from './consultations-sync.ts';

const DAY = 24 * 3600 * 1000;
const PUSH_TITLE = '相談窓口 / Consultation';

const deskCase = (row: CaseRow): DeskCase => {
  const assignees = JSON.parse(row.assignees) as Officer[];
  return {
    id: row.id,
    category: row.category,
    deskUnitId: row.desk_unit_id,
    deskLevel: row.desk_level,
    status: row.status,
    openedAt: row.opened_at,
    assignees,
    needsAssignment: assignees.length === 0,
  };
};

/**
 * The officers' side of consultations (issue 21): desks, assignment, status,
 * hand-over when an officer leaves office, erasure and retention. Nothing here
 * reads a case's content: desks see its category, status and officers only.
 */
export class ConsultationsService {
  private fingerprint = '';

  constructor(
    private readonly repo: ConsultationsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly push: PushService,
    private readonly uploads: UploadsService,
  ) {}

  /** The cases of every desk the actor leads (consultation.desk granted on exactly that unit). */
  desk(actor: Actor): DeskCase[] {
    const desks = actor.grants.filter((g) => leadsDesk(actor, g.unitId)).map((g) => g.unitId);
    if (desks.length === 0) throw new AppError('forbidden', 403, 'Not allowed: consultation.desk');
    return this.repo.atDesks([...new Set(desks)]).map(deskCase);
  }

  /** A case the actor leads the desk of, or 404 (a case's existence is not revealed to anyone else). */
  private ledCase(actor: Actor, caseId: string): CaseRow {
    const row = this.repo.case(caseId);
    if (!row || !leadsDesk(actor, row.desk_unit_id)) throw notFound();
    return row;
  }

  /** Whether this member may take cases of the desk on `deskPath` now. */
  private mayHandle(memberId: string, deskPath: readonly string[]): boolean {
    const officer = this.actors.load(memberId);
    return officer !== null && can(officer, 'consultation.handle', { unitPath: deskPath });
  }

  /** Who may be assigned to a case: members still in the union whose roles take cases over its desk's unit. */
  candidates(actor: Actor, caseId: string): Officer[] {
    const row = this.ledCase(actor, caseId);
    const path = this.actors.unitPath(row.desk_unit_id);
    const seen = new Map<string, Officer>();
    for (const g of this.repo.grantsOn(path)) {
      if (!seen.has(g.member_id) && this.mayHandle(g.member_id, path)) seen.set(g.member_id, { memberId: g.member_id, name: g.name });
    }
    return [...seen.values()];
  }

  assign(actor: Actor, caseId: string, memberIds: readonly string[]): DeskCase {
    const row = this.ledCase(actor, caseId);
    if (row.erased) throw new AppError('consultation_erased', 409, 'The consultation was erased');
    const path = this.actors.unitPath(row.desk_unit_id);
    const officers = this.candidates(actor, caseId);
    const chosen = memberIds.map((id) => officers.find((o) => o.memberId === id));
    if (chosen.some((o) => !o)) throw new AppError('consultation_assignee_invalid', 400, 'Someone named cannot take this desk’s consultations');
    const assigned = chosen as Officer[];
    const before = new Set((JSON.parse(row.assignees) as Officer[]).map((o) => o.memberId));
    this.mutate(
      actor,
      { checks: [{ action: 'consultation.desk', resource: { unitPath: path } }], audit: { action: 'consultation.assigned', target: caseId, detail: { assignees: memberIds } } },
      (now) => this.repo.setAssignees(caseId, assigned, audienceOf(memberIds), now),
    );
    this.tell([row.member_id, ...memberIds.filter((id) => !before.has(id))], caseId);
    return deskCase(this.repo.case(caseId)!);
  }

  /** An assigned officer sets the status (受付 / 対応中 / 解決 / 終了); the member is told. */
  setStatus(actor: Actor, caseId: string, status: ConsultationStatus): void {
    const row = this.repo.case(caseId);
    if (!row || !(JSON.parse(row.assignees) as Officer[]).some((o) => o.memberId === actor.memberId)) throw notFound();
    if (row.erased) throw new AppError('consultation_erased', 409, 'The consultation was erased');
    this.mutate(actor, { checks: [], audit: { action: 'consultation.status_changed', target: caseId, detail: { status } } }, (now) => this.repo.setStatus(caseId, status, now));
    this.tell([row.member_id], caseId);
  }

  /** The member asks for their case's content to be deleted now; its count stays. */
  eraseByMember(actor: Actor, caseId: string): void {
    const row = this.repo.case(caseId);
    if (!row || row.member_id !== actor.memberId) throw notFound();
    if (row.erased) return;
    this.mutate(actor, { checks: [], audit: { action: 'consultation.erased', target: caseId, detail: { by: 'member' } } }, (now) => this.repo.erase(caseId, now));
    this.dropFiles(caseId);
  }

  /** Content of cases resolved or closed longer ago than the union's retention period: deleted (hourly). */
  applyRetention(): number {
    const due = this.repo.due(this.clock.now() - this.repo.retentionDays() * DAY);
    for (const caseId of due) {
      this.mutate(null, { checks: [], audit: { action: 'consultation.erased', target: caseId, detail: { by: 'retention' } } }, (now) => this.repo.erase(caseId, now));
      this.dropFiles(caseId);
    }
    for (const file of this.repo.unattached(this.clock.now() - DAY)) this.dropFile(file);
    return due.length;
  }

  private dropFiles(caseId: string): void {
    for (const file of this.repo.filesOf(caseId)) this.dropFile(file);
  }

  private dropFile(file: { id: string; hash: string }): void {
    this.repo.forgetFile(file.id);
    this.uploads.removeSealed(file.hash);
  }

  /**
   * Officers who can no longer take a case (a role taken away, left the union)
   * are taken off it, and the desk's lead is told to assign someone: the sync
   * engine removes the case from their devices. Runs at every poll, but only
   * reads the cases when grants or leavers changed (and hourly regardless).
   */
  handOver(force = false): number {
    const fingerprint = this.repo.rolesFingerprint();
    if (!force && fingerprint === this.fingerprint) return 0;
    this.fingerprint = fingerprint;
    let changed = 0;
    for (const row of this.repo.assigned()) {
      const path = this.actors.unitPath(row.desk_unit_id);
      const officers = JSON.parse(row.assignees) as Officer[];
      const staying = officers.filter((o) => this.mayHandle(o.memberId, path));
      if (staying.length === officers.length) continue;
      const ids = staying.map((o) => o.memberId);
      this.mutate(null, { checks: [], audit: { action: 'consultation.handed_back', target: row.id, detail: { left: officers.length - staying.length } } }, (now) =>
        this.repo.setAssignees(row.id, staying, audienceOf(ids), now),
      );
      this.tell(this.deskLeads(row.desk_unit_id), row.id, '/consultations/desk');
      changed += 1;
    }
    return changed;
  }

  /** Members who lead the desk on this unit. */
  deskLeads(unitId: string): string[] {
    return [...new Set(this.repo.grantsOn([unitId]).filter((g) => DESK_ROLES.includes(g.role)).map((g) => g.member_id))];
  }

  /** After a device's write committed: the desk hears of a new case; a reply reaches the other side. */
  notify(event: { kind: 'opened' | 'message'; caseId: string; fromOfficer: boolean }): void {
    const row = this.repo.case(event.caseId);
    if (!row) return;
    if (event.kind === 'opened') this.tell(this.deskLeads(row.desk_unit_id), row.id, '/consultations/desk');
    else this.tell(event.fromOfficer ? [row.member_id] : (JSON.parse(row.assignees) as Officer[]).map((o) => o.memberId), row.id);
  }

  /** A push with no content (the in-app side is the synced case itself). */
  private tell(memberIds: readonly string[], caseId: string, url = `/consultations/${encodeURIComponent(caseId)}`): void {
    this.push.toMembers(memberIds, { type: 'consultation', caseId, title: PUSH_TITLE, url });
  }
}
