// What backup and restore tell the person running them: Chinese first, then English, and one code each so
// tests and scripts can tell the refusals apart.
export const BACKUP_MESSAGES = {
  notEmpty: {
    zh: '目标不是空的：{target} 已有数据。恢复只写入空的数据目录或空的 PostgreSQL 数据库，请换一个新目录或新建数据库。',
    en: 'The target is not empty: {target} already holds data. Restore only into an empty data directory or an empty PostgreSQL database.',
  },
  newerSchema: {
    zh: '备份来自较新版本的协作（数据库结构 {archive}），本程序只认识到 {code}。请先升级程序再恢复。',
    en: 'The archive comes from a newer Xiezuo (schema {archive}); this build knows up to {code}. Upgrade first, then restore.',
  },
  unknownSchema: {
    zh: '备份的数据库结构 {archive} 与本程序的迁移不一致（同名迁移内容不同），拒绝恢复。',
    en: 'The archive’s schema {archive} does not match this build’s migrations (same name, different content); refused.',
  },
  badChecksum: {
    zh: '备份文件校验失败（{what}）：文件已损坏或被改动，拒绝恢复。目标未写入任何数据。',
    en: 'The archive failed its checksum ({what}): it is damaged or was altered; refused. Nothing was written to the target.',
  },
  notArchive: {
    zh: '{file} 不是完整的协作备份文件（{what}）。未写完的备份（被中断的）不能用于恢复。',
    en: '{file} is not a complete Xiezuo backup ({what}). An interrupted backup cannot be restored.',
  },
  verifyFailed: {
    zh: '恢复后核对不一致：表 {table} {what}。已撤销，目标未写入任何数据。',
    en: 'Verification after restore failed: table {table} {what}. Rolled back; nothing was written to the target.',
  },
  wrongKey: {
    zh: '个人信息密钥与备份不符：抽样的 {checked} 个加密值中有 {failed} 个无法解密（{where}）。已撤销，目标未写入任何数据。请使用备份时的密钥（XIEZUO_DATA_KEY 或 data-key.txt）。',
    en: 'The personal-data key does not match the archive: {failed} of {checked} sampled values do not decrypt ({where}). Rolled back; nothing was written. Use the key the data was written with.',
  },
  inUse: {
    zh: '嵌入式数据库 {dir} 正被运行中的协作服务器使用（进程 {pid}），且未能通过它的本地控制通道备份：{why}',
    en: 'The embedded database {dir} is in use by a running Xiezuo server (process {pid}) and backing up through it failed: {why}',
  },
  noDatabase: {
    zh: '没有找到要备份的数据库：{dir} 下没有嵌入式数据库，也没有设置 DATABASE_URL。',
    en: 'No database to back up: there is no embedded database under {dir} and DATABASE_URL is not set.',
  },
  usage: {
    zh: '用法：npm run backup [-- --out <目录>]；npm run restore -- <备份文件>（设置 DATABASE_URL 时恢复到 PostgreSQL，否则恢复到 XIEZUO_DATA_DIR）',
    en: 'Usage: npm run backup [-- --out <dir>]; npm run restore -- <archive> (into PostgreSQL when DATABASE_URL is set, else into XIEZUO_DATA_DIR)',
  },
} as const;

export type BackupMessage = keyof typeof BACKUP_MESSAGES;

/** A refusal with a message for people (zh-CN, en) and a code for scripts; the CLI exits non-zero on it. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupMessage,
    readonly params: Record<string, string | number> = {},
  ) {
    super(fill(BACKUP_MESSAGES[code].zh, params));
    this.name = 'BackupError';
  }
  get en(): string {
    return fill(BACKUP_MESSAGES[this.code].en, this.params);
  }
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
