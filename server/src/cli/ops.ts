import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createBackup, listBackups, pruneBackups } from '../ops/backup.ts';
import { RestoreError, restoreBackup } from '../ops/restore.ts';

/**
 * Backup and restore commands. They manage the database file themselves
 * (restore must not hold it open while it moves it), so they run outside the
 * services the other commands share.
 */
export interface OpsCommand {
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  positionals?: number;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

function age(iso: string): string {
  if (!iso) return '?';
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const backup: OpsCommand = {
  usage: 'backup [--to DIR]',
  summary: 'write a backup now (online: the server may keep running) into KUMIAI_BACKUP_DIR or DIR',
  options: { to: { type: 'string' } },
  run: async (values) => {
    const config = loadConfig();
    const dir = typeof values.to === 'string' ? path.resolve(values.to) : config.ops.backupDir;
    const db = openDatabase(config.dataDir);
    try {
      const record = await createBackup(db, { dataDir: config.dataDir, dir, ageRecipient: config.ops.backupAgeRecipient });
      const pruned = typeof values.to === 'string' ? [] : await pruneBackups(dir);
      console.log(`${path.join(dir, record.file)}  ${size(record.size)}  integrity ${record.integrity}  sync seq ${record.seq}${record.encrypted ? '  encrypted (age)' : ''}`);
      for (const file of pruned) console.log(`  removed by retention: ${file}`);
      return 0;
    } finally {
      db.close();
    }
  },
};

const list: OpsCommand = {
  usage: 'backup list [--dir DIR]',
  summary: 'list backups, newest first, with age, size and check result',
  options: { dir: { type: 'string' } },
  run: async (values) => {
    const dir = typeof values.dir === 'string' ? path.resolve(values.dir) : loadConfig().ops.backupDir;
    const backups = await listBackups(dir);
    if (backups.length === 0) console.log(`no backups in ${dir}`);
    for (const b of backups) console.log(`${b.file.padEnd(40)} ${age(b.createdAt).padStart(7)} ago  ${size(b.size).padStart(11)}  check: ${b.integrity}`);
    return 0;
  },
};

const restore: OpsCommand = {
  usage: 'restore FILE [--identity AGE_KEY_FILE]',
  summary: 'replace a STOPPED server’s database and files with a backup (verified first; the replaced ones are kept aside)',
  options: { identity: { type: 'string' } },
  positionals: 1,
  run: async (values, [file]) => {
    const config = loadConfig();
    const identity =
      typeof values.identity === 'string'
        ? (fs
            .readFileSync(values.identity, 'utf8')
            .split(/\r?\n/)
            .find((l) => l.startsWith('AGE-SECRET-KEY-')) ?? null)
        : null;
    if (typeof values.identity === 'string' && !identity) throw new RestoreError(`${values.identity} holds no AGE-SECRET-KEY- line`);
    const result = await restoreBackup(path.resolve(file!), config.dataDir, { identity });
    console.log(`restored the backup of ${result.manifest.createdAt} (schema ${result.manifest.schemaVersion}, sync seq ${result.manifest.sync.seq})`);
    console.log(`verified ${result.verified.length} parts against the manifest; new sync epoch ${result.epoch}`);
    if (result.replacedDir) console.log(`the replaced database and files are in ${result.replacedDir}`);
    console.log('start the server: devices will pull everything again and re-send their own changes since the backup');
    return 0;
  },
};

export const opsCommands: Record<string, OpsCommand> = { 'backup list': list, backup, restore };

/** Runs an ops command; the caller parsed the arguments. */
export async function runOpsCommand(command: OpsCommand, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> {
  try {
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof RestoreError) {
      console.error(`restore refused: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
