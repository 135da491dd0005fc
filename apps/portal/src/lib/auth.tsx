'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LockScreen } from '../components/LockScreen';
import { graphql } from '../gql';
import type { AuthFieldsFragment, SecondFactorStepFragment, UserFieldsFragment } from '../gql/graphql';
import { GqlError, gqlFetch, type Document, type VariablesOf } from './graphql';

/** The signed-in user (and, in the admin's lists, any user of the agency). */
export type User = UserFieldsFragment;
/** Either a session (accessToken, expiresAt, user) or, after a right password, the second step that is due. */
export type AuthPayload = AuthFieldsFragment;
export type SecondFactorChallenge = SecondFactorStepFragment;

graphql(`
  fragment AgencyFields on Agency {
    id
    name
    nameEn
    kind
    region
    coordinating
    createdAt
  }
`);

graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    roles
    active
    lockedUntil
    lastLoginAt
    createdAt
    agency {
      ...AgencyFields
    }
  }
`);

graphql(`
  fragment SecondFactorStep on SecondFactorChallenge {
    challenge
    expiresAt
    methods
    enrolmentRequired
    enrolmentToken
  }
`);

graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    expiresAt
    sessionExpiresAt
    idleLockMinutes
    user {
      ...UserFields
    }
    secondFactor {
      ...SecondFactorStep
    }
  }
`);

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...AuthFields
    }
  }
`);
const REFRESH_SESSION = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...AuthFields
    }
  }
`);
const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);
const VERIFY_SECOND_FACTOR = graphql(`
  mutation VerifySecondFactor($input: SecondFactorInput!) {
    verifySecondFactor(input: $input) {
      ...AuthFields
    }
  }
`);
const PASSKEY_SIGN_IN_OPTIONS = graphql(`
  mutation PasskeySignInOptions($challenge: String!) {
    passkeySignInOptions(challenge: $challenge)
  }
`);
const LOCK_SESSION = graphql(`
  mutation LockSession {
    lockSession
  }
`);
const PASSKEY_UNLOCK_OPTIONS = graphql(`
  mutation PasskeyUnlockOptions {
    passkeyUnlockOptions
  }
`);
const UNLOCK_SESSION = graphql(`
  mutation UnlockSession($input: UnlockInput!) {
    unlockSession(input: $input) {
      ...AuthFields
    }
  }
`);

export interface Session {
  /** Empty while the session is locked: the access token is dropped from memory until the lock screen is passed. */
  token: string;
  expiresAt: string;
  user: User;
  /** The agency's idle time before the portal locks (null: no lock). */
  idleLockMinutes: number | null;
  sessionExpiresAt: string | null;
}

/** `locked`: the idle lock (or the api's) holds the session; the page stays mounted under the lock screen. */
export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'locked';

/** Exactly one of the fields, as verifySecondFactor takes them (passkey: JSON of the browser's answer). */
export interface SecondFactorProof {
  totpCode?: string;
  recoveryCode?: string;
  passkey?: string;
}

export interface UnlockProof {
  password?: string;
  passkey?: string;
}

