import "server-only";
import { randomInt } from "node:crypto";
import { canTeach } from "@/lib/auth/roles";
import { getCourseDay, hasQuiz } from "@/lib/content/syllabus";
import type { Actor } from "@/lib/db/actor";
import { listSubmittedAttempts } from "@/lib/db/attempts";
import * as db from "@/lib/db/classes";
import { getJourneySettings } from "@/lib/db/users";
import { AppError, badRequest, forbidden, tooManyRequests } from "@/lib/errors";
import { forgetJoinTry, joinTriesSince, recordJoinTry } from "@/lib/db/auth-throttle";
import { lessonSlug, quizPath } from "@/lib/content/paths";
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  MAX_DUE_AHEAD_DAYS,
  type ExtensionInput,
  type NewAssignmentInput,
  type UpdateAssignmentInput,
} from "@/lib/validation/classes";
import { formatDateTime, localDate } from "@/lib/time/calendar";
import { storedAttemptView, type SubmittedAttemptView } from "./attempts";
import { gradeCell, STATUS_LABELS, toCsv, type AssignmentStatus, type GradeCell } from "./gradebook";

function assertCanTeach(actor: Actor) {
  if (!canTeach(actor)) throw forbidden("Only instructors can manage classes.");
}

/** "ABCDEFGH" → "ABCD-EFGH": easier to read out and to type. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function drawJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** 31^8 ≈ 8.5 × 10^11 codes: a collision is rare, so a few fresh draws always find a free one. */
const CODE_DRAWS = 5;

export async function createClass(actor: Actor, input: { name: string }) {
  assertCanTeach(actor);
  for (let i = 0; i < CODE_DRAWS; i++) {
    const created = await db.createClassroom(actor, { name: input.name, joinCode: drawJoinCode() });
    if (created) return { ...created, joinCode: formatJoinCode(created.joinCode) };
  }
  throw new Error("Could not draw a free join code.");
}

export async function newJoinCode(actor: Actor, classId: string): Promise<string> {
  assertCanTeach(actor);
  for (let i = 0; i < CODE_DRAWS; i++) {
    const code = drawJoinCode();
    if (await db.setJoinCode(actor, classId, code)) return formatJoinCode(code);
  }
  throw new Error("Could not draw a free join code.");
}

export async function renameClass(actor: Actor, classId: string, name: string) {
  assertCanTeach(actor);
  await db.renameClassroom(actor, classId, name);
}

export async function deleteClass(actor: Actor, classId: string) {
  assertCanTeach(actor);
  await db.deleteClassroom(actor, classId);
}

export interface TaughtClassSummary {
  id: string;
  name: string;
  joinCode: string;
  createdAt: string;
  members: number;
  assignments: number;
}

export async function listClassesTaught(actor: Actor): Promise<TaughtClassSummary[]> {
  assertCanTeach(actor);
  const rows = await db.listTaughtClasses(actor);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    joinCode: formatJoinCode(c.joinCode),
    createdAt: c.createdAt.toISOString(),
    members: c._count.enrollments,
    assignments: c._count.assignments,
  }));
}

export interface AssignmentView {
  id: string;
  day: number;
  title: string;
  /** The day's quiz, where learners do the assignment. */
  quizPath: string;
  dueAt: string;
  instructions: string;
}

function assignmentView(a: { id: string; day: number; dueAt: Date; instructions: string }): AssignmentView {
  return {
    id: a.id,
    day: a.day,
    title: getCourseDay(a.day)?.title ?? `Day ${a.day}`,
    quizPath: quizPath(a.day),
    dueAt: a.dueAt.toISOString(),
    instructions: a.instructions,
  };
}

/**
 * The due date that applies to one member: their extension when it is later than the class's, else the class's
 * (moving the class's date past an extension makes the extension moot rather than a penalty).
 */
function dueFor(classDueAt: Date, extension: { dueAt: Date } | undefined): { dueAt: Date; extended: boolean } {
  return extension && extension.dueAt > classDueAt ? { dueAt: extension.dueAt, extended: true } : { dueAt: classDueAt, extended: false };
}

/** A gradebook cell: the member's standing, graded against their own due date. */
export interface MemberCell extends GradeCell {
  /** The member's extended due date (ISO), when they have one that applies. */
  extendedTo: string | null;
}

export interface AssignmentStats extends AssignmentView {
  /** Members who submitted by the due date. */
  onTime: number;
  late: number;
  missing: number;
  /** Mean grade (best on-time percentage) of the members who submitted on time. */
  meanOnTimePercent: number | null;
}

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
  lessonsCompleted: number;
  /** One cell per assignment, in the order of `assignments`. */
  cells: MemberCell[];
}

