import "server-only";
import { prisma } from "./client";
import type { Actor } from "./actor";

/** Everything stored about the actor, and nothing about anyone else (every relation is filtered by their id). */
export async function exportUserData(actor: Actor) {
  const where = { userId: actor.id };
  const [profile, progress, attempts, activities, cards, reviews, enrollments, teaching, extensions] = await Promise.all([
    prisma.user.findUnique({
      where: { id: actor.id },
      select: { id: true, email: true, name: true, role: true, timeZone: true, courseStartedAt: true, createdAt: true, updatedAt: true },
    }),
    prisma.lessonProgress.findMany({ where, orderBy: { day: "asc" } }),
    prisma.quizAttempt.findMany({ where, orderBy: { startedAt: "asc" }, include: { responses: true } }),
    prisma.activity.findMany({ where, orderBy: { at: "asc" } }),
    prisma.reviewCard.findMany({ where, orderBy: { createdAt: "asc" } }),
    prisma.reviewLog.findMany({ where, orderBy: { reviewedAt: "asc" } }),
    // Classes the actor is in: the class's name only, not its roster or code (those are the instructor's).
    prisma.enrollment.findMany({ where, orderBy: { joinedAt: "asc" }, select: { joinedAt: true, classroom: { select: { id: true, name: true } } } }),
    prisma.classroom.findMany({
      where: { instructorId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, joinCode: true, createdAt: true, assignments: { select: { day: true, dueAt: true, instructions: true, createdAt: true } } },
    }),
    // Later due dates an instructor gave the actor.
    prisma.extension.findMany({
      where,
      orderBy: { createdAt: "asc" },
      select: { dueAt: true, createdAt: true, assignment: { select: { day: true, classroom: { select: { id: true, name: true } } } } },
    }),
  ]);
  return {
    profile,
    progress,
    attempts,
    activities,
    reviewCards: cards,
    reviewLogs: reviews,
    classesJoined: enrollments,
    classesTaught: teaching,
    extensions,
  };
}

/** Deletes the actor's account; every row of theirs goes with it (foreign keys cascade). */
export async function deleteUser(actor: Actor) {
  await prisma.user.delete({ where: { id: actor.id } });
}
