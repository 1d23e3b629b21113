// All settings come from the environment, with defaults that suit a developer machine.
import { resolve } from 'node:path';

export type PasswordProfile = 'asvs' | 'mlps3';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string; // real PostgreSQL when set; embedded PGlite otherwise
  dataDir: string; // PGlite files and the generated data key live here
  webDist: string;
  session: { idleMinutes: number; absoluteHours: number; touchSeconds: number; singleRoles: string[] };
  /** Failures of one username from one address before that pair is locked, and for how long. */
  lockout: { maxFailures: number; minutes: number };
  login: LoginLimits;
  passwordProfile: PasswordProfile;
  scryptCost: number; // log2 of scrypt N
  auditRetentionDays: number;
  dataKey?: string; // base64 32-byte key for personal data; generated under dataDir when absent
  bodyLimitBytes: number;
  secureCookies: boolean;
  /** Fastify's trustProxy: false (default), true, a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string[];
  logLevel: string;
  seedDemo: boolean;
  ledgers: LedgerLimits;
  /** Attachments (佐证材料): the largest file accepted, in bytes (ATTACHMENT_MAX_BYTES, default 10 MB). */
  attachments: { maxFileBytes: number };
  /** daily backups of the embedded database: where (undefined: off) and how many to keep */
  backup: { dir?: string; keep: number };
}

/** Sign-in limits: requests per address and per username in a window, and the progressive delay. */
export interface LoginLimits {
  perIpMax: number;
  perIpWindowSeconds: number;
  perUsernameMax: number;
  perUsernameWindowSeconds: number;
  delayMs: number; // the second failure in a row waits this long, each further one twice as long …
  delayMaxMs: number; // … up to this
}

/** Ledger (台账) upload limits: a file over any of them is refused before anything is written. */
export interface LedgerLimits {
  maxFileBytes: number;
  maxRows: number;
  maxUncompressedBytes: number; // zip-bomb guard for .xlsx
  /** Dry runs and commits run at once (LEDGER_JOBS, default 1: on PGlite a second one only doubles the others' waits). */
  jobs: number;
  /**
   * On PGlite, a staged commit is applied this many rows per transaction (LEDGER_APPLY_SLICE, default 1000),
   * other requests served in between, and undone from its journal if it fails (platform/ledgers/apply.ts);
   * on PostgreSQL it stays one transaction (readers do not wait for it there).
   */
  applySlice: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

/** XIEZUO_TRUST_PROXY: unset/false → no proxy trusted; true → every hop; a number → that many hops; else addresses or CIDRs. */
export function parseTrustProxy(v: string | undefined): boolean | number | string[] {
  const s = (v ?? '').trim();
  if (s === '' || s === 'false' || s === '0') return false;
  if (s === 'true') return true;
  if (/^\d+$/.test(s)) return Number(s);
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

const list = (v: string | undefined, d: string[]) =>
  v === undefined
    ? d
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.XIEZUO_DATA_DIR ?? 'data');
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    webDist: resolve(env.XIEZUO_WEB_DIST ?? 'packages/web/dist'),
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 30),
      absoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
      touchSeconds: int(env.SESSION_TOUCH_SECONDS, 30),
      // roles whose new sign-in ends their older sessions
      singleRoles: list(env.SESSION_SINGLE_ROLES, ['admin']),
    },
    lockout: { maxFailures: Math.max(1, int(env.LOCKOUT_MAX_FAILURES, 5)), minutes: int(env.LOCKOUT_MINUTES, 15) },
    login: {
      perIpMax: int(env.LOGIN_RATE_PER_IP, 60),
      perIpWindowSeconds: int(env.LOGIN_RATE_PER_IP_SECONDS, 60),
      perUsernameMax: int(env.LOGIN_RATE_PER_USERNAME, 20),
      perUsernameWindowSeconds: int(env.LOGIN_RATE_PER_USERNAME_SECONDS, 15 * 60),
      delayMs: int(env.LOGIN_DELAY_MS, 250),
      delayMaxMs: int(env.LOGIN_DELAY_MAX_MS, 4000),
    },
    passwordProfile: env.PASSWORD_PROFILE === 'mlps3' ? 'mlps3' : 'asvs',
    scryptCost: int(env.SCRYPT_COST, 17),
    auditRetentionDays: Math.max(184, int(env.AUDIT_RETENTION_DAYS, 184)),
    dataKey: env.XIEZUO_DATA_KEY || undefined,
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(env.XIEZUO_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.SEED_DEMO !== 'false',
    ledgers: {
      maxFileBytes: int(env.LEDGER_MAX_FILE_BYTES, 100 * 1024 * 1024),
      maxRows: int(env.LEDGER_MAX_ROWS, 300_000),
      maxUncompressedBytes: int(env.LEDGER_MAX_UNCOMPRESSED_BYTES, 1024 * 1024 * 1024),
      jobs: Math.max(1, int(env.LEDGER_JOBS, 1)),
      applySlice: Math.max(1, int(env.LEDGER_APPLY_SLICE, 1000)),
    },
    attachments: { maxFileBytes: Math.max(1024, int(env.ATTACHMENT_MAX_BYTES, 10 * 1024 * 1024)) },
    backup: {
      dir: env.XIEZUO_BACKUP_DIR === 'off' ? undefined : resolve(env.XIEZUO_BACKUP_DIR || 'backups'),
      keep: Math.max(1, int(env.XIEZUO_BACKUP_KEEP, 7)),
    },
  };
}
