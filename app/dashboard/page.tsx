import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { getOpenAssignments } from "@/lib/services/classes";
import { getJourney } from "@/lib/services/journey";
import { getProgressSummary } from "@/lib/services/progress";
import { dueCount } from "@/lib/services/review";
import { formatDateTime } from "@/lib/time/calendar";
import { requestNow } from "@/lib/time/clock";
import { HistoryCharts } from "../ui/dashboard/history-charts";
import { JourneyCalendar } from "../ui/dashboard/journey-calendar";
import { AssignmentStatusBadge } from "../ui/classes/assignment-status";
import { StatusBadge } from "../ui/status-badge";

export const metadata: Metadata = { title: "Dashboard" };

function formatDuration(seconds: number): string {
  if (seconds < 60) return seconds > 0 ? "< 1 min" : "—";
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const now = await requestNow();
  const [summary, due, assignments] = await Promise.all([
    getProgressSummary(user, now),
    dueCount(user, now),
    getOpenAssignments(user, now),
  ]);
  const journey = await getJourney(user, now, summary);
  const attempts = summary.attempts;
  const current = summary.days.find((d) => d.day === summary.currentDay);
  const started = summary.days.filter((d) => d.status === "completed" || d.status === "in_progress");
  const percent = Math.round((summary.daysCompleted / 30) * 100);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Welcome back, {user.name}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Here is where you are in the course.</p>

      <dl className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="card p-5 sm:col-span-2 lg:col-span-1">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Today</dt>
          <dd className="mt-1" data-testid="current-day">
            {current?.path ? (
              <Link href={current.path} className="text-lg font-semibold text-brand-700 hover:underline dark:text-brand-300">
                Day {current.day}: {current.title}
              </Link>
            ) : (
              <span className="text-lg font-semibold text-slate-900 dark:text-white">
                All open days done — new days are on their way.
              </span>
            )}
            <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
              {journey.scheduledDay <= 30 ? `Your schedule says Day ${journey.scheduledDay} today.` : "Your 30 scheduled days are over: keep going at your pace."}
            </span>
          </dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Streak</dt>
          <dd className="mt-1 text-3xl font-bold text-slate-900 dark:text-white">
            <span data-testid="streak">{journey.streak}</span>
            <span className="text-base font-medium text-slate-500 dark:text-slate-400"> {journey.streak === 1 ? "day" : "days"}</span>
            <span className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">Longest: {journey.longestStreak}</span>
          </dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Days completed</dt>
          <dd className="mt-1 text-3xl font-bold text-slate-900 dark:text-white" data-testid="days-completed">
            {summary.daysCompleted}
            <span className="text-base font-medium text-slate-500 dark:text-slate-400"> / 30</span>
            <span className="mt-3 block h-2 rounded-full bg-slate-100 dark:bg-slate-800" role="progressbar" aria-label="Course progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <span className="block h-2 rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
            </span>
          </dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Reviews due</dt>
          <dd className="mt-1">
            <span className="text-3xl font-bold text-slate-900 dark:text-white" data-testid="due-count">{due}</span>
            <Link href="/review" className="ml-3 text-sm font-semibold text-brand-700 underline dark:text-brand-300">
              {due > 0 ? "Review now" : "Open review"}
            </Link>
            <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
              Time learning: {formatDuration(summary.timeSpentSec)} · {attempts.length} quiz {attempts.length === 1 ? "attempt" : "attempts"}
            </span>
          </dd>
        </div>
      </dl>

      {assignments.length > 0 ? (
        <section className="card mt-8 p-5" aria-labelledby="assignments-heading" data-testid="dashboard-assignments">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="assignments-heading" className="text-lg font-semibold text-slate-900 dark:text-white">Assignments to do</h2>
            <Link href="/classes" className="text-sm font-semibold text-brand-700 underline dark:text-brand-300">All classes</Link>
          </div>
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
            {assignments.slice(0, 5).map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span className="min-w-0 wrap-anywhere">
                  <Link href={a.quizPath} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    Day {a.day}: {a.title}
                  </Link>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {a.className} · due <time dateTime={a.dueAt}>{formatDateTime(a.dueAt, summary.timeZone)}</time>
                    {a.extended ? " (extended for you)" : ""}
                  </span>
                </span>
                <AssignmentStatusBadge status={a.status} percent={null} />
              </li>
            ))}
          </ul>
          {assignments.length > 5 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">And {assignments.length - 5} more on your classes page.</p>
          ) : null}
        </section>
      ) : null}

      <div className="mt-8">
        <JourneyCalendar journey={journey} />
      </div>

      <section className="mt-8" aria-labelledby="history-charts">
        <h2 id="history-charts" className="sr-only">
          History
        </h2>
        <HistoryCharts scores={summary.scoreHistory} completions={summary.completionHistory} timeZone={summary.timeZone} />
      </section>

      <div className="mt-10 grid gap-8 lg:grid-cols-5">
        <section className="min-w-0 lg:col-span-3" aria-labelledby="days-heading">
          <h2 id="days-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
            Your days
          </h2>
          {started.length === 0 ? (
            <div className="card mt-4 p-6 text-slate-600 dark:text-slate-400">
              <p>You haven&apos;t opened a lesson yet.</p>
              <Link href="/day/1" className="btn-primary mt-4">
                Start with Day 1
              </Link>
            </div>
          ) : (
            <div className="card mt-4 overflow-x-auto">
              {/* On phones each row becomes a block: the day's title on a line of its own, its figures below, labelled. */}
              <table className="w-full text-left text-sm max-sm:block">
                <thead className="border-b border-slate-200 text-slate-500 max-sm:sr-only dark:border-slate-800 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-medium">Day</th>
                    <th scope="col" className="px-4 py-3 font-medium">Status</th>
                    <th scope="col" className="px-4 py-3 font-medium">Best score</th>
                    <th scope="col" className="px-4 py-3 font-medium">Attempts</th>
                    <th scope="col" className="px-4 py-3 font-medium">Time</th>
                  </tr>
                </thead>
                <tbody className="max-sm:block">
                  {started.map((d) => (
                    <tr
                      key={d.day}
                      className="border-b border-slate-100 last:border-0 max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-4 max-sm:gap-y-2 max-sm:px-4 max-sm:py-3 dark:border-slate-800"
                      data-testid={`dashboard-day-${d.day}`}
                    >
                      <td className="px-4 py-3 max-sm:w-full max-sm:p-0">
                        <Link href={d.path ?? "/course"} className="font-medium text-slate-900 hover:underline dark:text-white">
                          Day {d.day}: {d.title}
                        </Link>
                      </td>
                      <td className="px-4 py-3 max-sm:p-0">
                        <StatusBadge status={d.status} />
                      </td>
                      <td className="px-4 py-3 tabular-nums max-sm:p-0">
                        <PhoneLabel>Best </PhoneLabel>
                        <span data-testid="best-score">{d.bestPercent != null ? `${d.bestPercent}%` : "—"}</span>
                      </td>
                      <td className="px-4 py-3 tabular-nums max-sm:p-0">
                        <PhoneLabel>Attempts </PhoneLabel>
                        {d.attempts}
                      </td>
                      <td className="px-4 py-3 tabular-nums max-sm:p-0">
                        <PhoneLabel>Time </PhoneLabel>
                        {formatDuration(d.timeSpentSec)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="min-w-0 lg:col-span-2" aria-labelledby="concepts-heading">
          <h2 id="concepts-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
            Mastery by concept
          </h2>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Recent answers count more: one two weeks old counts half.</p>
          {summary.concepts.length === 0 ? (
            <p className="card mt-4 p-6 text-sm text-slate-600 dark:text-slate-400">
              Take a quiz to see how well you know each concept.
            </p>
          ) : (
            <ul className="card mt-4 divide-y divide-slate-100 dark:divide-slate-800">
              {summary.concepts.map((c) => (
                <li key={c.concept} className="px-5 py-3">
                  <div className="flex items-center justify-between text-sm">
                    <span className="font-medium text-slate-800 dark:text-slate-200">{c.label}</span>
                    <span className="tabular-nums text-slate-600 dark:text-slate-300">
                      {c.percent}% <span className="text-slate-500 dark:text-slate-400">· {c.answered} {c.answered === 1 ? "answer" : "answers"}</span>
                    </span>
                  </div>
                  <div className="mt-2 h-1.5 rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                    <div className={`h-1.5 rounded-full ${c.percent >= 70 ? "bg-emerald-500" : c.percent >= 40 ? "bg-amber-500" : "bg-red-500"}`} style={{ width: `${c.percent}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {attempts.length > 0 ? (
        <section className="mt-10" aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
            Recent attempts
          </h2>
          <ul className="card mt-4 divide-y divide-slate-100 dark:divide-slate-800">
            {attempts.slice(0, 10).map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <Link href={`/attempts/${a.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  Day {Number(a.lessonSlug.slice(4))} quiz
                </Link>
                <span className="tabular-nums text-slate-600 dark:text-slate-300">
                  {a.score ?? 0} / {a.maxScore} · {a.submittedAt ? formatDateTime(a.submittedAt, summary.timeZone) : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** A column's name beside its value, on phones only, where the table's header row is hidden. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="text-slate-500 sm:hidden dark:text-slate-400">{children}</span>;
}
