import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A tiny stand-in for the sync server, for unit tests only (never imported by
 * the app): records every message and lets the test answer, close or stay mute.
 */
export interface FakeMessage {
  id: string;
  collection: string;
  method: string;
  params: unknown[];
}

export interface FakeServer {
  url: string;
  port: number;
  received: FakeMessage[];
  sockets: WebSocket[];
  connections: number;
  /** Answers each request; return undefined to stay silent. */
  handler: (msg: FakeMessage, socket: WebSocket) => unknown;
  send(socket: WebSocket, value: unknown): void;
  close(): Promise<void>;
}

export async function startFakeServer(port = 0): Promise<FakeServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address();
  const actualPort = typeof address === 'object' && address ? address.port : 0;
  const server: FakeServer = {
    url: `ws://127.0.0.1:${actualPort}/api/sync`,
    port: actualPort,
    received: [],
    sockets: [],
    connections: 0,
    handler: (msg) => ({ id: msg.id, collection: msg.collection, result: null }),
    send(socket, value) {
      socket.send(JSON.stringify(value));
    },
    close() {
      for (const s of server.sockets) s.terminate();
      return new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (socket) => {
    server.connections++;
    server.sockets.push(socket);
    socket.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as FakeMessage;
      server.received.push(msg);
      const reply = server.handler(msg, socket);
      if (reply !== undefined) socket.send(JSON.stringify(reply));
    });
  });
  return server;
}
