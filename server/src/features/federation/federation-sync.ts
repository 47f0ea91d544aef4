import {
  federationItemDocSchema, federationLinkDocSchema, federationReportDocSchema, type FederationItemDoc, type FederationLinkDoc, type FederationReportDoc, type FigureReport,
} from '@kumiai/shared';
import type { Mutate } from '../../lib/mutate.ts';
import { ALLOW, type CollectionRegistration, type WriteRefusal } from '../../sync/registry.ts';
import { readEnvelope, validFigureReport } from './federation-envelope.ts';
import { verifySigned } from './federation-keys.ts';
import { isPeer, PEER_ROLE, peerUnionId } from './federation-peers.ts';
import type { FederationRepo } from './federation-repo.ts';

/** A report older or newer than this by the federation's clock is taken for a replay (or a held-back copy). */
const MAX_SKEW = 10 * 60_000;

/** What the reports rule checked, for the write: the report and the sequence to keep. */
export interface ReportDecision {
  unionId: string;
  seq: number;
  report: FigureReport;
}

/**
 * federation_items: the federation's notices and unified actions, each the exact text it signed.
 * Read by linked unions whose link is active (the audience role only they have), by no member.
 */
export function federationItemsCollection(): CollectionRegistration<FederationItemDoc> {
  return {
    name: 'federation_items',
    schema: federationItemDocSchema,
    source: { table: 'fed_items', projection: `json_object('id', t.id, 'message', t.message, 'signature', t.signature, 'updatedAt', t.published_at)` },
    // Only once signed (items stored before migration 0024 are signed at start).
    capture: { columns: ['message', 'signature'], audience: { column: 'audience', when: { sql: 'NEW.message IS NOT NULL', columns: ['message'] } } },
    readableUnits: () => [],
    readsOwn: () => false,
    audience: { units: () => [], roles: (actor) => (isPeer(actor) && actor.status === 'active' ? [PEER_ROLE] : []) },
  };
}

/**
 * federation_reports: the figures a union sends up, each signed with its key in an envelope
 * (`{link, seq, at, nonce, kind: 'report', body: {report}}`). Refused with a code, changing
 * nothing and audited: a signature that is not the union's key (forged, altered, another
 * union's), a sequence already taken or a time too far from the federation's clock (replayed),
 * a report not in the agreed shape (counts only). A resend of a report taken is the same
 * document: acknowledged once by the engine, never stored twice. Each union reads back only its own.
 */
export function federationReportsCollection(repo: FederationRepo, mutate: Mutate): CollectionRegistration<FederationReportDoc, ReportDecision> {
  const refuse = (unionId: string, refusal: WriteRefusal): WriteRefusal => {
    mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target: unionId, detail: { kind: 'report', code: refusal.code } } }, () => undefined);
    return refusal;
  };
  return {
    name: 'federation_reports',
    schema: federationReportDocSchema,
    source: { table: 'fed_reports', projection: `json_object('id', t.id, 'message', COALESCE(t.message, ''), 'signature', COALESCE(t.signature, ''), 'updatedAt', t.received_at)` },
    capture: { member: 'peer_id' },
    readableUnits: () => [],
    readsOwn: (actor) => isPeer(actor),
    serverOwned: ['updatedAt'],
    write: {
      check(ctx, master, next, deleted) {
        const unionId = peerUnionId(ctx.actor);
        if (!unionId) return { code: 'forbidden', message: 'Only a linked union sends reports' };
        const union = repo.union(unionId);
        if (union?.status !== 'active' || !union.public_key) return refuse(unionId, { code: 'federation_link_paused', message: 'The link is not active' });
        if (master || deleted) return { code: 'forbidden', message: 'A report sent is never changed' };
        if (!verifySigned(union.public_key, next.message, next.signature)) return refuse(unionId, { code: 'federation_signature_invalid', message: 'Not signed by the linked union’s key' });
        const envelope = readEnvelope(next.message);
        if (envelope?.kind !== 'report' || envelope.link !== unionId) return refuse(unionId, { code: 'federation_signature_invalid', message: 'Not a report of this link' });
        if (envelope.seq <= union.last_seq || Math.abs(envelope.at - ctx.now) > MAX_SKEW) return refuse(unionId, { code: 'federation_replayed', message: 'A message already taken, or too old' });
        const report = envelope.body.report;
        if (!validFigureReport(report) || report.reportId !== next.id) return refuse(unionId, { code: 'schema_invalid', message: 'A report holds counts only, in the agreed shape' });
        return { allow: { unionId, seq: envelope.seq, report } };
      },
      apply(ctx, next, _master, _deleted, decision) {
        mutate(null, { checks: [], audit: { action: 'federation.exchange', target: decision.unionId, detail: { kind: 'report', reportId: next.id } } }, () => {
          repo.insertReport(next.id, decision.unionId, decision.report.at, decision.report.figures, ctx.now, next);
          repo.setLastSeq(decision.unionId, decision.seq);
        });
      },
    },
  };
}

/**
 * federation_links: each linked union's own link, its state and who paused it. The union reads
 * it (so it learns of the federation's pause, resume or revoke) and writes it to pause, to
 * resume a pause of its own, or to revoke. Only its own; only those changes.
 */
export function federationLinksCollection(repo: FederationRepo, mutate: Mutate): CollectionRegistration<FederationLinkDoc> {
  return {
    name: 'federation_links',
    schema: federationLinkDocSchema,
    source: { table: 'fed_unions', projection: `json_object('id', t.id, 'status', CASE t.status WHEN 'invited' THEN 'active' ELSE t.status END, 'pausedBy', t.paused_by, 'updatedAt', t.updated_at)` },
    capture: { member: 'peer_id', columns: ['status', 'paused_by'] },
    readableUnits: () => [],
    readsOwn: (actor) => isPeer(actor),
    serverOwned: ['updatedAt'],
    write: {
      check(ctx, master, next, deleted) {
        const unionId = peerUnionId(ctx.actor);
        if (!unionId || !master || master.id !== unionId || deleted) return { code: 'forbidden', message: 'Only a union’s own link' };
        const pause = master.status === 'active' && next.status === 'paused' && next.pausedBy === 'union';
        const resume = master.status === 'paused' && next.status === 'active' && next.pausedBy === null;
        const revoke = master.status !== 'revoked' && next.status === 'revoked' && next.pausedBy === null;
        if (resume && master.pausedBy !== 'union') return { code: 'federation_link_paused', message: 'The federation paused the link: only it resumes' };
        if (!pause && !resume && !revoke) return { code: 'forbidden_field', field: 'status', message: 'A union pauses, resumes its own pause, or revokes' };
        return ALLOW;
      },
      apply(ctx, next) {
        const to = next.status === 'paused' ? 'paused' : next.status === 'active' ? 'resumed' : 'revoked';
        mutate(null, { checks: [], audit: { action: `federation.union_${to}`, target: next.id, detail: { by: 'union' } } }, () =>
          repo.setUnionStatus(next.id, next.status, next.pausedBy, ctx.now),
        );
      },
    },
  };
}
