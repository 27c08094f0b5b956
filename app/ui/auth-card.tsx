import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./logo";

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-16 sm:px-6">
      <Link href="/" className="mx-auto" aria-label="Nimbus home">
        <Logo className="h-10 w-10" />
      </Link>
      <h1 className="mt-6 text-center text-2xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
      <p className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">{subtitle}</p>
      <div className="card mt-8 p-6 sm:p-8">{children}</div>
    </div>
  );
}
