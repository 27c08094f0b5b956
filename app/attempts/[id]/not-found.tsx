import Link from "next/link";

/**
 * An attempt id that names nothing the viewer may see. Someone else's attempt gets this page too (with a 404, like an
 * unknown id), so the page neither confirms that an id exists nor answers 200 for a refusal.
 */
export default function AttemptNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6" data-testid="attempt-not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-sky-700 dark:text-sky-400">404 · Not found</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900 dark:text-white">This attempt isn&apos;t available to you</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        There is no attempt at this address, or it belongs to another learner. Your own attempts are listed on your
        dashboard.
      </p>
      <Link href="/dashboard" className="btn-primary mt-6">
        Go to your dashboard
      </Link>
    </div>
  );
}
