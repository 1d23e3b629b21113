// `npm run backup [-- --out <dir>]` and `npm run restore -- <archive>` (bundled by scripts/bundle.mjs into
// packages/server/dist/backup.js, run by plain Node like the server). Exit status: 0 done, 1 refused or failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config';
import { type BackupResult, backupDatabase } from './backup';
import { backupThroughServer } from './control';
import { BackupError } from './messages';
import { type RestoreTarget, restoreArchive } from './restore';

const [command, ...args] = process.argv.slice(2);
const config = loadConfig();

try {
  if (command === 'backup') await backup();
  else if (command === 'backup-copy') {
    // internal: the server's live backup reads its snapshot copy here (backup.ts), and reads the result back
    const { heldMs: _, ...result } = await backupDatabase({ kind: 'pglite-dir', dir: args[0] }, args[1]);
    console.log(JSON.stringify(result));
  } else if (command === 'restore') await restore();
  else throw new BackupError('usage');
  process.exit(0);
} catch (err) {
  if (err instanceof BackupError) {
    console.error(`\n✗ ${err.message}\n  ${err.en}\n`);
  } else {
    console.error(`\n✗ 失败 / failed: ${(err as Error).stack ?? err}\n`);
  }
  process.exit(1);
}

async function backup() {
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : (config.backup.dir ?? 'backups'));
  let result: BackupResult | undefined;
  if (config.databaseUrl) result = await backupDatabase({ kind: 'postgres', url: config.databaseUrl }, out);
  else {
    const dir = join(config.dataDir, 'pglite');
    if (!existsSync(join(dir, 'PG_VERSION'))) throw new BackupError('noDatabase', { dir: config.dataDir });
    result = (await backupThroughServer(config.dataDir, out)) ?? (await backupDatabase({ kind: 'pglite-dir', dir }, out));
  }
  const m = result.manifest;
  const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
  console.log(`✓ 备份完成 / backup written: ${result.file}`);
  console.log(`  数据库 / database: ${m.engine} ${m.serverVersion}，结构 / schema ${m.migration.tag}，程序 / app ${m.appVersion}`);
  console.log(`  ${Object.keys(m.tables).length} 张表 / tables，${rows} 行 / rows，${m.sequences} 个序列 / sequences`);
  console.log(`  SHA-256: ${result.fileSha256}（另存于 / also in ${result.file}.sha256）`);
  console.log('  个人信息密钥不在备份中：请另行妥善保管 XIEZUO_DATA_KEY 或 data-key.txt。');
  console.log('  The personal-data key is not in the archive: keep XIEZUO_DATA_KEY (or data-key.txt) safe separately.');
}

async function restore() {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new BackupError('usage');
  const target: RestoreTarget = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
  const result = await restoreArchive(resolve(file), target, { key: config.dataKey ?? readKeyFile(config.dataDir) });
  const m = result.manifest;
  const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
  console.log(`✓ 恢复完成 / restored into ${target.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : join(config.dataDir, 'pglite')}`);
  console.log(
    `  ${Object.keys(m.tables).length} 张表 / tables，${rows} 行 / rows：行数与校验和均与清单一致 / counts and checksums match the manifest`,
  );
  if (result.migratedAfter.length) console.log(`  已执行较新的迁移 / migrations run after restore: ${result.migratedAfter.join(', ')}`);
  if (!result.personalData) {
    console.log('  ⚠ 未找到个人信息密钥（XIEZUO_DATA_KEY 或 data-key.txt）：启动前请设置备份时使用的密钥，否则身份证号等无法解密。');
    console.log('    No personal-data key found: set the key the data was written with before starting, or ID numbers stay unreadable.');
  } else console.log(`  个人信息密钥可解密抽样数据 / the key decrypts the sampled personal data (${result.personalData.checked})`);
}

function readKeyFile(dataDir: string): string | undefined {
  const f = join(dataDir, 'data-key.txt');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : undefined;
}
