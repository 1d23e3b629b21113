// React views of the offline state: the queue (待上传), the cards on this phone, and whether there is signal.
import type { OfflinePack } from '@xiezuo/shared/contracts/monitoring';
import { useEffect, useState } from 'react';
import { onPackChange, readPack } from './pack';
import { type QueueState, queueState, subscribe } from './queue';

export function useQueue(): QueueState {
  const [s, setS] = useState(queueState());
  useEffect(() => subscribe(setS), []);
  return s;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The offline pack on this phone (undefined while reading, null when there is none). */
export function usePack(): OfflinePack | null | undefined {
  const [pack, setPack] = useState<OfflinePack | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void readPack().then(setPack, () => setPack(null));
    load();
    return onPackChange(load);
  }, []);
  return pack;
}
