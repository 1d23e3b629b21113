// The signed-in user, loaded once from /api/auth/me and shared by every page.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type Me as MeSchema } from '@xiezuo/shared/contracts/auth';
import type { Permission } from '@xiezuo/shared/roles';
import { createContext, type ReactNode, useContext } from 'react';
import type { z } from 'zod';
import { ApiError, call, setCsrfToken } from './api';
import { offlineMe, onSignedIn, onSignedOut } from './offlineSession';

export type Me = z.infer<typeof MeSchema>;

interface AuthState {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  can(p: Permission): boolean;
}

const AuthContext = createContext<AuthState>({ me: null, loading: true, refresh: async () => {}, can: () => false });

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await call(authApi.me);
        setCsrfToken(me.csrfToken);
        void onSignedIn(me); // offline work: this session's key, the cadre's cards (in the background)
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          await onSignedOut(); // the session ended: what is queued offline stays encrypted until this user signs in again
          return null;
        }
        if (!(e instanceof ApiError)) {
          const offline = await offlineMe(); // no connection: the user this phone last signed in, while their key is here
          if (offline) return offline;
        }
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  const me = query.data ?? null;
  const state: AuthState = {
    me,
    loading: query.isLoading,
    refresh: async () => {
      await client.invalidateQueries();
      await query.refetch();
    },
    can: (p) => !!me?.permissions.includes(p),
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
