// `npm start`: the API and the web app at http://localhost:3000.
import { loadConfig } from './config';
import { modules } from './modules';
import { purgeAudit } from './platform/audit/service';
import { serveControl } from './platform/backup/control';
import { scheduleBackups } from './platform/backup/schedule';
import { startServices } from './platform/bootstrap';
import { loadCalendar } from './platform/calendar/service';
import { announceFirstStart } from './platform/firstStart';
import { buildApp } from './platform/http/app';
import { createLogger } from './platform/logger';

// files this process makes (the embedded database, the data key, ledger uploads, backups) are its user's alone
process.umask(0o077);
const config = loadConfig();
const logger = createLogger(config.logLevel);
const { services, demo } = await startServices(config, modules, (err) => logger.error({ err }, 'database connection lost'));
const app = await buildApp(services, modules, logger);
await app.listen({ port: config.port, host: config.host });

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`;
console.log(`\n协作 Xiezuo  http://localhost:${config.port}   数据库: ${where}`);
if (demo) announceFirstStart(config, demo);

// Audit entries past the retention period are removed once a day (never younger ones: the table refuses).
const purge = () =>
  purgeAudit(services.db, config.auditRetentionDays)
    .then((n) => n && logger.info({ purged: n }, 'audit retention purge'))
    .catch((err) => logger.error({ err }, 'audit retention purge failed'));
setInterval(purge, 86_400_000).unref();
void purge();

// Holiday calendar changes made on another instance reach this one's procedure clocks within 10 minutes.
setInterval(() => loadCalendar(services.db).catch((err) => logger.error({ err }, 'holiday calendar reload failed')), 600_000).unref();

// Daily backups of an embedded database (XIEZUO_BACKUP_DIR, XIEZUO_BACKUP_KEEP), and `npm run backup` asking
// this process for one (it owns the data directory) through a socket there.
scheduleBackups(config, services.database, logger);
if (services.database.engine === 'pglite')
  serveControl(config.dataDir, services.database, (r) =>
    logger.info({ file: r.file, heldMs: Math.round(r.heldMs) }, 'backup written on request'),
  );

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await app.close();
    await services.database.close();
    process.exit(0);
  });
}
