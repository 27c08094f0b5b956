import "server-only";
import { forbidden, notFound } from "@/lib/errors";
import { prisma } from "./client";
import type { Actor } from "./actor";

/** FSRS scheduling state as stored (ts-fsrs `Card` fields, camel-cased). */
export interface CardSchedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/**
 * Puts missed questions into review: new cards start with `fresh`; a card that already exists becomes due now,
 * because missing it again in a quiz says it is being forgotten. Three statements whatever the number of cards.
 */
export async function upsertCards(actor: Actor, quizId: string, questionIds: string[], fresh: CardSchedule, now: Date) {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.reviewCard.findMany({
      where: { userId: actor.id, quizId, questionId: { in: questionIds } },
      select: { questionId: true },
    });
    const have = new Set(existing.map((c) => c.questionId));
    const missing = questionIds.filter((id) => !have.has(id));
    if (missing.length > 0) {
      await tx.reviewCard.createMany({ data: missing.map((questionId) => ({ userId: actor.id, quizId, questionId, ...fresh })) });
    }
    if (have.size > 0) {
      await tx.reviewCard.updateMany({ where: { userId: actor.id, quizId, questionId: { in: [...have] } }, data: { due: now } });
    }
  });
}

export function countDueCards(actor: Actor, now: Date) {
  return prisma.reviewCard.count({ where: { userId: actor.id, due: { lte: now } } });
}

export function firstDueCard(actor: Actor, now: Date) {
  return prisma.reviewCard.findFirst({ where: { userId: actor.id, due: { lte: now } }, orderBy: [{ due: "asc" }, { id: "asc" }] });
}

export async function nextDueAt(actor: Actor): Promise<Date | null> {
  const card = await prisma.reviewCard.findFirst({ where: { userId: actor.id }, orderBy: { due: "asc" }, select: { due: true } });
  return card?.due ?? null;
}

export async function getCard(actor: Actor, cardId: string) {
  const card = await prisma.reviewCard.findUnique({ where: { id: cardId } });
  if (!card) throw notFound("No review card with that id.");
  if (card.userId !== actor.id) throw forbidden("This review card belongs to someone else.");
  return card;
}

/** Stores a rating: the card's new schedule and the log row, together. */
export async function saveReview(
  actor: Actor,
  cardId: string,
  schedule: CardSchedule,
  log: { rating: number; correct: boolean; responseJson: string; reviewedAt: Date },
) {
  const [card] = await prisma.$transaction([
    prisma.reviewCard.update({ where: { id: cardId, userId: actor.id }, data: schedule }),
    prisma.reviewLog.create({
      data: {
        cardId,
        userId: actor.id,
        rating: log.rating,
        correct: log.correct,
        response: log.responseJson,
        reviewedAt: log.reviewedAt,
        dueAfter: schedule.due,
        stability: schedule.stability,
        difficulty: schedule.difficulty,
        state: schedule.state,
      },
    }),
  ]);
  return card;
}

export function listReviewLogs(actor: Actor) {
  return prisma.reviewLog.findMany({
    where: { userId: actor.id },
    orderBy: { reviewedAt: "asc" },
    select: { rating: true, correct: true, reviewedAt: true, card: { select: { quizId: true, questionId: true } } },
  });
}
