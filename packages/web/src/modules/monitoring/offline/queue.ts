// 待上传队列: visits, measure follow-ups and risk notes typed with no signal, each sealed under the user's key
// in IndexedDB (only its client id, owner and time are in the clear), uploaded by itself when the connection
// returns. Every upload carries its client id, so a retry after a lost answer never makes a second row.
import { authApi } from '@xiezuo/shared/contracts/auth';
import {
  type MeasureFollowUp,
  monitoringApi,
  type Reconciled,
  type RiskCreate,
  type VisitCreate,
} from '@xiezuo/shared/contracts/monitoring';
import type { z } from 'zod';
import { ApiError, call, setCsrfToken } from '../../../app/api';
import { downloadPack } from './pack';
import { all, del, get, keep, kept, put, type Sealed, seal, type Unlocked, unlocked, unseal, withinLimits } from './vault';

/** A photo waiting with its visit: compressed JPEG on the phone, with the time it was taken. */
export interface PendingPhoto {
  clientId: string;
  fileName: string;
  base64: string;
  size: number;
  takenAt: string;
}
export type QueueItem = { clientId: string; householdId: number; label: string; createdAt: string } & (
  | { kind: 'visit'; body: z.input<typeof VisitCreate>; photos: PendingPhoto[] }
  | { kind: 'followUp'; measureId: number; body: z.input<typeof MeasureFollowUp> }
  | { kind: 'risk'; body: z.input<typeof RiskCreate> }
);
/** No key on the phone, or past the session's limits: sign in again (with a connection) to save offline. */
export class SessionEnded extends Error {}

/** A queued item as stored: the clear fields say only whose it is and when; the rest is ciphertext. */
interface Stored extends Sealed {
  clientId: string;
  userId: number;
  createdAt: string;
  error?: Sealed; // why the server refused it (kept for the cadre to see), sealed too
}
/** What the server reconciled on upload, shown to the cadre until they dismiss it. */
export interface Notice {
  clientId: string;
  label: string;
  kind: QueueItem['kind'];
  reconciled: Reconciled[];
}
export interface QueueState {
  pending: number;
  failed: { clientId: string; label: string; reason: string }[];
  otherUser: number;
  uploading: boolean;
  notices: Notice[];
}

let state: QueueState = { pending: 0, failed: [], otherUser: 0, uploading: false, notices: [] };
const listeners = new Set<(s: QueueState) => void>();
export const queueState = () => state;
export function subscribe(fn: (s: QueueState) => void) {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}
function set(patch: Partial<QueueState>) {
  state = { ...state, ...patch };
  for (const fn of listeners) fn(state);
}

/** Re-reads the counts (the clear fields only, and the sealed errors of this user's items). */
export async function refresh() {
  const u = await unlocked();
  const rows = await all<Stored>('queue');
  const own = u ? rows.filter((r) => r.userId === u.userId) : [];
  const failed = [];
  for (const r of own.filter((r) => r.error)) {
    const item = await unseal<QueueItem>(u!.key, r);
    failed.push({ clientId: r.clientId, label: item.label, reason: await unseal<string>(u!.key, r.error!) });
  }
  set({
    pending: own.length,
    failed,
    otherUser: rows.length - own.length,
    notices: u ? ((await kept<Notice[]>(u, 'notices')) ?? []) : [],
  });
}

export async function enqueue(item: QueueItem) {
  const u = (await withinLimits()) ? await unlocked() : null;
  if (!u) throw new SessionEnded();
  const stored: Stored = { clientId: item.clientId, userId: u.userId, createdAt: item.createdAt, ...(await seal(u.key, item)) };
  await put('queue', item.clientId, stored);
  await refresh();
}

export async function dismissNotices() {
  const u = await unlocked();
  if (u) await keep(u, 'notices', []);
  await refresh();
}

/** Uploads one item now (photos first, each with its own client id); what the server reconciled. */
export async function upload(item: QueueItem): Promise<Reconciled[]> {
  if (item.kind === 'followUp')
    return (await call(monitoringApi.followUpMeasure, { params: { id: item.measureId }, body: item.body })).reconciled ?? [];
  if (item.kind === 'risk')
    return (await call(monitoringApi.addRisk, { params: { id: item.householdId }, body: item.body })).reconciled ?? [];
  const photoIds: number[] = [];
  for (const p of item.photos) {
    const meta = await call(monitoringApi.uploadAttachment, {
      params: { id: item.householdId },
      body: { fileName: p.fileName, mimeType: 'image/jpeg', contentBase64: p.base64, clientId: p.clientId, takenAt: p.takenAt },
    });
    photoIds.push(meta.id);
  }
  const visit = await call(monitoringApi.recordVisit, { params: { id: item.householdId }, body: { ...item.body, photoIds } });
  return visit.reconciled ?? [];
}

/** A refusal that a retry would not change (bad input, gone, out of scope), as opposed to no connection. */
const refused = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401;

async function uploadOne(u: Unlocked, row: Stored): Promise<'done' | 'refused' | 'stop'> {
  const item = await unseal<QueueItem>(u.key, row);
  try {
    const reconciled = await upload(item);
    if (reconciled.length) {
      const notices = (await kept<Notice[]>(u, 'notices')) ?? [];
      await keep(u, 'notices', [...notices, { clientId: item.clientId, label: item.label, kind: item.kind, reconciled }]);
    }
    await del('queue', row.clientId);
    return 'done';
  } catch (e) {
    if (!refused(e)) return 'stop'; // no connection, or the session ended: try again later
    const reason = (e as ApiError).body.details[0]?.message ?? (e as ApiError).message;
    await put('queue', row.clientId, { ...row, error: await seal(u.key, reason) });
    return 'refused';
  }
}

let running: Promise<void> | null = null;
/** Uploads this user's queue, oldest first; stops at the first sign of no connection. Safe to call often. */
export function syncQueue(): Promise<void> {
  running ??= (async () => {
    try {
      const u = await unlocked();
      if (!u || !navigator.onLine) return;
      const rows = (await all<Stored>('queue')).filter((r) => r.userId === u.userId && !r.error);
      if (!rows.length) return;
      set({ uploading: true });
      setCsrfToken((await call(authApi.me)).csrfToken); // a fresh CSRF token: the page may have opened offline
      rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      let uploaded = 0;
      for (const row of rows) {
        const outcome = await uploadOne(u, row);
        if (outcome === 'stop') break;
        if (outcome === 'done') uploaded++;
      }
      if (uploaded) await downloadPack(u); // the cards as the server has them now (last visit, risks closed)
    } catch {
      // no connection or no session: the queue waits
    } finally {
      running = null;
      set({ uploading: false });
      await refresh();
    }
  })();
  return running;
}

/** Retries the items the server refused (after the cadre fixed what it said, or the household changed back). */
export async function retryRefused() {
  for (const r of await all<Stored>('queue')) if (r.error) await put('queue', r.clientId, { ...r, error: undefined });
  await syncQueue();
}

export const isQueued = async (clientId: string) => !!(await get<Stored>('queue', clientId));
