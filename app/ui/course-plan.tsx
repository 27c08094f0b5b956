import Link from "next/link";
import { CONCEPTS } from "@/lib/content/concepts";
import type { CourseDay } from "@/lib/content/syllabus";
import type { DayStatus } from "@/lib/services/progress";
import { StatusBadge } from "./status-badge";

export interface PlanDay extends CourseDay {
  status?: DayStatus;
  bestPercent?: number | null;
}

const WEEKS = [
  { title: "Week 1 · Foundations", from: 1, to: 7 },
  { title: "Week 2 · Building blocks", from: 8, to: 14 },
  { title: "Week 3 · Resilience", from: 15, to: 21 },
  { title: "Week 4 · Operating well", from: 22, to: 30 },
];

/** The 30-day plan, week by week. Days without a lesson yet are listed as coming soon, never as links. */
export function CoursePlan({ days, headingLevel = 2 }: { days: PlanDay[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-10">
      {WEEKS.map((week) => (
        <section key={week.title} aria-labelledby={`week-${week.from}`}>
          <Heading id={`week-${week.from}`} className="mb-4 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {week.title}
          </Heading>
          <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {days
              .filter((d) => d.day >= week.from && d.day <= week.to)
              .map((d) => (
                <li key={d.day}>
                  <PlanCard day={d} />
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function PlanCard({ day }: { day: PlanDay }) {
  const status: DayStatus = day.status ?? (day.path ? "not_started" : "coming_soon");
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Day {day.day}</span>
        {day.status || !day.path ? <StatusBadge status={status} /> : null}
      </div>
      <p className="mt-2 font-semibold leading-snug text-slate-900 dark:text-white">{day.title}</p>
      <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{day.summary}</p>
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
        {day.minutes ? <span>{day.minutes} min</span> : null}
        <span>{day.concepts.map((c) => CONCEPTS[c]).join(" · ")}</span>
        {day.bestPercent != null ? <span className="font-medium text-slate-700 dark:text-slate-200">Best {day.bestPercent}%</span> : null}
      </div>
    </>
  );
  if (!day.path) {
    return (
      <div className="h-full rounded-xl border border-dashed border-slate-300 p-4 opacity-80 dark:border-slate-700" aria-disabled="true">
        {body}
      </div>
    );
  }
  return (
    <Link
      href={day.path}
      className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:-translate-y-0.5 hover:border-brand-300 hover:shadow-md dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-700"
    >
      {body}
    </Link>
  );
}
