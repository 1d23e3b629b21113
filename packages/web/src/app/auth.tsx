// The signed-in user, loaded once from /api/auth/me and shared by every page.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type Me as MeSchema } from '@xiezuo/shared/contracts/auth';
import type { Permission } from '@xiezuo/shared/roles';
import { createContext, type ReactNode, useContext } from 'react';
import type { z } from 'zod';
import { ApiError, call, setCsrfToken } from './api';

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
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
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
