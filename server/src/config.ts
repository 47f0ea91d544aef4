import path from 'node:path';

/**
 * Everything the server reads from its environment, parsed once at start.
 * Durations are configurable so tests never have to wait for real time.
 */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Absolute origin members reach the server at, e.g. https://kumiai.example.org. */
  publicUrl: string;
  tls: { cert: string; key: string } | null;
  trustProxy: boolean;
  allowInsecure: boolean;
  clientDir: string;
  logLevel: string;
  setupTokenTtlMs: number;
  activationTtlMs: number;
  /** A kiosk signs its member out after this much inactivity. */
  kioskIdleSeconds: number;
  sync: { maxMessageBytes: number; pollMs: number; ratePerSecond: number };
  uploadMaxBytes: number;
  /** scrypt cost (log2 N); tests lower it, production keeps the default. */
  scryptLogN: number;
  transport: TransportLimits;
}

/** Limits on connections and slow clients, so an anonymous client cannot exhaust memory or descriptors (README "Limits"). */
export interface TransportLimits {
  /** Open TCP connections per client address (0: no cap; not applied behind a trusted proxy, whose address all share). */
  connectionsPerAddress: number;
  /** Open sync WebSockets per client address (the address Fastify resolves, forwarded ones included). */
  syncSocketsPerAddress: number;
  /** A sync socket without a session cookie must send `auth` within this time, or its held requests are refused and it is closed. */
  syncAuthTimeoutMs: number;
  /** Time to receive a request's headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this; any connection silent for `idleTimeoutMs` too. */
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
}

function transportLimits(env: NodeJS.ProcessEnv): TransportLimits {
  const headersTimeoutMs = int(env, 'KUMIAI_HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  return {
    connectionsPerAddress: int(env, 'KUMIAI_MAX_CONNECTIONS_PER_ADDRESS', 1000, 0, 1_000_000),
    syncSocketsPerAddress: int(env, 'KUMIAI_SYNC_MAX_SOCKETS_PER_ADDRESS', 250, 1, 1_000_000),
    syncAuthTimeoutMs: int(env, 'KUMIAI_SYNC_AUTH_TIMEOUT_MS', 5000, 10, 60_000),
    headersTimeoutMs,
    requestTimeoutMs: int(env, 'KUMIAI_HTTP_REQUEST_TIMEOUT_MS', 300_000, headersTimeoutMs, 3_600_000),
    keepAliveTimeoutMs: int(env, 'KUMIAI_HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    idleTimeoutMs: int(env, 'KUMIAI_HTTP_IDLE_TIMEOUT_MS', 60_000, 100, 3_600_000),
  };
}

export class ConfigError extends Error {}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127\./.test(hostname);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const host = env.KUMIAI_HOST || 'localhost';
  const port = int(env, 'KUMIAI_PORT', 8080, 0, 65535);
  const dataDir = path.resolve(cwd, env.KUMIAI_DATA_DIR || 'data');
  const certFile = env.KUMIAI_TLS_CERT || '';
  const keyFile = env.KUMIAI_TLS_KEY || '';
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new ConfigError('KUMIAI_TLS_CERT and KUMIAI_TLS_KEY must be set together');
  }
  const tls = certFile ? { cert: certFile, key: keyFile } : null;
  const scheme = tls ? 'https' : 'http';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const defaultUrl = `${scheme}://${shownHost}${port === (tls ? 443 : 80) ? '' : `:${port}`}`;
  let publicUrl = env.KUMIAI_PUBLIC_URL || defaultUrl;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    publicUrl = url.origin;
  } catch {
    throw new ConfigError(`KUMIAI_PUBLIC_URL must be an absolute http(s) URL (got "${publicUrl}")`);
  }
  return {
    host,
    port,
    dataDir,
    publicUrl,
    tls,
    trustProxy: flag(env, 'KUMIAI_TRUST_PROXY'),
    allowInsecure: flag(env, 'KUMIAI_ALLOW_INSECURE'),
    clientDir: path.resolve(cwd, env.KUMIAI_CLIENT_DIR || path.join(import.meta.dirname, '../../client/dist')),
    logLevel: env.KUMIAI_LOG_LEVEL || 'info',
    setupTokenTtlMs: int(env, 'KUMIAI_SETUP_TOKEN_TTL_SECONDS', 24 * 3600, 1, 30 * 24 * 3600) * 1000,
    activationTtlMs: int(env, 'KUMIAI_ACTIVATION_TTL_DAYS', 30, 1, 365) * 24 * 3600 * 1000,
    kioskIdleSeconds: int(env, 'KUMIAI_KIOSK_IDLE_SECONDS', 120, 1, 3600),
    uploadMaxBytes: int(env, 'KUMIAI_UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    sync: {
      maxMessageBytes: int(env, 'KUMIAI_SYNC_MAX_MESSAGE_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
      pollMs: int(env, 'KUMIAI_SYNC_POLL_MS', 250, 10, 10_000),
      ratePerSecond: int(env, 'KUMIAI_SYNC_RATE_PER_SECOND', 200, 1, 100_000),
    },
    scryptLogN: int(env, 'KUMIAI_SCRYPT_LOG_N', 17, 10, 20),
    transport: transportLimits(env),
  };
}

/**
 * Phones give service workers, push and Secure cookies only to secure contexts.
 * A server members reach over plain http on a LAN address would half-work, so
 * refuse to start unless the operator explicitly accepts that.
 * Returns a warning to log when insecure operation was explicitly allowed.
 */
export function checkSecureContext(config: Config): string | null {
  const url = new URL(config.publicUrl);
  const reachableOnlyLocally = isLocalHostname(config.host) && isLocalHostname(url.hostname);
  if (config.tls || url.protocol === 'https:' || reachableOnlyLocally) return null;
  const problem =
    `Kumiai would be reached at ${config.publicUrl} over plain http. Phones allow the offline app, ` +
    'push notifications and secure sign-in cookies only over HTTPS (or on localhost). Fix it by one of:\n' +
    '  - KUMIAI_TLS_CERT=/path/cert.pem KUMIAI_TLS_KEY=/path/key.pem (serve HTTPS directly), or\n' +
    '  - KUMIAI_PUBLIC_URL=https://your.host KUMIAI_TRUST_PROXY=1 (behind an HTTPS reverse proxy), or\n' +
    '  - KUMIAI_HOST=localhost for a trial on this computer only.\n' +
    'KUMIAI_ALLOW_INSECURE=1 starts anyway, with the features above broken on phones.';
  if (!config.allowInsecure) throw new ConfigError(problem);
  return `INSECURE: ${problem}`;
}
