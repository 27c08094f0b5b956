import type { Metadata } from "next";
import Link from "next/link";
import { requireInstructor } from "@/lib/auth/guards";
import { listClassesTaught } from "@/lib/services/classes";
import { NewClassForm } from "./new-class-form";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage() {
  const user = await requireInstructor("/teach");
  const classes = await listClassesTaught(user);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Your classes</h1>
      <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
        Create a class and share its code: learners join with it from their Classes page. Assign days with due dates, and
        the gradebook fills in from their quiz attempts, simulator questions included.
      </p>
      <NewClassForm />
      {classes.length === 0 ? (
        <p className="mt-8 text-slate-600 dark:text-slate-400" data-testid="no-classes">
          You have no classes yet. Name your first one above.
        </p>
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2" aria-label="Classes you teach">
          {classes.map((c) => (
            <li key={c.id} className="card p-5" data-testid="class-card">
              <Link href={`/teach/${c.id}`} className="text-lg font-semibold text-brand-700 wrap-anywhere hover:underline dark:text-brand-300">
                {c.name}
              </Link>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                Code <span className="font-mono font-semibold text-slate-900 dark:text-white">{c.joinCode}</span>
                {" · "}
                {c.members} {c.members === 1 ? "learner" : "learners"} · {c.assignments} {c.assignments === 1 ? "assignment" : "assignments"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
