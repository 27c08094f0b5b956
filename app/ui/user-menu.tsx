"use client";

import Link from "next/link";
import { signOut, useSession } from "./session";

export function UserMenu() {
  const { user, status } = useSession();
  if (status === "loading") {
    // Same footprint as the signed-out buttons so the header does not jump when the session arrives.
    return <div className="h-9 w-20 sm:w-40" aria-hidden="true" />;
  }
  if (!user) {
    return (
      <div className="flex items-center gap-2">
        <Link href="/signin" className="btn-secondary px-2.5 py-1.5 whitespace-nowrap sm:px-3">
          Sign in
        </Link>
        <Link href="/signup" className="btn-primary hidden px-3 py-1.5 sm:inline-flex">
          Start free
        </Link>
      </div>
    );
  }
  const initial = (user.name || user.email || "?").trim().charAt(0).toUpperCase();
  return (
    <div className="flex items-center gap-2">
      <span className="hidden text-sm text-slate-600 md:inline dark:text-slate-300" data-testid="signed-in-as">
        {user.name}
      </span>
      <Link
        href="/settings"
        aria-label="Settings"
        title="Settings"
        className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
      >
        {initial}
      </Link>
      <button type="button" className="btn-secondary px-2.5 py-1.5 whitespace-nowrap sm:px-3" onClick={() => signOut("/")}>
        Sign out
      </button>
    </div>
  );
}
