import net from 'node:net';
import os from 'node:os';
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
  /**
   * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-* headers
   * are believed (Fastify's trustProxy, via proxy-addr), or false: believe none.
   */
  trustProxy: string[] | false;
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
  // --- issue 11 (uploads, PDF extraction, push): see the README's security section ---
  /** Bytes one member may upload in any 24 hours. */
  uploadQuotaBytesPerDay: number;
  /** Limits of one PDF text extraction (worker thread). */
  pdf: { timeoutMs: number; memoryMb: number };
  /** Push-service host names subscriptions may point at (`*.` matches any subdomain). */
  pushHosts: string[];
  transport: TransportLimits;
  // --- issue 15 (operations): backups, metrics, disk; see the README's "Operations" section ---
  ops: OpsConfig;
  // --- issue 17 (elections): worker threads for the election cryptography ---
  /** Worker threads issuing credentials, checking ballots and computing the encrypted tally (KUMIAI_ELECTION_THREADS). */
  electionThreads: number;
  // --- issue 21 (consultations): the key their content is sealed with, never in the database or a backup ---
  /** KUMIAI_CONSULTATIONS_KEY_FILE, default `<data dir>/consultations.key` (made at the first start). */
  consultationsKeyFile: string;
}

export interface OpsConfig {
  /** Where scheduled backups go (KUMIAI_BACKUP_DIR). */
  backupDir: string;
  /** Hours between scheduled backups; 0 turns the schedule off. */
  backupIntervalHours: number;
  /** age public key (`age1…`) backups are encrypted to; null: plain `.tar`. */
  backupAgeRecipient: string | null;
  /** Bearer token `/metrics` requires; null: `/metrics` answers 404. */
  metricsToken: string | null;
  /** Below this many free bytes on the data dir's disk: a warning, and uploads are refused. */
  diskMinFreeBytes: number;
  /** Days after a member left before their personal data is pseudonymised. */
  retentionDaysAfterLeaving: number;
}

/** The browsers' push services (Chrome/Edge via FCM, Firefox, Safari, legacy Edge/Windows). */
export const DEFAULT_PUSH_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com', '*.push.apple.com', '*.notify.windows.com'];

function hostList(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const hosts = raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const bad = hosts.find((h) => !/^(\*\.)?[a-z0-9.-]+$/.test(h) && !/^\[?[0-9a-f:.]+\]?$/.test(h));
  if (bad !== undefined) throw new ConfigError(`${name} must be a comma-separated list of host names, e.g. fcm.googleapis.com,*.push.apple.com (got "${bad}")`);
  return hosts;
}

