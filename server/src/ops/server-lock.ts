import fs from 'node:fs';
import path from 'node:path';

/**
 * The running server writes its process id to `KUMIAI_DATA_DIR/kumiai.pid`
 * and removes it when it stops. `pnpm kumiai restore` refuses while that
 * process is alive; a file left by a killed server (its process gone) is stale.
 */
const FILE = 'kumiai.pid';

export function writeServerPid(dataDir: string): () => void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

/** The pid of a live server on this data dir, or null. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
