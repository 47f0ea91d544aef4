import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { OpsConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import { type BackupRecord, createBackup, lastGoodBackupAgeSeconds, pruneBackups } from './backup.ts';

/**
 * The server's housekeeping, once a minute: the scheduled backup (with
 * retention), a WAL checkpoint with TRUNCATE when the server has been idle,
 * and the free-disk check that warns and makes uploads refuse before the disk
 * is full. Metrics and `/healthz` read what it last saw.
 */
export class OpsService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupRecord> | null = null;
  private lastActivity = 0;
  private lastCheckpoint = 0;
  private lowDiskWarned = false;
  /** Seconds since the newest good backup (null: none yet), as of the last tick. */
  lastBackupAgeSeconds: number | null = null;
  /** Free bytes on the data dir's disk, as of the last tick. */
  diskFreeBytes = Number.POSITIVE_INFINITY;
  backupsFailed = 0;
  private readonly hourly: (() => unknown)[] = [];
  private lastHourly = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly config: OpsConfig,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Work to run at most once an hour (the pseudonymisation of members past their retention). */
  addHourlyJob(job: () => unknown): void {
    this.hourly.push(job);
  }

  /** Called on every request: the WAL is checkpointed only after a quiet spell. */
  touch(): void {
    this.lastActivity = this.clock.now();
  }

  /** One backup at a time (scheduled or asked for); retention runs after each. */
  backupNow(): Promise<BackupRecord> {
    if (this.running) return this.running;
    const run = (async () => {
      try {
        const record = await createBackup(this.db, { dataDir: this.dataDir, dir: this.config.backupDir, ageRecipient: this.config.backupAgeRecipient, now: new Date(this.clock.now()) });
        const pruned = await pruneBackups(this.config.backupDir);
        this.log.info({ file: record.file, size: record.size, pruned: pruned.length }, 'backup written');
        this.lastBackupAgeSeconds = 0;
        return record;
      } catch (error) {
        this.backupsFailed += 1;
        throw error;
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }

  diskLow(): boolean {
    return this.diskFreeBytes < this.config.diskMinFreeBytes;
  }

  readDiskFree(): number {
    try {
      const stats = fs.statfsSync(this.dataDir);
      this.diskFreeBytes = stats.bavail * stats.bsize;
    } catch {
      this.diskFreeBytes = Number.POSITIVE_INFINITY;
    }
    return this.diskFreeBytes;
  }

  fileSize(name: string): number {
    try {
      return fs.statSync(path.join(this.dataDir, name)).size;
    } catch {
      return 0;
    }
  }

  async tick(): Promise<void> {
    try {
      const now = this.clock.now();
      this.readDiskFree();
      if (this.diskLow() !== this.lowDiskWarned) {
        this.lowDiskWarned = this.diskLow();
        if (this.lowDiskWarned) this.log.warn({ freeBytes: this.diskFreeBytes, thresholdBytes: this.config.diskMinFreeBytes }, 'disk nearly full: uploads are refused until space is freed');
        else this.log.info({ freeBytes: this.diskFreeBytes }, 'disk space is back above the threshold');
      }
      // Idle for 30 s and at most every 5 min: TRUNCATE resets the WAL file to zero bytes.
      if (now - this.lastActivity > 30_000 && now - this.lastCheckpoint > 300_000 && this.fileSize('kumiai.sqlite-wal') > 0) {
        this.lastCheckpoint = now;
        this.checkpoint();
      }
      if (now - this.lastHourly >= 3600_000) {
        this.lastHourly = now;
        for (const job of this.hourly) {
          try {
            job();
          } catch (error) {
            this.log.error({ err: error }, 'an hourly job failed');
          }
        }
      }
      this.lastBackupAgeSeconds = await lastGoodBackupAgeSeconds(this.config.backupDir, now);
      const due = this.config.backupIntervalHours > 0 && (this.lastBackupAgeSeconds === null || this.lastBackupAgeSeconds >= this.config.backupIntervalHours * 3600);
      if (due && !this.running) await this.backupNow();
    } catch (error) {
      this.log.error({ err: error }, 'scheduled operations failed');
    }
  }

  /** `wal_checkpoint(TRUNCATE)` without waiting on a busy reader in another process (it is tried again later). */
  checkpoint(): { busy: number; log: number; checkpointed: number } {
    const previous = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      return (this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[])[0]!;
    } finally {
      this.db.pragma(`busy_timeout = ${previous}`);
    }
  }
}
