import type { DayStatus } from "@/lib/services/progress";

const STYLES: Record<DayStatus, { label: string; className: string; icon: string }> = {
  completed: {
    label: "Completed",
    icon: "✓",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  },
  in_progress: {
    label: "In progress",
    icon: "◐",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  },
  not_started: {
    label: "Not started",
    icon: "○",
    className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  },
  coming_soon: {
    label: "Coming soon",
    icon: "…",
    className: "bg-slate-100 text-slate-500 dark:bg-slate-800/60 dark:text-slate-400",
  },
};

export function StatusBadge({ status }: { status: DayStatus }) {
  const style = STYLES[status];
  return (
    <span className={`badge ${style.className}`} data-status={status}>
      <span aria-hidden="true">{style.icon}</span>
      {style.label}
    </span>
  );
}
