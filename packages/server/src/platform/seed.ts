// First start: demo data from every module, then the demo users (one shared one-time password that
// each user must change at first sign-in). Runs only while the users table is empty.
import { sql } from 'drizzle-orm';
import type { NewUser } from './auth/service';
import { createUser } from './auth/service';
import type { Services } from './context';
import { generateOneTimePassword } from './crypto/password';

export interface ModuleSeed {
  name: string;
  /** Inserts demo rows; returns extra demo users (e.g. scoped to a team it created). */
  run(services: Services): Promise<NewUser[] | undefined>;
}

const SYSTEM = { id: null, name: 'system', ip: null };

export async function seedPlatform(services: Services, seeds: ModuleSeed[], password = generateOneTimePassword()) {
  const { db } = services;
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from users`)).rows as { n: number }[];
  if (n > 0) return undefined;
  const users: NewUser[] = [
    { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
    { username: 'auditor', displayName: '审计员（演示）', role: 'auditor', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
  ];
  for (const seed of seeds) users.push(...((await seed.run(services)) ?? []));
  for (const u of users) await createUser(db, services.config, u, SYSTEM, password);
  return { usernames: users.map((u) => u.username), password };
}
