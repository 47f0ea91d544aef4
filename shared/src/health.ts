export interface Health {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  /** Issue 15: the database answered a query. */
  database: 'ok' | 'unreachable';
  /** Seconds since the newest backup that passed its check; null when there is none yet. */
  lastBackupAgeSeconds: number | null;
}