interface AuthContextValue {
  status: AuthStatus;
  session: Session | null;
  /** True once the user logged out here: no "return to this page" after the next login. */
  loggedOut: boolean;
  /** Why the last session ended on its own (SESSION_LIFETIME_REACHED, AGENCY_INACTIVE, ...), for the login page. */
  endedReason: string | null;
  /** The password step; answers the second step that is due, or null when the session is open. */
  login(email: string, password: string): Promise<SecondFactorChallenge | null>;
  /** The second step of a log-in, with the challenge the password step gave. */
  verifySecondFactor(challenge: string, proof: SecondFactorProof): Promise<void>;
  /** WebAuthn request options (JSON) for the second step with a passkey. */
  passkeySignInOptions(challenge: string): Promise<string>;
  /** The lock screen: the password or a passkey again; the page goes on where it was. */
  unlock(proof: UnlockProof): Promise<void>;
  /** WebAuthn request options (JSON) for unlocking with a passkey. */
  passkeyUnlockOptions(): Promise<string>;
  logout(): Promise<void>;
  /**
   * Runs a GraphQL operation (a document of the generated `graphql()`) as the signed-in user; on UNAUTHENTICATED it
   * refreshes once and retries. Result and variables are typed from the document.
   */
  request<TResult, TVariables>(document: Document<TResult, TVariables>, ...variables: VariablesOf<TVariables>): Promise<TResult>;
  /**
   * Runs a call that needs the bearer token (uploads, downloads); when it fails with UNAUTHENTICATED
   * it refreshes once and runs again with the new token. While the session is locked it waits for the unlock.
   */
  withToken<T>(call: (token: string | undefined) => Promise<T>): Promise<T>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** What a refresh found: a new access token, a locked session, or an ended one (and why). */
type RefreshOutcome = { kind: 'session'; payload: AuthPayload } | { kind: 'locked' } | { kind: 'ended'; reason: string | null };

// One refresh at a time: the api rotates the refresh cookie, so a second concurrent call would present a
// used token and look like token theft (React strict mode runs effects twice in development).
let inflightRefresh: Promise<RefreshOutcome> | null = null;

function refreshOnce(): Promise<RefreshOutcome> {
  inflightRefresh ??= gqlFetch(REFRESH_SESSION, {})
    .then((data): RefreshOutcome => ({ kind: 'session', payload: data.refreshSession }))
    .catch((error: unknown): RefreshOutcome => {
      if (error instanceof GqlError && error.code === 'UNAUTHENTICATED') {
        const reason = error.first?.reason ?? null;
        return reason === 'SESSION_LOCKED' ? { kind: 'locked' } : { kind: 'ended', reason };
      }
      throw error;
    })
    .finally(() => {
      inflightRefresh = null;
    });
  return inflightRefresh;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** What counts as the user being there (not mere pointer drift over the page). */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;
/** The last keyboard, mouse or touch input in any tab of this portal. */
const LAST_ACTIVITY_KEY = 'caselink.lastActivity';

/** How often the idle time is checked. */
const IDLE_CHECK_MS = 5_000;

function sessionOf(payload: AuthPayload | null): Session | null {
  if (!payload?.accessToken || !payload.expiresAt || !payload.user) return null;
  return {
    token: payload.accessToken, expiresAt: payload.expiresAt, user: payload.user,
    idleLockMinutes: payload.idleLockMinutes, sessionExpiresAt: payload.sessionExpiresAt,
  };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const [endedReason, setEndedReason] = useState<string | null>(null);
  // request() reads the token from a ref so callers never hold a stale one.
  const sessionRef = useRef<Session | null>(null);
  const lockedRef = useRef(false);
  // Calls made while locked wait here for the unlock (or the logout).
  const waitersRef = useRef<(() => void)[]>([]);
  const lastActivityRef = useRef(0);

  const releaseWaiters = useCallback(() => {
    const waiters = waitersRef.current;
    waitersRef.current = [];
    for (const w of waiters) w();
  }, []);

  const apply = useCallback(
    (payload: AuthPayload | null) => {
      const next = sessionOf(payload);
      sessionRef.current = next;
      lockedRef.current = false;
      lastActivityRef.current = Date.now();
      setSession(next);
      setStatus(next ? 'authenticated' : 'anonymous');
      releaseWaiters();
    },
    [releaseWaiters],
  );

  /** Keeps the page (and who is signed in) but drops the access token until the lock screen is passed. */
  const enterLocked = useCallback(() => {
    lockedRef.current = true;
    const current = sessionRef.current;
    const next = current ? { ...current, token: '' } : null;
    sessionRef.current = next;
    setSession(next);
    setStatus('locked');
  }, []);

  const settle = useCallback(
    (outcome: RefreshOutcome) => {
      if (outcome.kind === 'session') {
        apply(outcome.payload);
      } else if (outcome.kind === 'locked') {
        enterLocked();
      } else {
        if (sessionRef.current || lockedRef.current) setEndedReason(outcome.reason);
        apply(null);
      }
    },
    [apply, enterLocked],
  );

  const refresh = useCallback(async () => {
    try {
      settle(await refreshOnce());
    } catch {
      apply(null);
    }
  }, [apply, settle]);

  // Restore the session from the httpOnly refresh cookie on page load.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Keep the in-memory access token fresh while the page stays open (not while locked: the api refuses it).
  useEffect(() => {
    if (!session || status !== 'authenticated') return;
    const wait = Math.max(5_000, new Date(session.expiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS);
    const timer = setTimeout(() => void refresh(), wait);
    return () => clearTimeout(timer);
  }, [session, status, refresh]);

  const lock = useCallback(async () => {
    if (lockedRef.current) return;
    enterLocked();
    try {
      await gqlFetch(LOCK_SESSION, {});
    } catch {
      // The token is gone from memory either way; the api also locks an idle session on its own.
    }
  }, [enterLocked]);

  // The idle lock: no keyboard, mouse or touch input for the agency's idle time locks the session. The tabs of one
  // browser share the session (one refresh cookie), so input in any of them counts: the last input time is shared
  // through localStorage, and a tab someone is working in is not locked by an idle one.
  const idleMinutes = session?.idleLockMinutes ?? null;
  useEffect(() => {
    if (status !== 'authenticated' || !idleMinutes) return;
    const sharedActivity = () => Number(window.localStorage.getItem(LAST_ACTIVITY_KEY) ?? 0);
    const seen = () => {
      const now = Date.now();
      lastActivityRef.current = now;
      // At most once a second: mousemove fires often.
      if (now - sharedActivity() > 1_000) window.localStorage.setItem(LAST_ACTIVITY_KEY, String(now));
    };
    seen();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, seen, { passive: true, capture: true });
    const timer = setInterval(() => {
      const last = Math.max(lastActivityRef.current, sharedActivity());
      if (Date.now() - last >= idleMinutes * 60_000) void lock();
    }, IDLE_CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, seen, { capture: true });
    };
  }, [status, idleMinutes, lock]);

  const login = useCallback(
    async (email: string, password: string) => {
      const payload = (await gqlFetch(LOGIN, { input: { email, password } })).login;
      if (payload?.secondFactor) return payload.secondFactor;
      setLoggedOut(false);
      setEndedReason(null);
      apply(payload);
      return null;
    },
    [apply],
  );

  const verifySecondFactor = useCallback(
    async (challenge: string, proof: SecondFactorProof) => {
      const data = await gqlFetch(VERIFY_SECOND_FACTOR, { input: { challenge, ...proof } });
      setLoggedOut(false);
      setEndedReason(null);
      apply(data.verifySecondFactor);
    },
    [apply],
  );

  const passkeySignInOptions = useCallback(
    async (challenge: string) => (await gqlFetch(PASSKEY_SIGN_IN_OPTIONS, { challenge })).passkeySignInOptions,
    [],
  );

  const unlock = useCallback(
    async (proof: UnlockProof) => {
      try {
        const data = await gqlFetch(UNLOCK_SESSION, { input: proof });
        apply(data.unlockSession);
      } catch (error) {
        // The session ended meanwhile (its lifetime, the agency switched off, ended elsewhere): back to the login.
        const reason = error instanceof GqlError && error.code === 'UNAUTHENTICATED' ? error.first?.reason : undefined;
        if (reason && reason !== 'INVALID_CREDENTIALS' && reason !== 'INVALID_SECOND_FACTOR' && reason !== 'SESSION_LOCKED' && reason !== 'ACCOUNT_LOCKED') {
          setEndedReason(reason);
          apply(null);
        }
        throw error;
      }
    },
    [apply],
  );

  const passkeyUnlockOptions = useCallback(
    async () => (await gqlFetch(PASSKEY_UNLOCK_OPTIONS, {})).passkeyUnlockOptions,
    [],
  );

  const logout = useCallback(async () => {
    try {
      await gqlFetch(LOGOUT, {}, sessionRef.current?.token || undefined);
    } catch {
      // The local session ends regardless; the refresh token expires on its own.
    }
    setLoggedOut(true);
    setEndedReason(null);
    apply(null);
  }, [apply]);

  const untilUnlocked = useCallback(
    () => (lockedRef.current ? new Promise<void>((resolve) => waitersRef.current.push(resolve)) : Promise.resolve()),
    [],
  );

  const withToken = useCallback(
    async <T,>(call: (token: string | undefined) => Promise<T>): Promise<T> => {
      await untilUnlocked();
      try {
        return await call(sessionRef.current?.token || undefined);
      } catch (error) {
        if (!(error instanceof GqlError) || error.code !== 'UNAUTHENTICATED') throw error;
        if (lockedRef.current) {
          // Locked while the call was under way: it runs again once the lock screen is passed.
          await untilUnlocked();
          return call(sessionRef.current?.token || undefined);
        }
        const outcome = await refreshOnce().catch((): RefreshOutcome => ({ kind: 'ended', reason: null }));
        settle(outcome);
        if (outcome.kind === 'session' && outcome.payload.accessToken) return call(outcome.payload.accessToken);
        if (outcome.kind === 'locked') {
          await untilUnlocked();
          return call(sessionRef.current?.token || undefined);
        }
        throw error;
      }
    },
    [settle, untilUnlocked],
  );

  const request = useCallback(
    <TResult, TVariables>(document: Document<TResult, TVariables>, ...[variables]: VariablesOf<TVariables>): Promise<TResult> =>
      withToken((token) => gqlFetch(document, variables ?? ({} as TVariables), token)),
    [withToken],
  );

  const value = useMemo(
    () => ({
      status, session, loggedOut, endedReason, login, verifySecondFactor, passkeySignInOptions, unlock, passkeyUnlockOptions, logout, request, withToken,
    }),
    [status, session, loggedOut, endedReason, login, verifySecondFactor, passkeySignInOptions, unlock, passkeyUnlockOptions, logout, request, withToken],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      {status === 'locked' && (
        <LockScreen user={session?.user ?? null} onUnlock={unlock} passkeyOptions={passkeyUnlockOptions} onLogout={logout} />
      )}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
