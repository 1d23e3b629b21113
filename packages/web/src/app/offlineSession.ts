// Seams for modules that work offline (the monitoring visit queue): told when a user signs in, asked for the
// last signed-in user when the server cannot be reached, told when the user signs out or the session ends.
// The platform knows no module; a module registers its hooks here when it loads.
import type { Me as MeSchema } from '@xiezuo/shared/contracts/auth';
import type { z } from 'zod';

type Me = z.infer<typeof MeSchema>;

export interface OfflineSessionHooks {
  /** The server answered /api/auth/me: derive this session's key, refresh what is kept offline. */
  signedIn?(me: Me): Promise<void>;
  /** No connection: the user this phone last signed in, if their offline key is still here. */
  offlineMe?(): Promise<Me | null>;
  /** Signed out, or the server ended the session: wipe the key (what is queued stays encrypted). */
  signedOut?(): Promise<void>;
}

const registered: OfflineSessionHooks[] = [];

export function registerOfflineSession(hooks: OfflineSessionHooks) {
  registered.push(hooks);
}

const quietly = (p: Promise<unknown> | undefined) => p?.catch((e) => console.warn('offline session hook failed', e));

export async function onSignedIn(me: Me) {
  await Promise.all(registered.map((h) => quietly(h.signedIn?.(me))));
}

export async function onSignedOut() {
  await Promise.all(registered.map((h) => quietly(h.signedOut?.())));
}

export async function offlineMe(): Promise<Me | null> {
  for (const h of registered) {
    const me = await h.offlineMe?.().catch(() => null);
    if (me) return me;
  }
  return null;
}
