"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

/**
 * Who is signed in, for the client islands of otherwise static pages (header, lesson progress). A few lines over
 * next-auth's own endpoints instead of `next-auth/react`, which would add ~20 kB of gzipped JS to every lesson.
 * Signing in (with its CSRF and error handling) still uses next-auth/react, but only on the sign-in pages.
 */

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

type Status = "loading" | "authenticated" | "unauthenticated";

interface SessionValue {
  status: Status;
  user: SessionUser | null;
  /** Re-reads the session, e.g. right after signing in. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue>({ status: "loading", user: null, refresh: async () => {} });

async function fetchSession(): Promise<SessionUser | null> {
  try {
    const res = await fetch("/api/auth/session", { cache: "no-store" });
    const json = (await res.json()) as { user?: Partial<SessionUser> } | null;
    const u = json?.user;
    return u?.id ? { id: u.id, name: u.name ?? "", email: u.email ?? "", role: u.role ?? "LEARNER" } : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ status: Status; user: SessionUser | null }>({ status: "loading", user: null });
  const refresh = useCallback(async () => {
    const user = await fetchSession();
    setState({ status: user ? "authenticated" : "unauthenticated", user });
  }, []);
  useEffect(() => {
    let live = true;
    fetchSession().then((user) => {
      if (live) setState({ status: user ? "authenticated" : "unauthenticated", user });
    });
    return () => {
      live = false;
    };
  }, []);
  const value = useMemo(() => ({ ...state, refresh }), [state, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** Signs out through next-auth (CSRF-protected POST), then loads `callbackUrl` afresh. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(callbackUrl);
}