/** Limits on connections and slow clients, so an anonymous client cannot exhaust memory or descriptors (README "Limits"). */
export interface TransportLimits {
  /** Open TCP connections per client address (0: no cap; not applied behind a trusted proxy, whose address all share). */
  connectionsPerAddress: number;
  /** Open sync WebSockets per client address (the address Fastify resolves, forwarded ones included). */
  syncSocketsPerAddress: number;
  /** New sync WebSockets per second per client address (a burst of 6 seconds' worth is allowed). */
  syncNewSocketsPerSecond: number;
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
    syncNewSocketsPerSecond: int(env, 'KUMIAI_SYNC_NEW_SOCKETS_PER_SECOND', 10, 1, 1_000_000),
    syncAuthTimeoutMs: int(env, 'KUMIAI_SYNC_AUTH_TIMEOUT_MS', 5000, 10, 60_000),
    headersTimeoutMs,
    requestTimeoutMs: int(env, 'KUMIAI_HTTP_REQUEST_TIMEOUT_MS', 300_000, headersTimeoutMs, 3_600_000),
    // Longer than the idle time of clients' and proxies' connection pools (Node's agent: 5 s, load balancers: 60 s):
    // a server that closes first races the client's next request on that connection (ECONNRESET).
    keepAliveTimeoutMs: int(env, 'KUMIAI_HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 100, 600_000),
    idleTimeoutMs: int(env, 'KUMIAI_HTTP_IDLE_TIMEOUT_MS', 120_000, 100, 3_600_000),
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

/** proxy-addr's names for the usual private ranges. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * KUMIAI_TRUST_PROXY: off by default; `1`/`true`/`yes` = a proxy on this machine
 * (loopback only); otherwise a comma-separated list of addresses and CIDR ranges,
 * e.g. `127.0.0.1,10.0.0.0/8`. Forwarded headers from any other peer are ignored,
 * so a client cannot pick the address the sign-in throttle counts against.
 */
export function parseTrustProxy(raw: string | undefined): string[] | false {
  const value = (raw ?? '').trim();
  if (value === '' || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(1|true|yes|on)$/i.test(value)) return ['loopback'];
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = net.isIP(address ?? '');
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !validBits || rest.length > 0)) {
      throw new ConfigError(`KUMIAI_TRUST_PROXY must be 1 (a proxy on this machine) or a comma-separated list of proxy addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8 (got "${entry}")`);
    }
  }
  return entries.length > 0 ? entries : false;
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
    trustProxy: parseTrustProxy(env.KUMIAI_TRUST_PROXY),
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
    // --- issue 11 (uploads, PDF extraction, push) ---
    uploadQuotaBytesPerDay: int(env, 'KUMIAI_UPLOAD_QUOTA_BYTES_PER_DAY', 100 * 1024 * 1024, 1024, 2 ** 40),
    pdf: {
      timeoutMs: int(env, 'KUMIAI_PDF_TIMEOUT_SECONDS', 30, 1, 600) * 1000,
      memoryMb: int(env, 'KUMIAI_PDF_MEMORY_MB', 256, 16, 4096),
    },
    pushHosts: hostList(env, 'KUMIAI_PUSH_HOSTS', DEFAULT_PUSH_HOSTS),
    transport: transportLimits(env),
    ops: loadOpsConfig(env, dataDir, cwd),
    electionThreads: int(env, 'KUMIAI_ELECTION_THREADS', Math.min(os.availableParallelism(), DEFAULT_ELECTION_THREADS_CAP), 1, 64),
    consultationsKeyFile: path.resolve(cwd, env.KUMIAI_CONSULTATIONS_KEY_FILE || path.join(dataDir, 'consultations.key')),
  };
}

/** The default election worker pool is one thread per core, up to this many (each holds the crypto library and tsx: ~50 MB). */
export const DEFAULT_ELECTION_THREADS_CAP = 4;

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

// --- issue 15 (operations) ---
function loadOpsConfig(env: NodeJS.ProcessEnv, dataDir: string, cwd: string): OpsConfig {
  const recipient = (env.KUMIAI_BACKUP_AGE_RECIPIENT ?? '').trim();
  if (recipient && !/^age1[0-9a-z]+$/.test(recipient)) throw new ConfigError('KUMIAI_BACKUP_AGE_RECIPIENT must be an age public key (age1…), e.g. from `age-keygen`');
  const token = (env.KUMIAI_METRICS_TOKEN ?? '').trim();
  if (token && token.length < 16) throw new ConfigError('KUMIAI_METRICS_TOKEN must be at least 16 characters');
  return {
    backupDir: path.resolve(cwd, env.KUMIAI_BACKUP_DIR || path.join(dataDir, 'backups')),
    backupIntervalHours: int(env, 'KUMIAI_BACKUP_INTERVAL_HOURS', 24, 0, 24 * 31),
    backupAgeRecipient: recipient || null,
    metricsToken: token || null,
    diskMinFreeBytes: int(env, 'KUMIAI_DISK_MIN_FREE_MB', 1024, 0, 1024 * 1024) * 1024 * 1024,
    retentionDaysAfterLeaving: int(env, 'KUMIAI_RETENTION_DAYS_AFTER_LEAVING', 1095, 1, 36500),
  };
}
