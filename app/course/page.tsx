import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/guards";
import { getCourse } from "@/lib/content/syllabus";
import { getProgressSummary } from "@/lib/services/progress";
import { CoursePlan, type PlanDay } from "../ui/course-plan";

export const metadata: Metadata = { title: "Course" };

export default async function CoursePage() {
  const user = await getSessionUser();
  const summary = user ? await getProgressSummary(user) : null;
  const byDay = new Map(summary?.days.map((d) => [d.day, d]));
  const days: PlanDay[] = getCourse().map((d) => ({
    ...d,
    status: byDay.get(d.day)?.status,
    bestPercent: byDay.get(d.day)?.bestPercent,
  }));
  const current = summary?.currentDay ? days.find((d) => d.day === summary.currentDay) : days.find((d) => d.path);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <div className="mb-10 flex flex-wrap items-end justify-between gap-6">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Your 30-day course</h1>
          <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
            Follow the days in order for the smoothest path: each builds on the one before. You may read ahead any time.
          </p>
        </div>
        {summary ? (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="course-completed">
            <strong className="text-2xl font-bold text-slate-900 dark:text-white">{summary.daysCompleted}</strong> of 30 days
            completed
          </p>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href="/signin?callbackUrl=%2Fcourse" className="font-semibold text-brand-700 underline dark:text-brand-300">
              Sign in
            </Link>{" "}
            to track your progress.
          </p>
        )}
      </div>
      {current?.path ? (
        <div className="card mb-10 flex flex-wrap items-center justify-between gap-4 p-6">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
              {summary ? "Up next" : "Start here"} · Day {current.day}
            </p>
            <p className="mt-1 text-lg font-semibold text-slate-900 dark:text-white">{current.title}</p>
          </div>
          <Link href={current.path} className="btn-primary">
            {summary && current.status === "in_progress" ? "Continue" : "Open lesson"}
          </Link>
        </div>
      ) : null}
      <CoursePlan days={days} />
    </div>
  );
}
