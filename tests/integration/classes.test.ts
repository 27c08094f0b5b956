import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { exportUserData } from "@/lib/db/account";
import { startAttempt, submitAttempt } from "@/lib/services/attempts";
import {
  assignDay,
  changeAssignment,
  createClass,
  deleteClass,
  getClassOverview,
  getMemberWork,
  grantExtension,
  revokeExtension,
  getMyClasses,
  getOpenAssignments,
  gradebookCsv,
  joinClass,
  JOIN_WINDOW_MS,
  MAX_WRONG_CODES,
  listClassesTaught,
  newJoinCode,
  removeFromClass,
  renameClass,
  unassign,
} from "@/lib/services/classes";
import { markLessonComplete } from "@/lib/services/progress";
import { joinCodeSchema } from "@/lib/validation/classes";
import { appError } from "../support/app-error";
import { newLearner } from "../support/learners";
import { perfectResponses } from "../support/quiz-answers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = new Date("2027-03-01T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function newInstructor() {
  const learner = await newLearner();
  await prisma.user.update({ where: { id: learner.id }, data: { role: "INSTRUCTOR" } });
  return { ...learner, role: "INSTRUCTOR" as const };
}

const code = (formatted: string) => joinCodeSchema.parse(formatted);

/** Takes day 2's quiz: a perfect score, or none of the answers. */
async function takeDay2(learner: { id: string; role: "LEARNER" | "INSTRUCTOR" | "ADMIN" }, when: Date, perfect: boolean) {
  const { attempt } = await startAttempt(learner, "day-02", when);
  const responses = perfect ? await perfectResponses(attempt.id) : {};
  return submitAttempt(learner, attempt.id, { responses }, new Date(when.getTime() + 60_000));
}

