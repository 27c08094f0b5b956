import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCourse } from "@/lib/content/syllabus";
import { requireInstructor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getClassOverview, type ClassOverview } from "@/lib/services/classes";
import { formatDateTime, localInputValue } from "@/lib/time/calendar";
import { requestNow } from "@/lib/time/clock";
import { recordIdSchema } from "@/lib/validation/ids";
import { AssignmentStatusBadge } from "../../ui/classes/assignment-status";
import { AssignForm, AssignmentActions, ClassSettings, RemoveMemberButton } from "./class-controls";

export const metadata: Metadata = { title: "Class" };

const WEEK_MS = 7 * 86_400_000;

async function loadOverview(classId: string): Promise<{ overview: ClassOverview; now: Date }> {
  const user = await requireInstructor(`/teach/${classId}`);
  if (!recordIdSchema.safeParse(classId).success) notFound();
  const now = await requestNow();
  try {
    return { overview: await getClassOverview(user, classId, now), now };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { overview, now } = await loadOverview(classId);
  const zone = overview.timeZone;
  const assigned = new Set(overview.assignments.map((a) => a.day));
  const assignable = getCourse()
    .filter((d) => d.quizPath && !assigned.has(d.day))
    .map((d) => ({ day: d.day, title: d.title }));
  // A week from now, at the end of that day on the instructor's clock.
  const defaultDue = `${localInputValue(new Date(now.getTime() + WEEK_MS), zone).slice(0, 10)}T23:59`;
  const memberCount = overview.members.length;
  const courseDays = getCourse().length;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link href="/teach" className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        ← All classes
      </Link>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 wrap-anywhere dark:text-white">{overview.name}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        Taught by {overview.instructorName} · {memberCount} {memberCount === 1 ? "learner" : "learners"}
      </p>

      <ClassSettings classId={overview.id} name={overview.name} joinCode={overview.joinCode} members={memberCount} />

      <section className="mt-10" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" tabIndex={-1} className="text-xl font-semibold text-slate-900 dark:text-white">Assignments</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          An assignment is a day&apos;s quiz. A learner&apos;s grade is their best attempt submitted by the due date,
          including attempts made before you assigned it; later attempts show as late, and learners can still hand them in.
          The gradebook links to each learner&apos;s answers, where you can also give them more time.
        </p>
        {overview.assignments.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="no-assignments">Nothing assigned yet.</p>
        ) : (
          <ul className="mt-4 space-y-3" aria-label="Assigned days">
            {overview.assignments.map((a) => (
              <li key={a.id} className="card p-4" data-testid="assignment">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold text-slate-900 wrap-anywhere dark:text-white">
                      Day {a.day}: {a.title}
                    </p>
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      Due <time dateTime={a.dueAt}>{formatDateTime(a.dueAt, zone)}</time>
                      {new Date(a.dueAt) < now ? " (passed)" : ""}
                    </p>
                    {a.instructions ? (
                      <p className="mt-1 text-sm whitespace-pre-line text-slate-700 wrap-anywhere dark:text-slate-300">{a.instructions}</p>
                    ) : null}
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="assignment-stats">
                      {a.onTime} of {memberCount} on time · {a.late} late · {a.missing} missing
                      {a.meanOnTimePercent !== null ? ` · mean grade ${a.meanOnTimePercent} %` : ""}
                    </p>
                  </div>
                  <AssignmentActions
                    classId={overview.id}
                    assignmentId={a.id}
                    day={a.day}
                    dueLocal={localInputValue(new Date(a.dueAt), zone)}
                    instructions={a.instructions}
                    timeZone={zone}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <div className="card mt-4 p-5">
          <h3 className="font-semibold text-slate-900 dark:text-white">Assign a day</h3>
          <AssignForm classId={overview.id} timeZone={zone} days={assignable} defaultDue={defaultDue} />
        </div>
      </section>

      <section className="mt-10" aria-labelledby="gradebook-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="gradebook-heading" tabIndex={-1} className="text-xl font-semibold text-slate-900 dark:text-white">Gradebook</h2>
          {memberCount > 0 ? (
            <a href={`/api/classes/${overview.id}/gradebook`} className="btn-secondary" download>
              Download CSV
            </a>
          ) : null}
        </div>
        {memberCount === 0 ? (
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="no-members">
            No learners yet. Share the join code above.
          </p>
        ) : (
          <div className="relative mt-4 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Gradebook (scrolls sideways)">
            <table className="w-full min-w-max text-left text-sm" data-testid="gradebook">
              <thead className="bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className="sticky left-0 bg-slate-50 px-4 py-2 font-medium dark:bg-slate-900">Learner</th>
                  <th scope="col" className="px-4 py-2 font-medium">Lessons done</th>
                  {overview.assignments.map((a) => (
                    <th key={a.id} scope="col" className="px-4 py-2 font-medium">
                      Day {a.day}
                      <span className="block text-xs font-normal">due {formatDateTime(a.dueAt, zone)}</span>
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {overview.members.map((m) => (
                  <tr key={m.userId} data-testid="gradebook-row">
                    {/* The learner column stays put while the assignments scroll sideways on a phone. */}
                    <th scope="row" className="sticky left-0 max-w-48 bg-white px-4 py-3 font-normal wrap-anywhere sm:max-w-64 dark:bg-slate-950">
                      <span className="block font-medium text-slate-900 dark:text-white">{m.name}</span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">{m.email}</span>
                    </th>
                    <td className="px-4 py-3 tabular-nums text-slate-700 dark:text-slate-300">{m.lessonsCompleted} / {courseDays}</td>
                    {m.cells.map((c, i) => {
                      const a = overview.assignments[i] as (typeof overview.assignments)[number];
                      return (
                        <td key={a.id} className="px-4 py-3">
                          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                            <AssignmentStatusBadge status={c.status} percent={c.status === "done" ? c.onTimePercent : c.bestPercent} />
                            {c.attempts > 0 ? (
                              <Link
                                href={`/teach/${overview.id}/members/${m.userId}/assignments/${a.id}`}
                                className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
                                data-testid="gradebook-answers-link"
                              >
                                Answers<span className="sr-only"> of {m.name}, Day {a.day}</span>
                              </Link>
                            ) : null}
                          </span>
                          {c.extendedTo ? (
                            <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400" data-testid="gradebook-extension">
                              Extended to {formatDateTime(c.extendedTo, zone)}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className="px-4 py-3 text-right">
                      <RemoveMemberButton classId={overview.id} userId={m.userId} name={m.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
