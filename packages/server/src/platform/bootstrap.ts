// Start-up: open the database, migrate, load the personal-data keys, seed demo data on first start.
import type { Config } from '../config';
import { loadCalendar, seedCalendar } from './calendar/service';
import type { Services } from './context';
import { loadKeyRing, PersonalDataCipher } from './crypto/personalData';
import { type Database, openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { attachmentOwnersOf, directoryOf, factsOf, type ModuleDefinition, personViewsOf, reportChaptersOf } from './module';
import { seedPlatform } from './seed';

export interface Started {
  services: Services;
  /** Set on first start: the users made and each one's one-time password. */
  demo?: { usernames: string[]; passwords: Record<string, string> };
}

export async function startServices(
  config: Config,
  modules: readonly ModuleDefinition[],
  onIdleError?: (err: Error) => void,
): Promise<Started> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError,
  });
  await migrate(database);
  const cipher = new PersonalDataCipher(loadKeyRing(config.dataKey, config.dataDir));
  const services = servicesFor(config, database, cipher, modules);
  for (const m of modules) if (m.referenceSeed) await m.referenceSeed.run(services);
  await seedCalendar(database.db);
  await loadCalendar(database.db);
  const demo = await seedPlatform(services, config.seedDemo ? modules.flatMap((m) => (m.demoSeed ? [m.demoSeed] : [])) : []);
  return { services, demo };
}

/** The services for a database and the modules the app runs (the test app builds its own the same way). */
export function servicesFor(
  config: Config,
  database: Database,
  cipher: PersonalDataCipher,
  modules: readonly ModuleDefinition[],
): Services {
  return {
    config,
    database,
    db: database.db,
    cipher,
    directory: directoryOf(modules),
    facts: factsOf(modules),
    personViews: personViewsOf(modules),
    reportChapters: reportChaptersOf(modules),
    attachmentOwners: attachmentOwnersOf(modules),
  };
}
