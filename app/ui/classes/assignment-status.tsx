import { STATUS_LABELS, type AssignmentStatus } from "@/lib/services/gradebook";

const STYLES: Record<AssignmentStatus, string> = {
  done: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  late: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  missing: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  open: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** An assignment's standing, with its percentage when there is one (the grade, or the best late score). */
export function AssignmentStatusBadge({ status, percent }: { status: AssignmentStatus; percent: number | null }) {
  return (
    <span className={`badge ${STYLES[status]} tabular-nums`} data-status={status}>
      {STATUS_LABELS[status]}
      {percent !== null ? ` · ${percent} %` : ""}
    </span>
  );
}
