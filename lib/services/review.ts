import "server-only";
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import { getQuizById } from "@/lib/content/quizzes";
import type { Actor } from "@/lib/db/actor";
import { countDueCards, firstDueCard, getCard, nextDueAt, saveReview, upsertCards, type CardSchedule } from "@/lib/db/review";
import { conflict, notFound } from "@/lib/errors";
import { gradeQuestion } from "@/lib/quiz/grade";
import { drawLayout, layoutQuestions, type QuizLayout } from "@/lib/quiz/layout";
import { toPublicQuestions, type PublicQuestion } from "@/lib/quiz/public";
import { toReviewQuestions, type ReviewQuestion } from "@/lib/quiz/review";
import type { Question, Quiz } from "@/lib/quiz/schema";
import { hashString } from "@/lib/sim/random";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { noteActivity } from "./journey";

/**
 * Spaced repetition with FSRS (ts-fsrs, default parameters). Fuzz is off so a rating's next due date is exactly
 * what FSRS computes: learners and tests can predict it.
 */
export const scheduler = fsrs({ enable_fuzz: false });

type CardRow = Awaited<ReturnType<typeof getCard>>;

const toSchedule = (c: Card): CardSchedule => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  lastReview: c.last_review ?? null,
});

export const toFsrsCard = (row: CardSchedule): Card => ({
  due: row.due,
  stability: row.stability,
  difficulty: row.difficulty,
  elapsed_days: row.elapsedDays,
  scheduled_days: row.scheduledDays,
  learning_steps: row.learningSteps,
  reps: row.reps,
  lapses: row.lapses,
  state: row.state,
  last_review: row.lastReview ?? undefined,
});

export async function addMissedQuestionsToReview(actor: Actor, quizId: string, questionIds: string[], now: Date) {
  if (questionIds.length === 0) return;
  await upsertCards(actor, quizId, questionIds, toSchedule(createEmptyCard(now)), now);
}

/**
 * A one-question quiz for a card, reshuffled for every review — and, for simulator questions, with fresh numbers —
 * seeded by the card and its review count.
 */
function cardQuiz(card: CardRow): { quiz: Quiz; day: number; layout: QuizLayout; question: Question } {
  const loaded = getQuizById(card.quizId);
  const definition = loaded?.quiz.questions.find((q) => q.id === card.questionId);
  if (!loaded || !definition) throw notFound("This card's question no longer exists.");
  const quiz = { ...loaded.quiz, questions: [definition] };
  const layout = drawLayout(quiz, hashString(`${card.id}:${card.reps}`));
  const question = layoutQuestions(quiz, layout)[0]?.question;
  if (!question) throw notFound("This card's question no longer exists.");
  return { quiz, day: loaded.day, layout, question };
}

export interface ReviewQueue {
  dueCount: number;
  nextDueAt: string | null;
  card: { id: string; day: number; reps: number; question: PublicQuestion } | null;
}

export async function getReviewQueue(actor: Actor, now: Date): Promise<ReviewQueue> {
  const [dueCount, first, next] = await Promise.all([countDueCards(actor, now), firstDueCard(actor, now), nextDueAt(actor)]);
  if (!first) return { dueCount, nextDueAt: next?.toISOString() ?? null, card: null };
  const { quiz, day, layout } = cardQuiz(first);
  const [question] = toPublicQuestions(quiz, layout);
  return {
    dueCount,
    nextDueAt: next?.toISOString() ?? null,
    card: question ? { id: first.id, day, reps: first.reps, question } : null,
  };
}

const RATINGS = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy } as const;

export interface ReviewCheck {
  correct: boolean;
  review: ReviewQuestion;
  /** What each rating would schedule, so the learner sees the consequence of their choice. */
  nextDue: Record<"again" | "hard" | "good" | "easy", string>;
  suggestedRating: 1 | 3;
}

async function dueCard(actor: Actor, cardId: string, now: Date) {
  const card = await getCard(actor, cardId);
  if (card.due.getTime() > now.getTime()) throw conflict("This card is not due yet.");
  return card;
}

/** Grades a review answer and shows the explanation; nothing is stored until the learner rates the card. */
export async function checkReviewAnswer(actor: Actor, cardId: string, response: QuestionResponse, now: Date): Promise<ReviewCheck> {
  const card = await dueCard(actor, cardId, now);
  const { quiz, layout, question } = cardQuiz(card);
  const graded = gradeQuestion(question, response);
  const [review] = toReviewQuestions(quiz, layout, { [question.id]: response }, [graded]);
  if (!review) throw notFound("This card's question no longer exists.");
  const preview = scheduler.repeat(toFsrsCard(card), now);
  return {
    correct: graded.correct,
    review,
    nextDue: {
      again: preview[Rating.Again].card.due.toISOString(),
      hard: preview[Rating.Hard].card.due.toISOString(),
      good: preview[Rating.Good].card.due.toISOString(),
      easy: preview[Rating.Easy].card.due.toISOString(),
    },
    suggestedRating: graded.correct ? 3 : 1,
  };
}

/** Applies a rating with FSRS and stores it with the answer given. */
export async function rateCard(
  actor: Actor,
  cardId: string,
  input: { rating: 1 | 2 | 3 | 4; response: QuestionResponse },
  now: Date,
) {
  const card = await dueCard(actor, cardId, now);
  const { question } = cardQuiz(card);
  const grade: Grade = RATINGS[input.rating];
  const next = scheduler.next(toFsrsCard(card), now, grade).card;
  const saved = await saveReview(actor, cardId, toSchedule(next), {
    rating: input.rating,
    correct: gradeQuestion(question, input.response).correct,
    responseJson: JSON.stringify(input.response),
    reviewedAt: now,
  });
  await noteActivity(actor, "CARD_REVIEWED", now);
  return {
    id: saved.id,
    due: saved.due.toISOString(),
    stability: saved.stability,
    difficulty: saved.difficulty,
    state: saved.state,
    reps: saved.reps,
    lapses: saved.lapses,
    scheduledDays: saved.scheduledDays,
  };
}

export async function dueCount(actor: Actor, now: Date) {
  return countDueCards(actor, now);
}