export interface ClassOverview {
  id: string;
  name: string;
  joinCode: string;
  instructorName: string;
  /** The viewer's zone, for showing and entering due dates. */
  timeZone: string;
  assignments: AssignmentStats[];
  members: GradebookRow[];
}

/** The instructor's view of one class: assignments with their statistics, and the gradebook. */
export async function getClassOverview(actor: Actor, classId: string, now: Date): Promise<ClassOverview> {
  assertCanTeach(actor);
  const found = await db.getTaughtClass(actor, classId);
  const quizIds = found.assignments.map((a) => lessonSlug(a.day));
  const [attempts, completions, { timeZone }] = await Promise.all([
    db.listClassAttempts(actor, classId, quizIds),
    db.listClassCompletions(actor, classId),
    getJourneySettings(actor),
  ]);
  const byUserQuiz = new Map<string, typeof attempts>();
  for (const a of attempts) {
    const key = `${a.userId}|${a.quizId}`;
    const list = byUserQuiz.get(key);
    if (list) list.push(a);
    else byUserQuiz.set(key, [a]);
  }
  const completedBy = new Map<string, number>();
  for (const c of completions) completedBy.set(c.userId, (completedBy.get(c.userId) ?? 0) + 1);

  const members: GradebookRow[] = found.enrollments.map((e) => ({
    userId: e.user.id,
    name: e.user.name,
    email: e.user.email,
    joinedAt: e.joinedAt.toISOString(),
    lessonsCompleted: completedBy.get(e.user.id) ?? 0,
    cells: found.assignments.map((a) => {
      const due = dueFor(a.dueAt, a.extensions.find((x) => x.userId === e.user.id));
      const cell = gradeCell(byUserQuiz.get(`${e.user.id}|${lessonSlug(a.day)}`) ?? [], due.dueAt, now);
      return { ...cell, extendedTo: due.extended ? due.dueAt.toISOString() : null };
    }),
  }));
  const assignments: AssignmentStats[] = found.assignments.map((a, i) => {
    const cells = members.map((m) => m.cells[i] as GradeCell);
    const graded = cells.filter((c) => c.onTimePercent !== null).map((c) => c.onTimePercent as number);
    return {
      ...assignmentView(a),
      onTime: graded.length,
      late: cells.filter((c) => c.status === "late").length,
      missing: cells.filter((c) => c.status === "missing").length,
      meanOnTimePercent: graded.length > 0 ? Math.round((graded.reduce((x, y) => x + y, 0) / graded.length) * 10) / 10 : null,
    };
  });
  return {
    id: found.id,
    name: found.name,
    joinCode: formatJoinCode(found.joinCode),
    instructorName: found.instructor.name,
    timeZone,
    assignments,
    members,
  };
}

export interface ReviewedAttempt extends SubmittedAttemptView {
  /** Submitted by the learner's due date (their extension's, when it applies). */
  onTime: boolean;
  /**
   * The attempt whose score the gradebook shows: the best on time (the grade), or, when all of them are late, the
   * best late one (shown beside "Late", not a grade).
   */
  counts: boolean;
}

export interface MemberWork {
  classId: string;
  className: string;
  /** The viewer's zone, for showing dates. */
  timeZone: string;
  assignment: AssignmentView;
  learner: { id: string; name: string; email: string; joinedAt: string };
  /** The due date that applies to this learner: the class's, or their extension when that is later. */
  dueAt: string;
  /** The learner's own due date, if the instructor gave one (it applies only while later than the class's). */
  extension: { dueAt: string } | null;
  /** The gradebook's cell for this learner and assignment. */
  standing: GradeCell;
  /** Submitted attempts at the assignment's quiz, oldest first, each with the learner's answers. */
  attempts: ReviewedAttempt[];
}

/**
 * One learner's work on one assignment, for the instructor: every submitted attempt at its quiz with the answers
 * given, which one the grade comes from, and the standing the gradebook shows. 404 unless the actor teaches the
 * class, the assignment is the class's and the learner is in it.
 */
