// 离线资料包 on the phone: the cadre's household cards, sealed under their key, read by the offline pages.
import { monitoringApi, type OfflinePack } from '@xiezuo/shared/contracts/monitoring';
import { call } from '../../../app/api';
import { keep, kept, type Unlocked, unlocked } from './vault';

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
