import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PushService } from '../features/push/push-service.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { SyncHub } from '../sync/hub.ts';
import type { OpsService } from './ops-service.ts';

/**
 * `/metrics` in Prometheus text format (prom-client), one registry per app.
 * Labels are never a member, a ballot, a token or a raw URL: HTTP requests are
 * labelled by route pattern (`/api/notices/:id`), sync by collection, refusals
 * by code. Answers 404 unless the request carries
 * `Authorization: Bearer $KUMIAI_METRICS_TOKEN` (no token configured: always 404).
 */
export interface MetricsDeps {
  token: string | null;
  hub: SyncHub;
  engine: SyncEngine;
  push: PushService;
  ops: OpsService;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function registerMetrics(app: FastifyInstance, deps: MetricsDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kumiai_', eventLoopMonitoringPrecision: 20 });

  const http = new Counter({ name: 'kumiai_http_requests_total', help: 'HTTP requests by route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const httpTime = new Histogram({ name: 'kumiai_http_request_duration_seconds', help: 'HTTP request latency by route pattern', labelNames: ['method', 'route'], buckets: LATENCY_BUCKETS, registers: [registry] });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the URL: ids and tokens stay out of labels. Unmatched requests share one label.
    const route = request.routeOptions.url ?? 'unmatched';
    http.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpTime.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  new Gauge({ name: 'kumiai_sync_sockets_open', help: 'Open sync WebSockets', registers: [registry], collect() { this.set(deps.hub.size); } });
  const pulls = new Histogram({ name: 'kumiai_sync_pull_duration_seconds', help: 'Sync pulls (masterChangesSince and stream catch-up) by collection', labelNames: ['collection'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const pushes = new Histogram({ name: 'kumiai_sync_push_duration_seconds', help: 'Sync pushes (masterWrite) by collection', labelNames: ['collection'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const refused = new Counter({ name: 'kumiai_sync_refused_writes_total', help: 'Pushed rows the server refused, by code', labelNames: ['code'], registers: [registry] });
  const streamed = new Counter({ name: 'kumiai_sync_stream_messages_total', help: 'Stream messages sent to devices, by collection', labelNames: ['collection'], registers: [registry] });
  // Decorates the engine's two entry points (hub and routes call them), keeping the engine free of metrics.
  const engine = deps.engine;
  const pull = engine.pull.bind(engine);
  engine.pull = (reader, collection, since, limit) => {
    const end = pulls.startTimer({ collection });
    try {
      return pull(reader, collection, since, limit);
    } finally {
      end();
    }
  };
  const push = engine.push.bind(engine);
  engine.push = (reader, collection, rows) => {
    const end = pushes.startTimer({ collection });
    try {
      const result = push(reader, collection, rows);
      for (const r of result.rejected) refused.inc({ code: r.code });
      return result;
    } finally {
      end();
    }
  };
  deps.hub.onStreamMessage = (collection, count) => streamed.inc({ collection }, count);

  const notifications = new Counter({ name: 'kumiai_push_notifications_total', help: 'Web Push notifications by result', labelNames: ['result'], registers: [registry] });
  const sender = deps.push.sender;
  deps.push.sender = async (target, payload) => {
    try {
      const result = await sender(target, payload);
      notifications.inc({ result: result.statusCode < 300 ? 'sent' : 'failed' });
      return result;
    } catch (error) {
      notifications.inc({ result: 'failed' });
      throw error;
    }
  };

  new Gauge({ name: 'kumiai_db_size_bytes', help: 'SQLite database file size', registers: [registry], collect() { this.set(deps.ops.fileSize('kumiai.sqlite')); } });
  new Gauge({ name: 'kumiai_db_wal_size_bytes', help: 'SQLite WAL file size', registers: [registry], collect() { this.set(deps.ops.fileSize('kumiai.sqlite-wal')); } });
  new Gauge({ name: 'kumiai_disk_free_bytes', help: 'Free bytes on the data directory’s disk', registers: [registry], collect() { this.set(deps.ops.readDiskFree()); } });
  new Gauge({ name: 'kumiai_disk_low', help: '1 when free disk is under KUMIAI_DISK_MIN_FREE_MB (uploads refused)', registers: [registry], collect() { this.set(deps.ops.diskLow() ? 1 : 0); } });
  new Gauge({
    name: 'kumiai_backup_last_good_age_seconds',
    help: 'Seconds since the newest backup that passed its check (-1: none yet)',
    registers: [registry],
    collect() {
      this.set(deps.ops.lastBackupAgeSeconds ?? -1);
    },
  });
  new Gauge({ name: 'kumiai_backups_failed_total', help: 'Backups that failed since the server started', registers: [registry], collect() { this.set(deps.ops.backupsFailed); } });

  const expected = deps.token ? Buffer.from(`Bearer ${deps.token}`) : null;
  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    // Off the public interface: anyone without the token sees no such page.
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