export async function getMemberWork(actor: Actor, classId: string, assignmentId: string, userId: string, now: Date): Promise<MemberWork> {
  assertCanTeach(actor);
  const found = await db.getMemberAssignment(actor, classId, assignmentId, userId);
  const [rows, { timeZone }] = await Promise.all([
    db.listMemberAttempts(actor, classId, userId, lessonSlug(found.assignment.day)),
    getJourneySettings(actor),
  ]);
  const extension = found.assignment.extensions[0];
  const { dueAt } = dueFor(found.assignment.dueAt, extension);
  const standing = gradeCell(rows, dueAt, now);
  const views = rows.map((row) => ({ view: storedAttemptView(row), onTime: (row.submittedAt as Date).getTime() <= dueAt.getTime() }));
  const gradePercent = standing.status === "done" ? standing.onTimePercent : standing.bestPercent;
  const counting = views.find((v) => (standing.status !== "done" || v.onTime) && v.view.percent === gradePercent);
  return {
    classId: found.id,
    className: found.name,
    timeZone,
    assignment: assignmentView(found.assignment),
    learner: { ...found.learner, joinedAt: found.joinedAt.toISOString() },
    dueAt: dueAt.toISOString(),
    extension: extension ? { dueAt: extension.dueAt.toISOString() } : null,
    standing,
    attempts: views.map((v) => ({ ...v.view, onTime: v.onTime, counts: v === counting })),
  };
}

/**
 * Gives a member their own due date for an assignment, or moves it. It must be later than the class's due date
 * (it may be past already: to accept work handed in late) and within MAX_DUE_AHEAD_DAYS.
 */
export async function grantExtension(
  actor: Actor,
  classId: string,
  assignmentId: string,
  userId: string,
  input: ExtensionInput,
  now: Date,
): Promise<{ dueAt: string }> {
  assertCanTeach(actor);
  const found = await db.getMemberAssignment(actor, classId, assignmentId, userId);
  if (input.dueAt.getTime() <= found.assignment.dueAt.getTime()) {
    const message = "An extension must be later than the class's due date.";
    throw badRequest(message, [{ path: "dueAt", message }]);
  }
  checkNotTooFar(input.dueAt, now);
  const saved = await db.upsertExtension(actor, classId, assignmentId, userId, input.dueAt);
  return { dueAt: saved.dueAt.toISOString() };
}

export async function revokeExtension(actor: Actor, classId: string, assignmentId: string, userId: string) {
  assertCanTeach(actor);
  await db.deleteExtension(actor, classId, assignmentId, userId);
}

/**
 * The gradebook as CSV: one row per member; per assignment, the grade (best by the due date, which the header
 * names on the instructor's clock), the status as the page words it, the best percentage including late work, and
 * the member's extended due date if they have one (their grade is then by that date).
 * It starts with a byte-order mark, without which Excel reads UTF-8 names ("Zoë") as Latin-1.
 */
export async function gradebookCsv(actor: Actor, classId: string, now: Date): Promise<{ filename: string; csv: string }> {
  const overview = await getClassOverview(actor, classId, now);
  const zone = overview.timeZone;
  const header = ["Name", "Email", "Joined", "Lessons completed"];
  for (const a of overview.assignments) {
    header.push(
      `Day ${a.day} grade (%), due ${formatDateTime(a.dueAt, zone)}`,
      `Day ${a.day} status`,
      `Day ${a.day} best incl. late (%)`,
      `Day ${a.day} extended to`,
    );
  }
  const rows = overview.members.map((m) => {
    const row: (string | number | null)[] = [m.name, m.email, localDate(new Date(m.joinedAt), zone), m.lessonsCompleted];
    for (const c of m.cells) row.push(c.onTimePercent, STATUS_LABELS[c.status], c.bestPercent, c.extendedTo ? formatDateTime(c.extendedTo, zone) : null);
    return row;
  });
  const slug = overview.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
  return { filename: `${slug}-gradebook.csv`, csv: `\uFEFF${toCsv([header, ...rows])}` };
}

function checkNotTooFar(dueAt: Date, now: Date) {
  if (dueAt.getTime() > now.getTime() + MAX_DUE_AHEAD_DAYS * 86_400_000) {
    const message = `Pick a due date within ${MAX_DUE_AHEAD_DAYS} days.`;
    throw badRequest(message, [{ path: "dueAt", message }]);
  }
}

function checkDueAt(dueAt: Date, now: Date) {
  // A minute's grace: the form's value is read a moment before it arrives.
  if (dueAt.getTime() < now.getTime() - 60_000) throw badRequest("Pick a due date in the future.", [{ path: "dueAt", message: "Pick a due date in the future." }]);
  checkNotTooFar(dueAt, now);
}

