import type { Db } from '../db/database.ts';

/** Which backup a restored database came from (written by `pnpm kumiai restore`). */
export interface RestoredFrom {
  /** When the backup was taken (ISO 8601). */
  at: string;
  /** The sync sequence the backup holds: devices' writes acknowledged after it were lost by the restore. */
  seq: number;
  /** The epoch of the database the backup was taken from. */
  epoch: string;
}

/**
 * The sync epoch of this database (migration 0012; a restore writes a new
 * one). Checkpoints are `{seq, epoch}`: a pull with a checkpoint of another
 * epoch (a device synced before the restore, ahead of the restored sequence)
 * is answered from scratch with `restored` beside the result, so the device
 * knows to re-send its own writes. A checkpoint without an epoch (clients
 * older than epochs) is taken as the current epoch. RxDB's stock client treats
 * checkpoints as opaque and ignores `restored`: it simply gets everything again.
 * Read once: a restore only happens while the server is stopped.
 */
export class SyncEpoch {
  readonly epoch: string;
  readonly restoredFrom: RestoredFrom | null;
  private readonly restoredJson: string;

  constructor(db: Db) {
    const row = db.prepare('SELECT epoch, restored_from AS restoredFrom FROM sync_meta').get() as { epoch: string; restoredFrom: string | null };
    this.epoch = row.epoch;
    this.restoredFrom = row.restoredFrom ? (JSON.parse(row.restoredFrom) as RestoredFrom) : null;
    this.restoredJson = JSON.stringify(this.restoredFrom ?? { at: null, seq: 0, epoch: null });
  }

  checkpoint(seq: number): string {
    return `{"seq":${seq},"epoch":${JSON.stringify(this.epoch)}}`;
  }

  /** Where a pull starts, and the extra reply field for a checkpoint of another epoch. */
  resolve(checkpoint: { seq: number; epoch?: unknown } | null | undefined): { since: number; extra: string } {
    if (!checkpoint) return { since: 0, extra: '' };
    if (typeof checkpoint.epoch !== 'string' || checkpoint.epoch === this.epoch) return { since: checkpoint.seq, extra: '' };
    return { since: 0, extra: `,"restored":${this.restoredJson}` };
  }
}
