import Link from "next/link";
import type { ReactNode } from "react";

/** The site's error pages (404, 403): a status line, a heading, an explanation and one or two ways on. */
export function StatusPage({
  testId,
  status,
  statusClassName,
  heading,
  children,
  primary,
  secondary,
}: {
  testId: string;
  status: string;
  statusClassName: string;
  heading: string;
  children: ReactNode;
  primary: { href: string; label: string };
  secondary?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6" data-testid={testId}>
      <p className={`text-sm font-semibold uppercase tracking-wide ${statusClassName}`}>{status}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900 dark:text-white">{heading}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{children}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href={primary.href} className="btn-primary">
          {primary.label}
        </Link>
        {secondary ? (
          <Link href={secondary.href} className="btn-secondary">
            {secondary.label}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