export async function assignDay(actor: Actor, classId: string, input: NewAssignmentInput, now: Date): Promise<AssignmentView> {
  assertCanTeach(actor);
  if (!hasQuiz(input.day)) {
    const message = `Day ${input.day} has no quiz yet, so it cannot be assigned.`;
    throw badRequest(message, [{ path: "day", message }]);
  }
  checkDueAt(input.dueAt, now);
  return assignmentView(await db.createAssignment(actor, classId, input));
}

export async function changeAssignment(actor: Actor, classId: string, assignmentId: string, input: UpdateAssignmentInput, now: Date) {
  assertCanTeach(actor);
  if (input.dueAt) checkDueAt(input.dueAt, now);
  await db.updateAssignment(actor, classId, assignmentId, input);
}

export async function unassign(actor: Actor, classId: string, assignmentId: string) {
  assertCanTeach(actor);
  await db.deleteAssignment(actor, classId, assignmentId);
}

/** The instructor removes a member, or a learner leaves (`userId` is their own). */
export async function removeFromClass(actor: Actor, classId: string, userId: string) {
  if (userId !== actor.id) assertCanTeach(actor);
  await db.removeMember(actor, classId, userId);
}

/** Wrong class codes allowed per learner per window: plenty for typos, far too few to guess one of 8.5 × 10¹¹. */
export const JOIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_WRONG_CODES = 10;

export async function joinClass(actor: Actor, code: string, now = new Date()): Promise<{ id: string; name: string }> {
  const nowMs = now.getTime();
  const since = nowMs - JOIN_WINDOW_MS;
  // Counted before the lookup, this try included: requests sent at once cannot all slip under the limit.
  const entry = await recordJoinTry(actor, nowMs, since);
  const tries = await joinTriesSince(actor, since);
  if (tries.length > MAX_WRONG_CODES) {
    await forgetJoinTry(actor, entry);
    // The wrong codes in the window are the MAX_WRONG_CODES or more before this one; a try is allowed again once
    // the oldest few have left it and fewer than MAX_WRONG_CODES remain.
    const freedAtMs = (tries[tries.length - 1 - MAX_WRONG_CODES] as number) + JOIN_WINDOW_MS;
    const retryAfterSec = Math.max(1, Math.ceil((freedAtMs - nowMs) / 1000));
    const minutes = Math.ceil(retryAfterSec / 60);
    throw tooManyRequests(`Too many wrong class codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterSec);
  }
  try {
    const joined = await db.enrollByCode(actor, code);
    await forgetJoinTry(actor, entry);
    return joined;
  } catch (error) {
    // Only an unknown code stays counted.
    if (!(error instanceof AppError && error.status === 404)) await forgetJoinTry(actor, entry);
    throw error;
  }
}

export interface LearnerAssignment extends AssignmentView {
  /** True when `dueAt` is the learner's own extension rather than the class's due date. */
  extended: boolean;
  status: AssignmentStatus;
  onTimePercent: number | null;
  bestPercent: number | null;
  attempts: number;
}

export interface LearnerClass {
  id: string;
  name: string;
  instructorName: string;
  joinedAt: string;
  assignments: LearnerAssignment[];
}

/** The actor's classes as a learner, each assignment with their own standing. */
export async function getMyClasses(actor: Actor, now: Date): Promise<LearnerClass[]> {
  const [enrollments, attempts] = await Promise.all([db.listEnrolledClasses(actor), listSubmittedAttempts(actor)]);
  return enrollments.map((e) => ({
    id: e.classroom.id,
    name: e.classroom.name,
    instructorName: e.classroom.instructor.name,
    joinedAt: e.joinedAt.toISOString(),
    assignments: e.classroom.assignments
      .map((a) => {
        const due = dueFor(a.dueAt, a.extensions[0]);
        const cell = gradeCell(
          attempts.filter((t) => t.quizId === lessonSlug(a.day)),
          due.dueAt,
          now,
        );
        return { ...assignmentView(a), dueAt: due.dueAt.toISOString(), extended: due.extended, ...cell };
      })
      // Soonest first by the learner's own dates, as on the dashboard.
      .sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.day - y.day),
  }));
}

/** The actor's assignments that still want work (open or missing), soonest first: the dashboard's to-do list. */
export async function getOpenAssignments(actor: Actor, now: Date): Promise<(LearnerAssignment & { className: string })[]> {
  const classes = await getMyClasses(actor, now);
  return classes
    .flatMap((c) => c.assignments.filter((a) => a.status === "open" || a.status === "missing").map((a) => ({ ...a, className: c.name })))
    .sort((x, y) => x.dueAt.localeCompare(y.dueAt));
}
