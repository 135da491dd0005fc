'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LOGIN, LOGOUT, REFRESH_SESSION } from './documents';
import { GqlError, gqlFetch } from './graphql';
import type { AuthPayload, User } from './types';

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

interface AuthContextValue {
  status: AuthStatus;
  session: Session | null;
  /** True once the user logged out here: no "return to this page" after the next login. */
  loggedOut: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Runs a GraphQL operation as the signed-in user; on UNAUTHENTICATED it refreshes once and retries. */
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Runs a call that needs the bearer token (uploads, downloads); when it fails with UNAUTHENTICATED
   * it refreshes once and runs again with the new token.
   */
  withToken<T>(call: (token: string | undefined) => Promise<T>): Promise<T>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

// One refresh at a time: the api rotates the refresh cookie, so a second concurrent call would present a
// used token and look like token theft (React strict mode runs effects twice in development).
let inflightRefresh: Promise<AuthPayload | null> | null = null;

function refreshOnce(): Promise<AuthPayload | null> {
  inflightRefresh ??= gqlFetch<{ refreshSession: AuthPayload }>(REFRESH_SESSION)
    .then((data) => data.refreshSession)
    .catch((error: unknown) => {
      if (error instanceof GqlError && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    })
    .finally(() => {
      inflightRefresh = null;
    });
  return inflightRefresh;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  // request() reads the token from a ref so callers never hold a stale one.
  const sessionRef = useRef<Session | null>(null);

  const apply = useCallback((payload: AuthPayload | null) => {
    const next = payload ? { token: payload.accessToken, expiresAt: payload.expiresAt, user: payload.user } : null;
    sessionRef.current = next;
    setSession(next);
    setStatus(next ? 'authenticated' : 'anonymous');
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await refreshOnce());
    } catch {
      apply(null);
    }
  }, [apply]);

  // Restore the session from the httpOnly refresh cookie on page load.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Keep the in-memory access token fresh while the page stays open.
  useEffect(() => {
    if (!session) return;
    const wait = Math.max(5_000, new Date(session.expiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS);
    const timer = setTimeout(() => void refresh(), wait);
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const login = useCallback(
    async (email: string, password: string) => {
      const data = await gqlFetch<{ login: AuthPayload }>(LOGIN, { input: { email, password } });
      setLoggedOut(false);
      apply(data.login);
    },
    [apply],
  );

  const logout = useCallback(async () => {
    try {
      await gqlFetch(LOGOUT, {}, sessionRef.current?.token);
    } catch {
      // The local session ends regardless; the refresh token expires on its own.
    }
    setLoggedOut(true);
    apply(null);
  }, [apply]);

  const withToken = useCallback(
    async <T,>(call: (token: string | undefined) => Promise<T>): Promise<T> => {
      try {
        return await call(sessionRef.current?.token);
      } catch (error) {
        if (!(error instanceof GqlError) || error.code !== 'UNAUTHENTICATED') throw error;
        const payload = await refreshOnce().catch(() => null);
        apply(payload);
        if (!payload) throw error;
        return call(payload.accessToken);
      }
    },
    [apply],
  );

  const request = useCallback(
    <T,>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
      withToken((token) => gqlFetch<T>(query, variables, token)),
    [withToken],
  );

  const value = useMemo(
    () => ({ status, session, loggedOut, login, logout, request, withToken }),
    [status, session, loggedOut, login, logout, request, withToken],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
