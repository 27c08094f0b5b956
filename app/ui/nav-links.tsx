"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useSession } from "./session";

const LINKS = [
  { href: "/course", label: "Course" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/review", label: "Review" },
  { href: "/classes", label: "Classes" },
];
/** Instructors and admins also teach (lib/auth/roles.ts decides on the server; this only shows the link). */
const TEACH_LINK = { href: "/teach", label: "Teach" };

const DUE_COUNT_EVENT = "nimbus:due-count";

/** Tells the header's badge the new number of due cards (the review page rates cards without navigating). */
export function announceDueCount(dueCount: number): void {
  window.dispatchEvent(new CustomEvent<number>(DUE_COUNT_EVENT, { detail: dueCount }));
}

/** Cards due for review, refreshed on every navigation and on `announceDueCount`, for the badge on "Review". */
function useDueCount(): number | null {
  const { status } = useSession();
  const pathname = usePathname();
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    fetch("/api/review/count")
      .then((r) => (r.ok ? r.json() : null))
      .then((q: { dueCount?: number } | null) => {
        if (live && typeof q?.dueCount === "number") setDue(q.dueCount);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [status, pathname]);
  useEffect(() => {
    const onCount = (event: Event) => {
      const n = (event as CustomEvent<unknown>).detail;
      if (typeof n === "number") setDue(n);
    };
    window.addEventListener(DUE_COUNT_EVENT, onCount);
    return () => window.removeEventListener(DUE_COUNT_EVENT, onCount);
  }, []);
  return status === "authenticated" ? due : null;
}

export function NavLinks() {
  const pathname = usePathname();
  const due = useDueCount();
  const { user } = useSession();
  const links = user?.role === "INSTRUCTOR" || user?.role === "ADMIN" ? [...LINKS, TEACH_LINK] : LINKS;
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-1 lg:flex-nowrap">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-lg px-2 py-1.5 text-sm font-medium sm:px-3 ${
              active
                ? "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
            }`}
          >
            {link.label}
            {link.href === "/review" && due ? (
              <span className="ml-1 rounded-full bg-brand-600 px-1.5 py-0.5 text-[10px] font-bold text-white tabular-nums" data-testid="header-due">
                {due}
                <span className="sr-only"> due</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
