// The phone's encrypted store (IndexedDB + WebCrypto AES-GCM). Everything about households — the queue of
// visits and follow-ups, the offline cards, the last signed-in user — is kept only as ciphertext. The key is
// derived (HKDF) at each sign-in from the user's server-given secret and a salt kept on the phone, stored as a
// non-extractable CryptoKey (script can use it, never read it), and deleted on sign-out or when the server
// ends the session: the queue then stays encrypted until the same user signs in again and re-derives it.

const DB = 'xiezuo-offline';
const STORES = ['keys', 'salts', 'session', 'queue', 'vault'] as const;
type Store = (typeof STORES)[number];

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}
export interface Unlocked {
  userId: number;
  key: CryptoKey;
}

let opened: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opened;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx(store: Store, mode: IDBTransactionMode) {
  return (await db()).transaction(store, mode).objectStore(store);
}
export const get = async <T>(store: Store, key: IDBValidKey) => done<T | undefined>((await tx(store, 'readonly')).get(key));
export const put = async (store: Store, key: IDBValidKey, value: unknown) => done((await tx(store, 'readwrite')).put(value, key));
export const del = async (store: Store, key: IDBValidKey) => done((await tx(store, 'readwrite')).delete(key));
export const all = async <T>(store: Store) => done<T[]>((await tx(store, 'readonly')).getAll());

const text = new TextEncoder();
const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Derives this session's key from the user's secret and the phone's salt, and keeps it (non-extractable). */
export async function unlock(userId: number, secret: string): Promise<Unlocked> {
  let salt = await get<Uint8Array<ArrayBuffer>>('salts', userId);
  if (!salt) {
    salt = crypto.getRandomValues(new Uint8Array(16));
    await put('salts', userId, salt);
  }
  const base = await crypto.subtle.importKey('raw', fromB64url(secret), 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: text.encode('xiezuo offline queue v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  await put('keys', userId, key);
  await put('session', 'current', userId);
  return { userId, key };
}

/** The signed-in user's key, if this phone still holds it. */
export async function unlocked(): Promise<Unlocked | null> {
  const userId = await get<number>('session', 'current');
  if (userId == null) return null;
  const key = await get<CryptoKey>('keys', userId);
  return key ? { userId, key } : null;
}

/** The session's limits as the server gave them at sign-in; offline work keeps to them too. */
export async function setLimits(endsAt: number, idleMs: number) {
  await put('session', 'limits', { endsAt, idleMs });
  await touch(true);
}

let lastTouch = 0;
/** The user did something (at most one write every 30 s): the idle clock starts again. */
export async function touch(force = false) {
  const now = Date.now();
  if (!force && now - lastTouch < 30_000) return;
  lastTouch = now;
  if ((await get<number>('session', 'current')) != null) await put('session', 'active', now);
}

/** Within the session's absolute and idle limits, as the server would judge them (false when none are kept). */
export async function withinLimits(now = Date.now()): Promise<boolean> {
  const limits = await get<{ endsAt: number; idleMs: number }>('session', 'limits');
  const active = await get<number>('session', 'active');
  return !!limits && now < limits.endsAt && (active == null || now - active <= limits.idleMs);
}

/** Sign-out: the key and the cards go; the queue stays, encrypted, for the same user's next sign-in. */
export async function lock() {
  const userId = await get<number>('session', 'current');
  if (userId == null) return;
  await del('keys', userId);
  await del('vault', `${userId}:pack`);
  await del('vault', `${userId}:me`);
  await del('session', 'current');
  await del('session', 'limits');
  await del('session', 'active');
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, text.encode(JSON.stringify(value)));
  return { iv, data };
}

export async function unseal<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** A value of the user's own, sealed under their key (`pack`, `me`, `notices`). */
export async function keep(u: Unlocked, name: string, value: unknown) {
  await put('vault', `${u.userId}:${name}`, await seal(u.key, value));
}
export async function kept<T>(u: Unlocked, name: string): Promise<T | undefined> {
  const sealed = await get<Sealed>('vault', `${u.userId}:${name}`);
  return sealed ? unseal<T>(u.key, sealed) : undefined;
}
