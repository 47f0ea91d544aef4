import { buildApp } from './app.ts';
import { checkSecureContext, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { writeServerPid } from './ops/server-lock.ts';

/** `pnpm start` / `node --import tsx server/src/main.ts`: run the union's server. */
async function main(): Promise<void> {
  let config;
  let warning: string | null;
  try {
    config = loadConfig();
    warning = checkSecureContext(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`\nKumiai cannot start:\n${error.message}\n\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const db = openDatabase(config.dataDir);
  const { app, setup, ops } = await buildApp({ config, db });
  if (warning) app.log.warn(warning);

  app.addHook('onClose', async () => {
    db.close();
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // Issue 15: `pnpm kumiai restore` refuses while this process is alive; scheduled backups, WAL and disk checks start.
  const removePid = writeServerPid(config.dataDir);
  app.addHook('onClose', async () => removePid());
  await app.listen({ host: config.host, port: config.port });
  ops.start();
  app.log.info({ publicUrl: config.publicUrl, dataDir: config.dataDir }, 'Kumiai is running');

  const token = setup.issueTokenIfNeeded();
  if (token) {
    // The link goes to the operator's terminal, not into the structured log.
    process.stdout.write(
      `\n  Kumiai is not set up yet. Open this one-time link to name your union and create the first admin:\n\n` +
        `    ${config.publicUrl}/setup#token=${token}\n\n` +
        `  It works once and expires in ${Math.round(config.setupTokenTtlMs / 3600000)} h; restart the server for a new one.\n\n`,
    );
    app.log.info('setup link printed');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Kumiai failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
