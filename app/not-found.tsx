import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Every 404 of the site (unknown paths, days without a lesson, ids of an impossible shape), in the site's own look. */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6" data-testid="not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-sky-700 dark:text-sky-400">404 · Not found</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900 dark:text-white">There is no page at this address</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        The link may be mistyped or out of date. The course plan lists every day that has a lesson.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/course" className="btn-primary">
          See the course plan
        </Link>
        <Link href="/dashboard" className="btn-secondary">
          Go to your dashboard
        </Link>
      </div>
    </div>
  );
}
