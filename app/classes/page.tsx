import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { getJourneySettings } from "@/lib/db/users";
import { getMyClasses } from "@/lib/services/classes";
import { formatDateTime } from "@/lib/time/calendar";
import { requestNow } from "@/lib/time/clock";
import { AssignmentStatusBadge } from "../ui/classes/assignment-status";
import { JoinClassForm, LeaveClassButton } from "./class-forms";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requireUser("/classes");
  const now = await requestNow();
  const [classes, { timeZone }] = await Promise.all([getMyClasses(user, now), getJourneySettings(user)]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 id="classes-heading" tabIndex={-1} className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Your classes</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Join your instructor&apos;s class with the code they gave you. Assigned days show here with their due dates; your
        grade is your best quiz attempt submitted by the due date.
      </p>
      <JoinClassForm />
      {classes.length === 0 ? (
        <p className="mt-8 text-slate-600 dark:text-slate-400" data-testid="no-enrollments">You are not in a class yet.</p>
      ) : (
        <div className="mt-8 space-y-6">
          {classes.map((c) => (
            <section key={c.id} className="card p-5" aria-labelledby={`class-${c.id}`} data-testid="enrolled-class">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 id={`class-${c.id}`} className="text-lg font-semibold text-slate-900 wrap-anywhere dark:text-white">{c.name}</h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">Instructor: {c.instructorName}</p>
                </div>
                <LeaveClassButton classId={c.id} userId={user.id} name={c.name} />
              </div>
              {c.assignments.length === 0 ? (
                <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Nothing assigned yet.</p>
              ) : (
                <ul className="mt-4 divide-y divide-slate-200 dark:divide-slate-800" aria-label={`Assignments in ${c.name}`}>
                  {c.assignments.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="my-assignment">
                      <div className="min-w-0">
                        <Link href={a.quizPath} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                          Day {a.day}: {a.title}
                        </Link>
                        <p className="text-sm text-slate-600 dark:text-slate-400">
                          Due <time dateTime={a.dueAt}>{formatDateTime(a.dueAt, timeZone)}</time>
                          {a.extended ? " (extended for you)" : ""}
                        </p>
                        {a.instructions ? (
                          <p className="mt-1 text-sm whitespace-pre-line text-slate-700 wrap-anywhere dark:text-slate-300">{a.instructions}</p>
                        ) : null}
                      </div>
                      <AssignmentStatusBadge status={a.status} percent={a.status === "done" ? a.onTimePercent : a.bestPercent} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
