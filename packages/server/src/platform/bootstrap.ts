// Start-up: open the database, migrate, load the personal-data keys, seed demo data on first start.
import type { Config } from '../config';
import { moduleSeeds, referenceSeeds } from '../modules';
import type { Services } from './context';
import { loadKeyRing, PersonalDataCipher } from './crypto/personalData';
import { openDatabase } from './db/client';
import { loadCalendar, seedCalendar } from './calendar/service';
import { migrate } from './db/migrate';
import { seedPlatform } from './seed';

export interface Started {
  services: Services;
  /** Set on first start: the demo users and their one-time password. */
  demo?: { usernames: string[]; password: string };
}

export async function startServices(config: Config, onIdleError?: (err: Error) => void): Promise<Started> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError,
  });
  await migrate(database);
  const cipher = new PersonalDataCipher(loadKeyRing(config.dataKey, config.dataDir));
  const services: Services = { config, database, db: database.db, cipher };
  for (const seed of referenceSeeds) await seed.run(services);
  await seedCalendar(database.db);
  await loadCalendar(database.db);
  const demo = await seedPlatform(services, config.seedDemo ? moduleSeeds : []);
  return { services, demo };
}
