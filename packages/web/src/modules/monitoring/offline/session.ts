// How the offline queue follows the session: at each sign-in the key is derived again and the cards are
// refreshed; with no connection the last signed-in user (kept sealed) carries on; sign-out wipes the key.
import { monitoringApi } from '@xiezuo/shared/contracts/monitoring';
import { call } from '../../../app/api';
import type { OfflineSessionHooks } from '../../../app/offlineSession';
import { downloadPack } from './pack';
import { refresh, syncQueue } from './queue';
import { keep, kept, lock, setLimits, touch, unlock, unlocked, withinLimits } from './vault';

type Me = Parameters<NonNullable<OfflineSessionHooks['signedIn']>>[0];

export const offlineSession: OfflineSessionHooks = {
  async signedIn(me) {
    if (!me.permissions.includes('monitoring.write') || me.mustChangePassword) return;
    const { userId, secret, sessionEndsAt, idleMinutes } = await call(monitoringApi.offlineKey);
    const u = await unlock(userId, secret);
    await setLimits(Date.parse(sessionEndsAt), idleMinutes * 60_000);
    const { csrfToken: _, ...rest } = me;
    await keep(u, 'me', rest);
    await refresh();
    void syncQueue();
    await downloadPack(u);
  },
  async offlineMe() {
    if (!(await withinLimits())) {
      await lock(); // past the session's limits: the queue stays sealed until this user signs in again
      await refresh();
      return null;
    }
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
  for (const e of ['pointerdown', 'keydown']) window.addEventListener(e, () => void touch(), { passive: true });
  setInterval(() => void syncQueue(), 60_000);
  void refresh();
}
