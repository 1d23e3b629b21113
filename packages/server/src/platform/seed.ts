// First start: demo data from every module, then the users — each with a one-time password of its own
// (one shared password would let any demo user sign in as admin before admin does), changed at first
// sign-in. Runs only while the users table is empty.
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

export async function seedPlatform(services: Services, seeds: ModuleSeed[]) {
  const { db } = services;
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from users`)).rows as { n: number }[];
  if (n > 0) return undefined;
  const users: NewUser[] = [
    { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
    { username: 'auditor', displayName: '审计员（演示）', role: 'auditor', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
  ];
  for (const seed of seeds) users.push(...((await seed.run(services)) ?? []));
  const passwords: Record<string, string> = {};
  for (const u of users) {
    passwords[u.username] = generateOneTimePassword();
    await createUser(db, services.config, u, SYSTEM, passwords[u.username]);
  }
  return { usernames: users.map((u) => u.username), passwords };
}
