import Link from "next/link";
import type { Journey } from "@/lib/services/journey";

const CELL: Record<string, string> = {
  completed: "bg-emerald-500 text-white dark:bg-emerald-600",
  in_progress: "bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-amber-50",
  not_started: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  coming_soon: "border border-dashed border-slate-300 bg-white text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400",
};
const LABEL: Record<string, string> = {
  completed: "completed",
  in_progress: "in progress",
  not_started: "not started",
  coming_soon: "coming soon",
};

/** The 30 days laid out on the learner's own calendar from their start date. */
export function JourneyCalendar({ journey }: { journey: Journey }) {
  return (
    <section className="card p-5" aria-labelledby="calendar-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="calendar-heading" className="font-semibold text-slate-900 dark:text-white">
          Your 30 days
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Started {journey.startDate} · times in {journey.timeZone}
        </p>
      </div>
      <ol className="mt-4 grid max-w-2xl grid-cols-6 gap-1.5 sm:grid-cols-10" data-testid="journey-calendar">
        {journey.calendar.map((d) => (
          <li key={d.day}>
            <Link
              href={d.status === "coming_soon" ? "/course" : `/day/${d.day}`}
              aria-label={`Day ${d.day}, ${LABEL[d.status]}, scheduled ${d.date}${d.isToday ? ", today" : ""}`}
              className={`flex aspect-square items-center justify-center rounded-md text-xs font-semibold tabular-nums ${CELL[d.status]} ${
                d.isToday ? "ring-2 ring-brand-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-900" : ""
              }`}
            >
              {d.day}
            </Link>
          </li>
        ))}
      </ol>
      <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <li><span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-emerald-500" />Completed</li>
        <li><span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-amber-200" />In progress</li>
        <li><span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-slate-200" />Not started</li>
        <li><span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm ring-2 ring-brand-500" />Today&apos;s scheduled day</li>
      </ul>
    </section>
  );
}
