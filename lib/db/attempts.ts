import "server-only";
import { forbidden, notFound } from "@/lib/errors";
import { prisma } from "./client";
import type { Actor } from "./actor";

export interface NewAttempt {
  startedAt: Date;
  quizId: string;
  lessonSlug: string;
  quizVersion: string;
  seed: number;
  layoutJson: string;
  maxScore: number;
}

export function createAttempt(actor: Actor, input: NewAttempt) {
  return prisma.quizAttempt.create({
    data: {
      userId: actor.id,
      startedAt: input.startedAt,
      quizId: input.quizId,
      lessonSlug: input.lessonSlug,
      quizVersion: input.quizVersion,
      seed: input.seed,
      layout: input.layoutJson,
      maxScore: input.maxScore,
    },
  });
}

/** The actor's unsubmitted attempt at a quiz version, if any, so reloading a quiz resumes instead of restarting. */
export function findOpenAttempt(actor: Actor, quizId: string, quizVersion: string) {
  return prisma.quizAttempt.findFirst({
    where: { userId: actor.id, quizId, quizVersion, submittedAt: null },
    orderBy: { startedAt: "desc" },
  });
}

/**
 * One attempt with its responses. Someone else's attempt is a 403 (the id exists, the actor may not see it);
 * admins may read any attempt.
 */
export async function getAttempt(actor: Actor, attemptId: string) {
  const attempt = await prisma.quizAttempt.findUnique({
    where: { id: attemptId },
    include: { responses: true },
  });
  if (!attempt) throw notFound("No attempt with that id.");
  if (attempt.userId !== actor.id && actor.role !== "ADMIN") throw forbidden("This attempt belongs to someone else.");
  return attempt;
}

export interface GradedResponse {
  questionId: string;
  responseJson: string;
  correct: boolean;
  points: number;
  maxPoints: number;
}

/**
 * Stores a grade exactly once. The conditional update is the arbiter: of two concurrent submits only one finds
 * `submittedAt` still null and writes responses; the other learns it lost and reads the stored result.
 */
export async function finalizeAttempt(
  actor: Actor,
  attemptId: string,
  at: Date,
  grade: { score: number; responses: GradedResponse[] },
): Promise<{ won: boolean }> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.quizAttempt.updateMany({
      where: { id: attemptId, userId: actor.id, submittedAt: null },
      data: { submittedAt: at, score: grade.score },
    });
    if (count === 0) return { won: false };
    await tx.quizResponse.createMany({
      data: grade.responses.map((r) => ({
        attemptId,
        questionId: r.questionId,
        response: r.responseJson,
        correct: r.correct,
        points: r.points,
        maxPoints: r.maxPoints,
      })),
    });
    return { won: true };
  });
}

/** Submitted attempts, newest first, optionally for one quiz. */
export function listSubmittedAttempts(actor: Actor, quizId?: string) {
  return prisma.quizAttempt.findMany({
    where: { userId: actor.id, submittedAt: { not: null }, ...(quizId ? { quizId } : {}) },
    orderBy: { submittedAt: "desc" },
    select: { id: true, quizId: true, lessonSlug: true, startedAt: true, submittedAt: true, score: true, maxScore: true },
  });
}

/** Every response of the actor's submitted attempts, for the per-concept view. */
export function listResponses(actor: Actor) {
  return prisma.quizResponse.findMany({
    where: { attempt: { userId: actor.id, submittedAt: { not: null } } },
    select: { questionId: true, correct: true, points: true, maxPoints: true, attempt: { select: { quizId: true, submittedAt: true } } },
  });
}
