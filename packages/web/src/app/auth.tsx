// The signed-in user, loaded once from /api/auth/me and shared by every page.
import type { Permission } from '@xiezuo/shared/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, get, setCsrfToken } from './api';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: string;
  permissions: Permission[];
  mustChangePassword: boolean;
  csrfToken: string;
  scope: { all: boolean; divisions: { code: string; name: string }[]; teams: { id: number; name: string }[] };
  passwordRules: { minLength: number; minClasses: number };
}

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
        const me = await get<Me>('/api/auth/me');
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
