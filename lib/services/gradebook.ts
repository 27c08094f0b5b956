/** Grading rules for assignments: pure functions over attempts, shared by the instructor's gradebook and the learner's view. */

export interface ScoredAttempt {
  score: number | null;
  maxScore: number;
  submittedAt: Date | null;
}

/** An attempt's score as a percentage with one decimal: the one rounding the attempt page, dashboard and gradebook share. */
export function attemptPercent(a: { score: number | null; maxScore: number }): number {
  return a.maxScore > 0 ? Math.round(((a.score ?? 0) / a.maxScore) * 1000) / 10 : 0;
}

/**
 * - `done`: submitted by the due date (the grade is the best attempt by then);
 * - `late`: submitted, but only after the due date;
 * - `missing`: the due date has passed with no attempt;
 * - `open`: not attempted yet, still before the due date.
 */
export type AssignmentStatus = "done" | "late" | "missing" | "open";

/** How a status reads, on the page and in the CSV alike. */
export const STATUS_LABELS: Record<AssignmentStatus, string> = { done: "Done", late: "Late", missing: "Missing", open: "To do" };

export interface GradeCell {
  status: AssignmentStatus;
  /** Best percentage among attempts submitted by the due date: the grade. */
  onTimePercent: number | null;
  /** Best percentage among all attempts, late ones included. */
  bestPercent: number | null;
  attempts: number;
}

/** One learner's standing on one assignment, from their submitted attempts at its quiz. */
export function gradeCell(attempts: readonly ScoredAttempt[], dueAt: Date, now: Date): GradeCell {
  let onTime: number | null = null;
  let best: number | null = null;
  let count = 0;
  for (const a of attempts) {
    if (!a.submittedAt) continue;
    count++;
    const percent = attemptPercent(a);
    best = best === null ? percent : Math.max(best, percent);
    if (a.submittedAt.getTime() <= dueAt.getTime()) onTime = onTime === null ? percent : Math.max(onTime, percent);
  }
  const status: AssignmentStatus = onTime !== null ? "done" : count > 0 ? "late" : now.getTime() > dueAt.getTime() ? "missing" : "open";
  return { status, onTimePercent: onTime, bestPercent: best, attempts: count };
}

/** A spreadsheet must not run a learner's name as a formula: cells that start like one are prefixed with '. */
function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) from rows of cells. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
