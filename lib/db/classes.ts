import "server-only";
import { conflict, notFound } from "@/lib/errors";
import { prisma } from "./client";
import type { Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";

/**
 * Classes, enrollments and assignments. An instructor reaches only the classes they teach (an admin reaches every
 * class); a learner reaches only their own enrollments. Someone else's class is "not found", not "forbidden", so ids
 * reveal nothing.
 */

const NO_CLASS = "No class with that id.";

function taughtBy(actor: Actor, classId: string) {
  return actor.role === "ADMIN" ? { id: classId } : { id: classId, instructorId: actor.id };
}

/** A write that names a class deleted a moment ago fails on its foreign key (P2003) or finds nothing (P2025). */
function isGone(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error.code === "P2003" || error.code === "P2025");
}

/** Creates a class taught by the actor. Returns null when the join code is taken (the caller draws another). */
export async function createClassroom(actor: Actor, input: { name: string; joinCode: string }) {
  try {
    return await prisma.classroom.create({
      data: { name: input.name, joinCode: input.joinCode, instructorId: actor.id },
      select: { id: true, name: true, joinCode: true, createdAt: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The classes the actor teaches, newest first, with their sizes. */
export function listTaughtClasses(actor: Actor) {
  return prisma.classroom.findMany({
    where: { instructorId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      joinCode: true,
      createdAt: true,
      _count: { select: { enrollments: true, assignments: true } },
    },
  });
}

/** One class the actor teaches, with its roster and assignments; 404 for anyone else's. */
export async function getTaughtClass(actor: Actor, classId: string) {
  const found = await prisma.classroom.findFirst({
    where: taughtBy(actor, classId),
    select: {
      id: true,
      name: true,
      joinCode: true,
      createdAt: true,
      instructor: { select: { name: true } },
      enrollments: {
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      assignments: {
        orderBy: [{ dueAt: "asc" }, { day: "asc" }],
        select: { id: true, day: true, dueAt: true, instructions: true, createdAt: true, extensions: { select: { userId: true, dueAt: true } } },
      },
    },
  });
  if (!found) throw notFound(NO_CLASS);
  return found;
}

/** Members of a class the actor teaches (empty for anyone else's class): the scope of the gradebook's reads. */
function memberOf(actor: Actor, classId: string) {
  return { enrollments: { some: { classId, classroom: taughtBy(actor, classId) } } };
}

/**
 * The submitted attempts of a class's members at the given quizzes (for its gradebook). Attempts are read as they
 * are, whenever they were made: an enrollment does not copy or own them.
 */
export function listClassAttempts(actor: Actor, classId: string, quizIds: string[]) {
  return prisma.quizAttempt.findMany({
    where: { quizId: { in: quizIds }, submittedAt: { not: null }, user: memberOf(actor, classId) },
    select: { userId: true, quizId: true, score: true, maxScore: true, submittedAt: true },
  });
}

/**
 * An assignment of a class the actor teaches, with one of its members: what the instructor's review of that member's
 * work starts from. 404 unless the class is the actor's, the assignment is the class's and the learner is in it.
 */
export async function getMemberAssignment(actor: Actor, classId: string, assignmentId: string, userId: string) {
  const found = await prisma.classroom.findFirst({
    where: taughtBy(actor, classId),
    select: {
      id: true,
      name: true,
      assignments: {
        where: { id: assignmentId },
        select: { id: true, day: true, dueAt: true, instructions: true, extensions: { where: { userId }, select: { dueAt: true } } },
      },
      enrollments: { where: { userId }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!found) throw notFound(NO_CLASS);
  const assignment = found.assignments[0];
  if (!assignment) throw notFound("No assignment with that id in this class.");
  const enrollment = found.enrollments[0];
  if (!enrollment) throw notFound("No member with that id in this class.");
  return { id: found.id, name: found.name, assignment, learner: enrollment.user, joinedAt: enrollment.joinedAt };
}

/** A member's submitted attempts at one quiz, oldest first, with their responses (nothing for a non-member). */
export function listMemberAttempts(actor: Actor, classId: string, userId: string, quizId: string) {
  return prisma.quizAttempt.findMany({
    where: { userId, quizId, submittedAt: { not: null }, user: memberOf(actor, classId) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    include: { responses: true },
  });
}

/** Which lessons each member has completed (for the roster's progress column). */
export function listClassCompletions(actor: Actor, classId: string) {
  return prisma.lessonProgress.findMany({
    where: { status: "COMPLETED", user: memberOf(actor, classId) },
    select: { userId: true, day: true },
  });
}

export async function renameClassroom(actor: Actor, classId: string, name: string) {
  const { count } = await prisma.classroom.updateMany({ where: taughtBy(actor, classId), data: { name } });
  if (count === 0) throw notFound(NO_CLASS);
}

/** Gives the class a new join code (the old one stops working). False when the code is taken. */
export async function setJoinCode(actor: Actor, classId: string, joinCode: string): Promise<boolean> {
  try {
    const { count } = await prisma.classroom.updateMany({ where: taughtBy(actor, classId), data: { joinCode } });
    if (count === 0) throw notFound(NO_CLASS);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Deletes the class with its enrollments and assignments; members keep their own progress and attempts. */
export async function deleteClassroom(actor: Actor, classId: string) {
  const { count } = await prisma.classroom.deleteMany({ where: taughtBy(actor, classId) });
  if (count === 0) throw notFound(NO_CLASS);
}

export async function createAssignment(actor: Actor, classId: string, input: { day: number; dueAt: Date; instructions: string }) {
  await assertTeaches(actor, classId);
  try {
    return await prisma.assignment.create({
      data: { classId, day: input.day, dueAt: input.dueAt, instructions: input.instructions },
      select: { id: true, day: true, dueAt: true, instructions: true, createdAt: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Day ${input.day} is already assigned to this class: change its due date instead.`);
    if (isGone(error)) throw notFound(NO_CLASS);
    throw error;
  }
}

export async function updateAssignment(
  actor: Actor,
  classId: string,
  assignmentId: string,
  data: { dueAt?: Date; instructions?: string },
) {
  await assertTeaches(actor, classId);
  const { count } = await prisma.assignment.updateMany({ where: { id: assignmentId, classId }, data });
  if (count === 0) throw notFound("No assignment with that id in this class.");
}

export async function deleteAssignment(actor: Actor, classId: string, assignmentId: string) {
  await assertTeaches(actor, classId);
  const { count } = await prisma.assignment.deleteMany({ where: { id: assignmentId, classId } });
  if (count === 0) throw notFound("No assignment with that id in this class.");
}

/** Removes a member: the class's instructor may remove anyone, a learner only themselves (leaving the class). */
export async function removeMember(actor: Actor, classId: string, userId: string) {
  if (userId !== actor.id) await assertTeaches(actor, classId);
  // The member's extensions belong to the enrollment and go with it.
  const { count } = await prisma.enrollment.deleteMany({ where: { classId, userId } });
  if (count === 0) throw notFound("That person is not a member of this class.");
}

/**
 * Gives a member of a class the actor teaches their own due date for one of its assignments (or moves it): 404
 * unless the class is the actor's, the assignment the class's and the user a member. A member removed between the
 * check and the write is a 404 too: the extension references the enrollment, so the insert fails on its key.
 */
export async function upsertExtension(actor: Actor, classId: string, assignmentId: string, userId: string, dueAt: Date) {
  const still = await prisma.assignment.findFirst({
    where: { id: assignmentId, classId, classroom: { ...taughtBy(actor, classId), enrollments: { some: { userId } } } },
    select: { id: true },
  });
  if (!still) throw notFound("No member with that id in this class.");
  try {
    return await prisma.extension.upsert({
      where: { assignmentId_userId: { assignmentId, userId } },
      create: { classId, userId, assignmentId, dueAt },
      update: { dueAt },
      select: { dueAt: true },
    });
  } catch (error) {
    if (isGone(error)) throw notFound("No member with that id in this class.");
    throw error;
  }
}

/** Takes a member's extension back: the class's due date applies to them again. */
export async function deleteExtension(actor: Actor, classId: string, assignmentId: string, userId: string) {
  const { count } = await prisma.extension.deleteMany({
    where: { assignmentId, userId, assignment: { classId, classroom: taughtBy(actor, classId) } },
  });
  if (count === 0) throw notFound("That member has no extension for this assignment.");
}

/**
 * Enrolls the actor in the class a join code opens and returns its id and name. 404 for an unknown code (or a class
 * deleted meanwhile), 409 for the class's own instructor and for a second join (the unique index decides).
 */
export async function enrollByCode(actor: Actor, joinCode: string) {
  const found = await prisma.classroom.findUnique({ where: { joinCode }, select: { id: true, name: true, instructorId: true } });
  if (!found) throw notFound("No class has that code. Check it with your instructor.");
  if (found.instructorId === actor.id) throw conflict("You teach this class, so you cannot join it as a learner.");
  try {
    await prisma.enrollment.create({ data: { classId: found.id, userId: actor.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("You are already in this class.");
    if (isGone(error)) throw notFound("No class has that code. Check it with your instructor.");
    throw error;
  }
  return { id: found.id, name: found.name };
}

/** The actor's classes (as a learner), with their instructor and assignments. */
export function listEnrolledClasses(actor: Actor) {
  return prisma.enrollment.findMany({
    where: { userId: actor.id },
    orderBy: { joinedAt: "asc" },
    select: {
      joinedAt: true,
      classroom: {
        select: {
          id: true,
          name: true,
          instructor: { select: { name: true } },
          assignments: {
            orderBy: [{ dueAt: "asc" }, { day: "asc" }],
            select: { id: true, day: true, dueAt: true, instructions: true, extensions: { where: { userId: actor.id }, select: { dueAt: true } } },
          },
        },
      },
    },
  });
}

async function assertTeaches(actor: Actor, classId: string) {
  const found = await prisma.classroom.findFirst({ where: taughtBy(actor, classId), select: { id: true } });
  if (!found) throw notFound(NO_CLASS);
}
