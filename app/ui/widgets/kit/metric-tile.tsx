import type { ReactNode } from "react";

/** One labelled number. `tone` adds a text badge as well as colour, so state never relies on colour alone. */
export function MetricTile(props: { label: string; value: ReactNode; detail?: ReactNode; tone?: "neutral" | "good" | "bad" }) {
  const tone = props.tone ?? "neutral";
  const border =
    tone === "good"
      ? "border-emerald-400 dark:border-emerald-600"
      : tone === "bad"
        ? "border-rose-400 dark:border-rose-600"
        : "border-slate-200 dark:border-slate-700";
  return (
    <div className={`flex min-w-0 flex-col rounded-lg border bg-white px-3 py-2 dark:bg-slate-800 ${border}`}>
      <dt className="flex flex-wrap items-baseline justify-between gap-x-1 text-xs font-medium text-slate-600 dark:text-slate-300">
        <span>{props.label}</span>
        {tone === "neutral" ? null : (
          <span
            className={`rounded px-1 text-[0.65rem] font-semibold ${
              tone === "good"
                ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
                : "bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100"
            }`}
          >
            {tone === "good" ? "✓ good" : "✗ poor"}
          </span>
        )}
      </dt>
      <dd className="text-lg font-semibold tabular-nums">{props.value}</dd>
      {props.detail ? <dd className="text-xs text-slate-600 dark:text-slate-400">{props.detail}</dd> : null}
    </div>
  );
}

/** A responsive grid of metric tiles (a description list). */
export function MetricGrid(props: { children: ReactNode; label: string }) {
  return (
    <dl aria-label={props.label} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {props.children}
    </dl>
  );
}
