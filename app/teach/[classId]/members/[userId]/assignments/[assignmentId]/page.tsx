import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireInstructor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getMemberWork, type MemberWork } from "@/lib/services/classes";
import { formatDateTime, localInputValue } from "@/lib/time/calendar";
import { requestNow } from "@/lib/time/clock";
import { recordIdSchema } from "@/lib/validation/ids";
import { AssignmentStatusBadge } from "../../../../../../ui/classes/assignment-status";
import { AttemptReview, formatPoints } from "../../../../../../ui/quiz/attempt-review";
import { ExtensionForm } from "./extension-form";

type Props = {
  params: Promise<{ classId: string; userId: string; assignmentId: string }>;
  searchParams: Promise<{ attempt?: string | string[] }>;
};

const WEEK_MS = 7 * 86_400_000;

// Once per request: the title and the page read the same work.
const loadWork = cache(async (classId: string, userId: string, assignmentId: string): Promise<MemberWork> => {
  const user = await requireInstructor(`/teach/${classId}/members/${userId}/assignments/${assignmentId}`);
  if (![classId, userId, assignmentId].every((id) => recordIdSchema.safeParse(id).success)) notFound();
  try {
    return await getMemberWork(user, classId, assignmentId, userId, await requestNow());
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { classId, userId, assignmentId } = await params;
  const work = await loadWork(classId, userId, assignmentId);
  return { title: `${work.learner.name}: Day ${work.assignment.day}` };
}

function attemptsText(n: number): string {
  return n === 1 ? "1 attempt" : `${n} attempts`;
}

function standingText(work: MemberWork, zone: string): string {
  const { standing, attempts } = work;
  const onTime = attempts.filter((a) => a.onTime).length;
  const late = attempts.length - onTime;
  switch (standing.status) {
    case "done":
      return (
        `Grade ${standing.onTimePercent} %: ${onTime === 1 ? "the attempt" : `the best of ${onTime} attempts`} submitted by the due date.` +
        (late > 0 ? ` ${attemptsText(late)} after it.` : "")
      );
    case "late":
      return `No attempt by the due date. ${late === 1 ? "The one after it" : `The best of ${late} after it`} scored ${standing.bestPercent} %.`;
    case "missing":
      return "No attempt, and the due date has passed.";
    case "open":
      return `No attempt yet. Due ${formatDateTime(work.dueAt, zone)}.`;
  }
}

export default async function MemberWorkPage({ params, searchParams }: Props) {
  const { classId, userId, assignmentId } = await params;
  const work = await loadWork(classId, userId, assignmentId);
  const zone = work.timeZone;
  const { attempt: wanted } = await searchParams;
  // The attempt the grade comes from unless another is asked for; an id that is not this learner's is not found.
  const selected =
    wanted === undefined ? (work.attempts.find((a) => a.counts) ?? work.attempts.at(-1)) : work.attempts.find((a) => a.id === wanted);
  if (wanted !== undefined && !selected) notFound();
  const selectedNumber = selected ? work.attempts.indexOf(selected) + 1 : 0;
  const here = `/teach/${work.classId}/members/${work.learner.id}/assignments/${work.assignment.id}`;
  const { assignment, learner } = work;
  const extended = work.dueAt !== assignment.dueAt;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 wrap-anywhere dark:text-slate-400">
        <Link href="/teach" className="hover:underline">Teach</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/teach/${work.classId}`} className="hover:underline">{work.className}</Link>{" "}
        <span aria-hidden="true">/</span> {learner.name}
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 wrap-anywhere dark:text-white">
        {learner.name}: Day {assignment.day}
      </h1>
      <p className="mt-1 text-slate-600 wrap-anywhere dark:text-slate-400">
        {assignment.title} · {learner.email} · due <time dateTime={work.dueAt}>{formatDateTime(work.dueAt, zone)}</time>
        {extended ? " (extended)" : ""}
      </p>

      <section aria-labelledby="standing-heading" className="card mt-6 p-5">
        <h2 id="standing-heading" className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          Standing
        </h2>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-slate-800 dark:text-slate-200" data-testid="member-standing">
          <AssignmentStatusBadge
            status={work.standing.status}
            percent={work.standing.status === "done" ? work.standing.onTimePercent : work.standing.bestPercent}
          />
          <span>{standingText(work, zone)}</span>
        </p>
        {assignment.instructions ? (
          <p className="mt-3 text-sm whitespace-pre-line text-slate-600 wrap-anywhere dark:text-slate-400">
            <span className="font-semibold">Instructions: </span>
            {assignment.instructions}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="due-heading" className="card mt-4 p-5">
        <h2 id="due-heading" tabIndex={-1} className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          Due date
        </h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="member-due">
          The class&apos;s: <time dateTime={assignment.dueAt}>{formatDateTime(assignment.dueAt, zone)}</time>.{" "}
          {work.extension === null
            ? `${learner.name} has no extension.`
            : extended
              ? `${learner.name} has until ${formatDateTime(work.extension.dueAt, zone)}; their grade counts attempts submitted by then.`
              : `${learner.name}'s extension, to ${formatDateTime(work.extension.dueAt, zone)}, no longer applies: the class's due date is later.`}
        </p>
        <ExtensionForm
          url={`/api/classes/${work.classId}/members/${learner.id}/assignments/${assignment.id}/extension`}
          learnerName={learner.name}
          timeZone={zone}
          defaultLocal={localInputValue(new Date(work.extension?.dueAt ?? new Date(assignment.dueAt).getTime() + WEEK_MS), zone)}
          extended={work.extension !== null}
          focusAfterRemoveId="due-heading"
        />
      </section>

      {work.attempts.length > 0 ? (
        <section aria-labelledby="attempts-heading" className="mt-8">
          <h2 id="attempts-heading" className="text-xl font-semibold text-slate-900 dark:text-white">Attempts</h2>
          <ol className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="member-attempts">
            {work.attempts.map((a, i) => (
              <li
                key={a.id}
                data-testid="member-attempt"
                aria-current={a === selected ? "true" : undefined}
                className={`flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 ${a === selected ? "bg-brand-50 dark:bg-slate-900" : ""}`}
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900 dark:text-white">
                    Attempt {i + 1}
                    {a.counts ? (
                      <span className="badge bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">
                        {a.onTime ? "Counts for the grade" : "Best late attempt"}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    Submitted <time dateTime={a.submittedAt}>{formatDateTime(a.submittedAt, zone)}</time> · {a.onTime ? "on time" : "late"}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
                  <p className="tabular-nums text-slate-800 dark:text-slate-200">
                    <span className="font-semibold">{a.percent} %</span>{" "}
                    <span className="text-sm text-slate-600 dark:text-slate-400">
                      ({formatPoints(a.score)} of {formatPoints(a.maxScore)} {a.maxScore === 1 ? "point" : "points"})
                    </span>
                  </p>
                  {a === selected ? (
                    <span className="text-sm text-slate-600 dark:text-slate-400">Answers below</span>
                  ) : (
                    <Link href={`${here}?attempt=${a.id}#attempt-review-heading`} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
                      Show answers<span className="sr-only"> to attempt {i + 1}</span>
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {selected ? (
        <div className="mt-10">
          <AttemptReview questions={selected.questions} perspective="instructor" heading={`Answers in attempt ${selectedNumber}`} />
        </div>
      ) : null}
    </div>
  );
}
