// How the offline queue follows the session: at each sign-in the key is derived again and the cards are
// refreshed; with no connection the last signed-in user (kept sealed) carries on; sign-out wipes the key.
import { monitoringApi, type OfflinePack } from '@xiezuo/shared/contracts/monitoring';
import { call } from '../../../app/api';
import type { OfflineSessionHooks } from '../../../app/offlineSession';
import { refresh, syncQueue } from './queue';
import { keep, kept, lock, type Unlocked, unlock, unlocked } from './vault';

type Me = Parameters<NonNullable<OfflineSessionHooks['signedIn']>>[0];

const packListeners = new Set<() => void>();
export function onPackChange(fn: () => void) {
  packListeners.add(fn);
  return () => void packListeners.delete(fn);
}

/** 下载离线资料: the cadre's household cards, sealed under their key. */
export async function downloadPack(u?: Unlocked | null): Promise<OfflinePack | null> {
  const key = u ?? (await unlocked());
  if (!key) return null;
  const pack = await call(monitoringApi.offlinePack);
  await keep(key, 'pack', pack);
  for (const fn of packListeners) fn();
  return pack;
}

/** The cards on this phone, if any (whatever their date: the page says when they are out of date). */
export async function readPack(): Promise<OfflinePack | null> {
  const u = await unlocked();
  return u ? ((await kept<OfflinePack>(u, 'pack')) ?? null) : null;
}

export const offlineSession: OfflineSessionHooks = {
  async signedIn(me) {
    if (!me.permissions.includes('monitoring.write') || me.mustChangePassword) return;
    const { userId, secret } = await call(monitoringApi.offlineKey);
    const u = await unlock(userId, secret);
    const { csrfToken: _, ...rest } = me;
    await keep(u, 'me', rest);
    await refresh();
    void syncQueue();
    await downloadPack(u);
  },
  async offlineMe() {
    const u = await unlocked();
    const me = u ? await kept<Omit<Me, 'csrfToken'>>(u, 'me') : undefined;
    return me ? { ...me, csrfToken: '' } : null;
  },
  async signedOut() {
    await lock();
    await refresh();
  },
};

/** Uploads by itself: when the connection returns, and every minute while the app is open. */
export function startAutoUpload() {
  window.addEventListener('online', () => void syncQueue());
  setInterval(() => void syncQueue(), 60_000);
  void refresh();
}
