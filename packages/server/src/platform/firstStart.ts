// What a first start tells its operator: the users made and their one-time passwords. With demo data
// (SEED_DEMO=true) they are printed, as a demo needs; in production (SEED_DEMO=false) the console — often a
// log file — gets only where they are: a file readable by the server's own user alone, to delete once the
// admin has signed in and chosen a password.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INITIAL_PASSWORDS_FILE = 'initial-passwords.txt';

export function announceFirstStart(
  opts: { seedDemo: boolean; dataDir: string },
  made: { usernames: string[]; passwords: Record<string, string> },
  print: (line: string) => void = console.log,
): void {
  if (opts.seedDemo) {
    print('首次启动，已写入演示数据。演示账号及各自的一次性密码（首次登录须修改密码）：');
    for (const u of made.usernames) print(`  ${u}: ${made.passwords[u]}`);
    return;
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = join(opts.dataDir, INITIAL_PASSWORDS_FILE);
  const lines = made.usernames.map((u) => `${u}: ${made.passwords[u]}`);
  writeFileSync(
    file,
    `# 一次性密码 / one-time passwords — 首次登录后请删除此文件 / delete after the first sign-in\n${lines.join('\n')}\n`,
    {
      mode: 0o600,
    },
  );
  chmodSync(file, 0o600); // also when the file was there before
  print(`首次启动：账号 ${made.usernames.join(', ')} 的一次性密码已写入 ${file}（仅本用户可读；登录后请删除）`);
  print(`First start: the one-time passwords are in ${file} (readable by this user only; delete it after signing in)`);
}