describe("classes: roles and scoping", () => {
  it("only instructors create classes; a class's codes, roster and gradebook are its instructor's alone", async () => {
    const teacher = await newInstructor();
    const other = await newInstructor();
    const learner = await newLearner();
    expect((await appError(createClass(learner, { name: "Mine" }))).status).toBe(403);

    const created = await createClass(teacher, { name: "Cloud 101" });
    expect(created.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await listClassesTaught(teacher)).map((c) => c.id)).toContain(created.id);
    expect((await listClassesTaught(other)).map((c) => c.id)).not.toContain(created.id);

    // Another instructor's class is not found (ids reveal nothing); a learner is refused outright.
    for (const call of [
      getClassOverview(other, created.id, t0),
      assignDay(other, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0),
      renameClass(other, created.id, "Taken over"),
      newJoinCode(other, created.id),
      deleteClass(other, created.id),
      gradebookCsv(other, created.id, t0),
    ]) {
      expect((await appError(call)).status).toBe(404);
    }
    expect((await appError(getClassOverview(learner, created.id, t0))).status).toBe(403);
    expect((await appError(assignDay(learner, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0))).status).toBe(403);
    expect((await getClassOverview(teacher, created.id, t0)).name).toBe("Cloud 101");
  });

  it("joins by code in any spelling, once; the instructor cannot join their own class; a new code retires the old", async () => {
    const teacher = await newInstructor();
    const learner = await newLearner();
    const created = await createClass(teacher, { name: "Joinable" });
    const loose = ` ${created.joinCode.toLowerCase()} `;
    expect(await joinClass(learner, code(loose))).toEqual({ id: created.id, name: "Joinable" });
    expect((await appError(joinClass(learner, code(created.joinCode)))).status).toBe(409);
    expect((await appError(joinClass(teacher, code(created.joinCode)))).status).toBe(409);

    const replacement = await newJoinCode(teacher, created.id);
    expect(replacement).not.toBe(created.joinCode);
    const late = await newLearner();
    expect((await appError(joinClass(late, code(created.joinCode)))).status).toBe(404);
    await joinClass(late, code(replacement));
    expect((await getClassOverview(teacher, created.id, t0)).members.map((m) => m.userId)).toEqual([learner.id, late.id]);
  });

  it("after ten wrong codes in 15 minutes a learner must wait, even with the right code; typos before that are free", async () => {
    const teacher = await newInstructor();
    const created = await createClass(teacher, { name: "Guarded" });
    const [guesser, other] = [await newLearner(), await newLearner()];
    const wrong = created.joinCode === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH";
    for (let i = 0; i < MAX_WRONG_CODES; i++) {
      expect((await appError(joinClass(guesser, wrong, at(i * 60_000)))).status).toBe(404);
    }
    const refused = await appError(joinClass(guesser, code(created.joinCode), at(10 * 60_000)));
    expect(refused.status).toBe(429);
    expect(refused.message).toBe("Too many wrong class codes. Try again in 5 minutes.");
    expect(refused.retryAfterSec).toBe(5 * 60); // the first wrong code leaves the window 15 minutes after it
    // Refused tries do not extend the wait.
    expect((await appError(joinClass(guesser, code(created.joinCode), at(12 * 60_000)))).retryAfterSec).toBe(3 * 60);
    // Someone else is not held up; the guesser may try again once the oldest wrong code has aged out.
    await joinClass(other, code(created.joinCode), at(10 * 60_000));
    expect(await joinClass(guesser, code(created.joinCode), at(JOIN_WINDOW_MS + 1))).toEqual({ id: created.id, name: "Guarded" });
    // Conflicts are not wrong codes.
    for (let i = 0; i < MAX_WRONG_CODES + 1; i++) expect((await appError(joinClass(other, code(created.joinCode), at(DAY)))).status).toBe(409);
  });

  it("wrong codes sent all at once are limited too", async () => {
    const teacher = await newInstructor();
    const created = await createClass(teacher, { name: "Burst" });
    const guesser = await newLearner();
    const codes = Array.from({ length: 30 }, (_, i) => `ABCDEF${"ABCDEFGHJKMNPQRSTUVWXYZ23456789"[i]}Z`).filter((c) => c !== created.joinCode);
    const statuses = await Promise.all(codes.map(async (c) => (await appError(joinClass(guesser, c, t0))).status));
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(MAX_WRONG_CODES);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    expect((await appError(joinClass(guesser, code(created.joinCode), at(60_000)))).status).toBe(429);
  });

  it("an assignment is reached only through its own class; an admin reaches every class", async () => {
    const owner = await newInstructor();
    const rival = await newInstructor();
    const theirs = await createClass(owner, { name: "Theirs" });
    const mine = await createClass(rival, { name: "Mine" });
    const assignment = await assignDay(owner, theirs.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    for (const call of [
      changeAssignment(rival, mine.id, assignment.id, { dueAt: at(2 * DAY) }, t0),
      unassign(rival, mine.id, assignment.id),
      changeAssignment(rival, theirs.id, assignment.id, { dueAt: at(2 * DAY) }, t0),
      unassign(rival, theirs.id, assignment.id),
    ]) {
      expect((await appError(call)).status).toBe(404);
    }
    const member = await newLearner();
    await joinClass(member, code(theirs.joinCode));
    expect((await appError(removeFromClass(rival, theirs.id, member.id))).status).toBe(404);
    expect((await getClassOverview(owner, theirs.id, t0)).assignments[0]?.dueAt).toBe(at(DAY).toISOString());

    const admin = await newLearner();
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const asAdmin = { ...admin, role: "ADMIN" as const };
    expect((await getClassOverview(asAdmin, theirs.id, t0)).members.map((m) => m.userId)).toEqual([member.id]);
  });

  it("a learner may leave, but may not remove anyone else; the instructor may remove anyone", async () => {
    const teacher = await newInstructor();
    const [a, b] = [await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Roster" });
    await joinClass(a, code(created.joinCode));
    await joinClass(b, code(created.joinCode));
    expect((await appError(removeFromClass(a, created.id, b.id))).status).toBe(403);
    await removeFromClass(a, created.id, a.id);
    expect((await appError(removeFromClass(a, created.id, a.id))).status).toBe(404);
    await removeFromClass(teacher, created.id, b.id);
    expect((await getClassOverview(teacher, created.id, t0)).members).toEqual([]);
  });
});

describe("assignments and the gradebook", () => {
  it("grades each learner by their best attempt submitted by the due date, and counts late and missing work", async () => {
    const teacher = await newInstructor();
    const [onTime, late, absent] = [await newLearner(), await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Graded" });
    for (const l of [onTime, late, absent]) await joinClass(l, code(created.joinCode));
    const due = at(2 * DAY);
    const assignment = await assignDay(teacher, created.id, { day: 2, dueAt: due, instructions: "Use the simulator." }, t0);
    expect(assignment).toMatchObject({ day: 2, quizPath: "/day/2/quiz", instructions: "Use the simulator." });

    await takeDay2(onTime, at(HOUR), false);
    await takeDay2(onTime, at(DAY), true); // the cooldown is over by then
    await markLessonComplete(onTime, 2, at(HOUR));

    // Before the due date nobody is missing yet.
    const before = await getClassOverview(teacher, created.id, at(DAY + HOUR));
    expect(before.members.map((m) => m.cells[0]?.status)).toEqual(["done", "open", "open"]);
    await takeDay2(late, at(3 * DAY), true);

    const after = await getClassOverview(teacher, created.id, at(4 * DAY));
    const [a, b, c] = after.members;
    expect(a?.cells[0]).toEqual({ status: "done", onTimePercent: 100, bestPercent: 100, attempts: 2, extendedTo: null });
    expect(a?.lessonsCompleted).toBe(1);
    expect(b?.cells[0]).toEqual({ status: "late", onTimePercent: null, bestPercent: 100, attempts: 1, extendedTo: null });
    expect(c?.cells[0]).toEqual({ status: "missing", onTimePercent: null, bestPercent: null, attempts: 0, extendedTo: null });
    expect(after.assignments[0]).toMatchObject({ onTime: 1, late: 1, missing: 1, meanOnTimePercent: 100 });

    // The learner sees the same standing; the dashboard lists only what still wants work.
    const mine = await getMyClasses(late, at(4 * DAY));
    expect(mine[0]?.assignments[0]).toMatchObject({ status: "late", bestPercent: 100 });
    expect(await getOpenAssignments(absent, at(4 * DAY))).toHaveLength(1);
    expect(await getOpenAssignments(onTime, at(4 * DAY))).toHaveLength(0);

    // Moving the due date regrades: the late attempt now counts.
    await changeAssignment(teacher, created.id, assignment.id, { dueAt: at(5 * DAY) }, at(4 * DAY));
    const moved = await getClassOverview(teacher, created.id, at(4 * DAY));
    expect(moved.members[1]?.cells[0]?.status).toBe("done");

    const { csv, filename } = await gradebookCsv(teacher, created.id, at(4 * DAY));
    expect(filename).toBe("graded-gradebook.csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      'Name,Email,Joined,Lessons completed,"Day 2 grade (%), due Mar 6, 2027, 9:00 AM UTC",Day 2 status,Day 2 best incl. late (%),Day 2 extended to',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2},1,100,Done,100,$/);
    expect(lines[3]).toMatch(/,0,,To do,,$/); // the new due date has not passed yet
  });

  it("counts attempts made before joining or before the assignment; a learner who joins after the due date is missing", async () => {
    const teacher = await newInstructor();
    const early = await newLearner();
    await takeDay2(early, at(-3 * DAY), true); // long before the class existed
    const created = await createClass(teacher, { name: "Policy" });
    await joinClass(early, code(created.joinCode));
    await assignDay(teacher, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    const latecomer = await newLearner();
    await joinClass(latecomer, code(created.joinCode));
    const cells = (await getClassOverview(teacher, created.id, at(2 * DAY))).members.map((m) => m.cells[0]);
    expect(cells[0]).toMatchObject({ status: "done", onTimePercent: 100 });
    expect(cells[1]).toMatchObject({ status: "missing", attempts: 0 });
  });

  it("refuses days without a quiz, past or far-off due dates and a second assignment of the same day", async () => {
    const teacher = await newInstructor();
    const created = await createClass(teacher, { name: "Rules" });
    const ok = await assignDay(teacher, created.id, { day: 3, dueAt: at(DAY), instructions: "" }, t0);
    expect((await appError(assignDay(teacher, created.id, { day: 3, dueAt: at(2 * DAY), instructions: "" }, t0))).status).toBe(409);
    const past = await appError(assignDay(teacher, created.id, { day: 4, dueAt: at(-DAY), instructions: "" }, t0));
    expect(past.status).toBe(400);
    expect(past.details).toEqual([{ path: "dueAt", message: "Pick a due date in the future." }]);
    expect((await appError(assignDay(teacher, created.id, { day: 4, dueAt: at(400 * DAY), instructions: "" }, t0))).status).toBe(400);
    expect((await appError(changeAssignment(teacher, created.id, ok.id, { dueAt: at(-DAY) }, t0))).status).toBe(400);
    await unassign(teacher, created.id, ok.id);
    expect((await appError(unassign(teacher, created.id, ok.id))).status).toBe(404);
  });

  it("a learner's name cannot run as a spreadsheet formula in the CSV", async () => {
    const teacher = await newInstructor();
    const learner = await newLearner();
    await prisma.user.update({ where: { id: learner.id }, data: { name: '=HYPERLINK("http://x","y")' } });
    const created = await createClass(teacher, { name: "CSV" });
    await joinClass(learner, code(created.joinCode));
    const { csv } = await gradebookCsv(teacher, created.id, t0);
    expect(csv.split("\r\n")[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",/);
  });

  it("deleting a class keeps its learners' attempts; deleting the instructor's account deletes their classes", async () => {
    const teacher = await newInstructor();
    const learner = await newLearner();
    const created = await createClass(teacher, { name: "Ephemeral" });
    await joinClass(learner, code(created.joinCode));
    await assignDay(teacher, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    await takeDay2(learner, at(HOUR), true);
    const exported = await exportUserData(learner);
    expect(exported.classesJoined.map((e) => e.classroom.name)).toEqual(["Ephemeral"]);
    expect((await exportUserData(teacher)).classesTaught.map((c) => c.name)).toEqual(["Ephemeral"]);

    await deleteClass(teacher, created.id);
    expect(await getMyClasses(learner, t0)).toEqual([]);
    expect(await prisma.quizAttempt.count({ where: { userId: learner.id } })).toBe(1);

    const second = await createClass(teacher, { name: "Gone with the account" });
    await prisma.user.delete({ where: { id: teacher.id } });
    expect(await prisma.classroom.findUnique({ where: { id: second.id } })).toBeNull();
  });

  it("renames a class", async () => {
    const teacher = await newInstructor();
    const created = await createClass(teacher, { name: "Old" });
    await renameClass(teacher, created.id, "New");
    expect((await getClassOverview(teacher, created.id, t0)).name).toBe("New");
  });
});

describe("an instructor reviews a member's work", () => {
  it("shows each submitted attempt at the assignment's quiz with the answers, and which one the grade comes from", async () => {
    const teacher = await newInstructor();
    const [learner, lateOnly] = [await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Reviewed" });
    for (const l of [learner, lateOnly]) await joinClass(l, code(created.joinCode));
    const assignment = await assignDay(teacher, created.id, { day: 2, dueAt: at(2 * DAY), instructions: "" }, t0);

    await takeDay2(learner, at(HOUR), false);
    await takeDay2(learner, at(DAY), true);
    await takeDay2(learner, at(3 * DAY), true); // after the due date
    await startAttempt(learner, "day-02", at(5 * DAY)); // still open: not the instructor's to see
    const { attempt: other } = await startAttempt(learner, "day-03", at(HOUR));
    await submitAttempt(learner, other.id, { responses: {} }, at(2 * HOUR)); // another quiz

    const work = await getMemberWork(teacher, created.id, assignment.id, learner.id, at(6 * DAY));
    expect(work).toMatchObject({ className: "Reviewed", assignment: { day: 2 }, learner: { id: learner.id } });
    expect(work.standing).toEqual({ status: "done", onTimePercent: 100, bestPercent: 100, attempts: 3 });
    expect(work.attempts.map((a) => [a.percent, a.onTime, a.counts])).toEqual([
      [0, true, false],
      [100, true, true],
      [100, false, false],
    ]);
    const [first, second] = work.attempts;
    expect(first?.questions.length).toBeGreaterThan(0);
    expect(first?.questions.every((q) => q.status === "incorrect" && !q.answered)).toBe(true);
    expect(second?.questions.every((q) => q.status === "correct" && q.answered)).toBe(true);

    // Only late work: the grade shown is the best late attempt, and that is the one that counts.
    await takeDay2(lateOnly, at(3 * DAY), false);
    await takeDay2(lateOnly, at(4 * DAY), true);
    const late = await getMemberWork(teacher, created.id, assignment.id, lateOnly.id, at(6 * DAY));
    expect(late.standing.status).toBe("late");
    expect(late.attempts.map((a) => [a.percent, a.counts])).toEqual([
      [0, false],
      [100, true],
    ]);
  });

  it("is the class's instructor's (or an admin's) alone, for members of the class and its own assignments", async () => {
    const teacher = await newInstructor();
    const rival = await newInstructor();
    const [member, outsider] = [await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Private" });
    const rivals = await createClass(rival, { name: "Elsewhere" });
    await joinClass(member, code(created.joinCode));
    await joinClass(member, code(rivals.joinCode)); // in both classes: only the class's own assignment opens
    await joinClass(outsider, code(rivals.joinCode));
    const assignment = await assignDay(teacher, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    const rivalAssignment = await assignDay(rival, rivals.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    await takeDay2(member, at(HOUR), true);

    for (const call of [
      getMemberWork(rival, created.id, assignment.id, member.id, t0),
      getMemberWork(rival, rivals.id, assignment.id, member.id, t0),
      getMemberWork(teacher, created.id, rivalAssignment.id, member.id, t0),
      getMemberWork(teacher, created.id, assignment.id, outsider.id, t0),
    ]) {
      expect((await appError(call)).status).toBe(404);
    }
    expect((await appError(getMemberWork(member, created.id, assignment.id, member.id, t0))).status).toBe(403);

    const admin = await newLearner();
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const asAdmin = { ...admin, role: "ADMIN" as const };
    expect((await getMemberWork(asAdmin, created.id, assignment.id, member.id, at(2 * DAY))).attempts).toHaveLength(1);

    // A learner who leaves takes their work with them.
    await removeFromClass(member, created.id, member.id);
    expect((await appError(getMemberWork(teacher, created.id, assignment.id, member.id, t0))).status).toBe(404);
  });
});

describe("extensions", () => {
  it("grades a member by their own later due date, which they see too; moving the class's date past it retires it", async () => {
    const teacher = await newInstructor();
    const [ill, other] = [await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Extended" });
    for (const l of [ill, other]) await joinClass(l, code(created.joinCode));
    const assignment = await assignDay(teacher, created.id, { day: 2, dueAt: at(2 * DAY), instructions: "" }, t0);
    await takeDay2(ill, at(3 * DAY), true); // a day late
    const now = at(4 * DAY);
    expect((await getClassOverview(teacher, created.id, now)).members[0]?.cells[0]).toMatchObject({ status: "late", extendedTo: null });

    // Accepting the late work: an extension to a date already past, but after the hand-in.
    const granted = await grantExtension(teacher, created.id, assignment.id, ill.id, { dueAt: at(3 * DAY + HOUR) }, now);
    expect(granted).toEqual({ dueAt: at(3 * DAY + HOUR).toISOString() });
    const overview = await getClassOverview(teacher, created.id, now);
    expect(overview.members[0]?.cells[0]).toMatchObject({ status: "done", onTimePercent: 100, extendedTo: at(3 * DAY + HOUR).toISOString() });
    expect(overview.members[1]?.cells[0]).toMatchObject({ status: "missing", extendedTo: null });
    expect(overview.assignments[0]).toMatchObject({ onTime: 1, late: 0, missing: 1 });
    const work = await getMemberWork(teacher, created.id, assignment.id, ill.id, now);
    expect(work).toMatchObject({ dueAt: at(3 * DAY + HOUR).toISOString(), extension: { dueAt: at(3 * DAY + HOUR).toISOString() } });
    expect(work.attempts.map((a) => [a.onTime, a.counts])).toEqual([[true, true]]);
    expect((await getMyClasses(ill, now))[0]?.assignments[0]).toMatchObject({ extended: true, status: "done", dueAt: at(3 * DAY + HOUR).toISOString() });
    expect((await getMyClasses(other, now))[0]?.assignments[0]).toMatchObject({ extended: false, status: "missing", dueAt: at(2 * DAY).toISOString() });
    const { csv } = await gradebookCsv(teacher, created.id, now);
    expect(csv.split("\r\n")[1]).toMatch(/,100,Done,100,"Mar 4, 2027, 10:00 AM UTC"$/);

    // A future extension keeps the assignment on the member's to-do list after the class's date.
    await grantExtension(teacher, created.id, assignment.id, other.id, { dueAt: at(6 * DAY) }, now);
    expect((await getOpenAssignments(other, now))[0]).toMatchObject({ status: "open", extended: true });

    // The class's date moved past the extension: the class's applies, and the extension is kept but moot.
    await changeAssignment(teacher, created.id, assignment.id, { dueAt: at(10 * DAY) }, now);
    const moved = await getMemberWork(teacher, created.id, assignment.id, other.id, now);
    expect(moved).toMatchObject({ dueAt: at(10 * DAY).toISOString(), extension: { dueAt: at(6 * DAY).toISOString() } });
    expect((await getClassOverview(teacher, created.id, now)).members[1]?.cells[0]?.extendedTo).toBeNull();

    await revokeExtension(teacher, created.id, assignment.id, other.id);
    expect((await getMemberWork(teacher, created.id, assignment.id, other.id, now)).extension).toBeNull();
    expect((await appError(revokeExtension(teacher, created.id, assignment.id, other.id))).status).toBe(404);
  });

  it("must be later than the class's date and within 366 days; it is the class's instructor's to give, to a member", async () => {
    const teacher = await newInstructor();
    const rival = await newInstructor();
    const [member, outsider] = [await newLearner(), await newLearner()];
    const created = await createClass(teacher, { name: "Rules for extensions" });
    await joinClass(member, code(created.joinCode));
    const assignment = await assignDay(teacher, created.id, { day: 2, dueAt: at(2 * DAY), instructions: "" }, t0);
    const early = await appError(grantExtension(teacher, created.id, assignment.id, member.id, { dueAt: at(2 * DAY) }, t0));
    expect(early.status).toBe(400);
    expect(early.details).toEqual([{ path: "dueAt", message: "An extension must be later than the class's due date." }]);
    expect((await appError(grantExtension(teacher, created.id, assignment.id, member.id, { dueAt: at(400 * DAY) }, t0))).status).toBe(400);

    const later = { dueAt: at(3 * DAY) };
    for (const call of [
      grantExtension(rival, created.id, assignment.id, member.id, later, t0),
      revokeExtension(rival, created.id, assignment.id, member.id),
      grantExtension(teacher, created.id, assignment.id, outsider.id, later, t0),
    ]) {
      expect((await appError(call)).status).toBe(404);
    }
    expect((await appError(grantExtension(member, created.id, assignment.id, member.id, later, t0))).status).toBe(403);

    // A rival's own class does not open another class's assignment.
    const rivals = await createClass(rival, { name: "Rival's" });
    expect((await appError(grantExtension(rival, rivals.id, assignment.id, member.id, later, t0))).status).toBe(404);

    // Leaving, or being removed, takes the extension along: rejoining starts from the class's date.
    await grantExtension(teacher, created.id, assignment.id, member.id, later, t0);
    await removeFromClass(member, created.id, member.id);
    expect(await prisma.extension.count({ where: { userId: member.id } })).toBe(0);
    await joinClass(member, code(created.joinCode));
    expect((await getMyClasses(member, t0))[0]?.assignments[0]).toMatchObject({ extended: false, dueAt: at(2 * DAY).toISOString() });
    await grantExtension(teacher, created.id, assignment.id, member.id, later, t0);
    await removeFromClass(teacher, created.id, member.id);
    expect(await prisma.extension.count({ where: { userId: member.id } })).toBe(0);
    // The database itself refuses an extension without the membership (a removal racing a grant).
    await expect(prisma.extension.create({ data: { classId: created.id, userId: member.id, assignmentId: assignment.id, dueAt: at(3 * DAY) } })).rejects.toThrow();
  });

  it("orders a learner's assignments by their own due dates", async () => {
    const teacher = await newInstructor();
    const learner = await newLearner();
    const created = await createClass(teacher, { name: "Order" });
    await joinClass(learner, code(created.joinCode));
    const first = await assignDay(teacher, created.id, { day: 2, dueAt: at(DAY), instructions: "" }, t0);
    await assignDay(teacher, created.id, { day: 3, dueAt: at(2 * DAY), instructions: "" }, t0);
    expect((await getOpenAssignments(learner, t0)).map((a) => a.day)).toEqual([2, 3]);
    await grantExtension(teacher, created.id, first.id, learner.id, { dueAt: at(3 * DAY) }, t0);
    expect((await getOpenAssignments(learner, t0)).map((a) => a.day)).toEqual([3, 2]);
    expect((await getMyClasses(learner, t0))[0]?.assignments.map((a) => a.day)).toEqual([3, 2]);
  });
});
