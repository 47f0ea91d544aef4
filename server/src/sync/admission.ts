/**
 * Which client addresses may open another sync socket: at most so many open
 * at once, and at most so many new ones a second (a token bucket per address,
 * with a burst). The second bounds the CPU a reconnecting flood can take: each
 * WebSocket handshake costs the server work before any message is read.
 * Buckets of addresses with no open socket are forgotten once full again, so
 * the table stays as small as the set of active addresses.
 */
export interface AdmissionLimits {
  /** Open sockets per address. */
  maxOpen: number;
  /** New sockets per second per address (sustained), and the burst allowed. */
  perSecond: number;
  burst: number;
}

export type Admission = 'ok' | 'too_many' | 'too_fast';

interface Entry {
  open: number;
  tokens: number;
  at: number;
}

export class AddressAdmission {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly limits: AdmissionLimits,
    private readonly now: () => number,
  ) {}

  private entry(address: string): Entry {
    const now = this.now();
    let entry = this.entries.get(address);
    if (!entry) this.entries.set(address, (entry = { open: 0, tokens: this.limits.burst, at: now }));
    entry.tokens = Math.min(this.limits.burst, entry.tokens + ((now - entry.at) / 1000) * this.limits.perSecond);
    entry.at = now;
    return entry;
  }

  /** Whether the address may open a socket now; takes a token from its bucket when it may. Checked before the handshake. */
  admit(address: string): Admission {
    const entry = this.entry(address);
    if (entry.open >= this.limits.maxOpen) return 'too_many';
    if (entry.tokens < 1) return 'too_fast';
    entry.tokens -= 1;
    return 'ok';
  }

  /** Whether the address is under its open-socket cap (again at accept: upgrades can race past the first check). */
  hasRoom(address: string): boolean {
    return (this.entries.get(address)?.open ?? 0) < this.limits.maxOpen;
  }

  opened(address: string): void {
    this.entry(address).open += 1;
  }

  closed(address: string): void {
    const entry = this.entries.get(address);
    if (entry) entry.open = Math.max(0, entry.open - 1);
  }

  /** Drops the entries of addresses with no open socket whose bucket has refilled (call now and then). */
  sweep(): void {
    for (const [address, entry] of this.entries) {
      if (entry.open > 0) continue;
      const tokens = entry.tokens + ((this.now() - entry.at) / 1000) * this.limits.perSecond;
      if (tokens >= this.limits.burst) this.entries.delete(address);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
