/**
 * Child process: the limit. The least a server can do for the same protocol:
 * better-sqlite3 reads the rows (already the documents' JSON) in sequence
 * order and writes them to a raw `ws` socket; pushed rows are written in one
 * transaction; a change is serialised once and sent to every subscriber. No
 * authentication, no permissions, no conflict detection: the machine's floor.
 * Same SQLite settings as the server (WAL, synchronous=FULL).
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';
import { processStatsHandlers, serveParent } from './common.ts';
import { members, type Layout } from './data.ts';

const layout: Layout = { docs: Number(process.env.BENCH_DOCS), revoke: Number(process.env.BENCH_REVOKE) };
const started = performance.now();
const db = new Database(path.join(process.env.BENCH_DATA_DIR!, 'limit.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE docs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
         CREATE TABLE notes (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);`);
db.transaction(() => {
  const put = db.prepare('INSERT INTO docs (id, data) VALUES (?, ?)');
  for (const m of members(layout)) put.run(m.id, JSON.stringify({ ...m, _deleted: false }));
})();
const seedMs = performance.now() - started;

const pages = {
  members: db.prepare('SELECT seq, data FROM docs WHERE seq > ? ORDER BY seq LIMIT ?').raw(),
  notes: db.prepare('SELECT seq, data FROM notes WHERE seq > ? ORDER BY seq LIMIT ?').raw(),
};
const putNote = db.prepare(
  'INSERT INTO notes (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = (SELECT max(seq) + 1 FROM notes)',
);
const writeRows = db.transaction((rows: { newDocumentState: { id: string } }[]) => {
  for (const row of rows) putNote.run(row.newDocumentState.id, JSON.stringify({ ...row.newDocumentState, _deleted: false }));
});
const change = db.prepare("UPDATE docs SET seq = (SELECT max(seq) + 1 FROM docs), data = json_set(data, '$.phone', ?) WHERE id = ? RETURNING seq, data");
const subscribers = new Set<WebSocket>();

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
wss.on('connection', (ws) => {
  ws.on('close', () => subscribers.delete(ws));
  ws.on('message', (data: Buffer) => {
    const { id, collection, method, params } = JSON.parse(data.toString('utf8')) as { id: string; collection: string; method: string; params: unknown[] };
    const head = `{"id":${JSON.stringify(id)},"collection":${JSON.stringify(collection)},"result":`;
    if (method === 'auth') ws.send(`${head}true}`);
    else if (method === 'masterChangeStream$') subscribers.add(ws);
    else if (method === 'masterChangesSince') {
      const since = (params[0] as { seq: number } | null)?.seq ?? 0;
      const rows = pages[collection === 'notes' ? 'notes' : 'members'].all(since, params[1]) as [number, string][];
      const seq = rows.length ? rows[rows.length - 1]![0] : since;
      ws.send(`${head}{"documents":[${rows.map((r) => r[1]).join(',')}],"checkpoint":{"seq":${seq}}}}`);
    } else if (method === 'masterWrite') {
      writeRows(params[0] as { newDocumentState: { id: string } }[]);
      ws.send(`${head}[]}`);
    }
  });
});
await once(wss, 'listening');
const port = (wss.address() as AddressInfo).port;
const readyMs = performance.now() - started;

serveParent({
  ...processStatsHandlers(),
  ready: () => ({ port, seedMs, readyMs }),
  notes: (m) => ({ count: db.prepare('SELECT count(*) FROM notes WHERE id LIKE ?').pluck().get(`${String(m.prefix)}%`) as number }),
  write: (m) => {
    const row = change.get(String(m.marker), String(m.id)) as { seq: number; data: string };
    const message = `{"id":"stream","collection":"members","result":{"documents":[${row.data}],"checkpoint":{"seq":${row.seq}}}}`;
    for (const ws of subscribers) ws.send(message);
    return {};
  },
  connections: () => ({ count: wss.clients.size }),
});
process.send?.({ type: 'started' });
