import "server-only";
import { randomInt } from "node:crypto";
import { getQuizById, type LoadedQuiz } from "@/lib/content/quizzes";
import type { Actor } from "@/lib/db/actor";
import { completeLesson, markLessonOpened } from "@/lib/db/progress";
import { createAttempt, finalizeAttempt, findOpenAttempt, getAttempt, listSubmittedAttempts } from "@/lib/db/attempts";
import { badRequest, conflict, notFound, tooManyRequests } from "@/lib/errors";
import { gradeAttempt, responseProblems } from "@/lib/quiz/grade";
import { drawLayout, quizLayoutSchema, type QuizLayout } from "@/lib/quiz/layout";
import { toPublicQuestions, type PublicQuestion } from "@/lib/quiz/public";
import { toReviewQuestions, type ReviewQuestion } from "@/lib/quiz/review";
import type { QuestionResponse, SubmitAttemptInput } from "@/lib/validation/quiz";
import { noteActivity } from "./journey";
import { addMissedQuestionsToReview } from "./review";
import { attemptPercent } from "./gradebook";

/**
 * The quiz flow shared by server actions and the JSON API: content (definitions with keys) + lib/quiz (pure
 * grading) + lib/db (storage). Nothing here returns an answer key for an attempt that is still open.
 */

export interface OpenAttemptView {
  id: string;
  quizId: string;
  quizTitle: string;
  day: number;
  status: "in_progress";
  startedAt: string;
  maxScore: number;
  questions: PublicQuestion[];
}

export interface SubmittedAttemptView {
  id: string;
  quizId: string;
  quizTitle: string;
  day: number;
  status: "submitted";
  startedAt: string;
  submittedAt: string;
  score: number;
  maxScore: number;
  percent: number;
  passPercent: number;
  passed: boolean;
  questions: ReviewQuestion[];
}

export type AttemptView = OpenAttemptView | SubmittedAttemptView;

function requireQuiz(quizId: string): LoadedQuiz {
  const loaded = getQuizById(quizId);
  if (!loaded) throw notFound(`No quiz with id "${quizId}".`);
  return loaded;
}

function parseLayout(json: string): QuizLayout {
  return quizLayoutSchema.parse(JSON.parse(json));
}


export interface AttemptAllowance {
  maxAttempts: number | null;
  used: number;
  cooldownMinutes: number;
  /** ISO time from which a new attempt may start, when a cooldown is running. */
  nextAttemptAt: string | null;
  /** Why a new attempt cannot start now, or null when it can. */
  blockedReason: string | null;
  retryAfterSec: number | null;
}

/** Whether the actor may start a new attempt now, under the quiz's rules (an open attempt can always resume). */
export async function attemptAllowance(actor: Actor, loaded: LoadedQuiz, now: Date): Promise<AttemptAllowance> {
  const { maxAttempts, cooldownMinutes } = loaded.quiz.rules;
  const submitted = await listSubmittedAttempts(actor, loaded.quiz.id);
  const base = { maxAttempts: maxAttempts ?? null, used: submitted.length, cooldownMinutes };
  if (maxAttempts !== undefined && submitted.length >= maxAttempts) {
    return { ...base, nextAttemptAt: null, blockedReason: `You have used all ${maxAttempts} attempts at this quiz.`, retryAfterSec: null };
  }
  const last = submitted[0]?.submittedAt;
  const readyAtMs = last ? last.getTime() + cooldownMinutes * 60_000 : 0;
  if (readyAtMs > now.getTime()) {
    const retryAfterSec = Math.ceil((readyAtMs - now.getTime()) / 1000);
    const minutes = Math.ceil(retryAfterSec / 60);
    return {
      ...base,
      nextAttemptAt: new Date(readyAtMs).toISOString(),
      blockedReason: `This quiz has a ${cooldownMinutes}-minute cooldown between attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfterSec,
    };
  }
  return { ...base, nextAttemptAt: null, blockedReason: null, retryAfterSec: null };
}

/**
 * Starts an attempt, or resumes the actor's open attempt at the same quiz version (a reload or a second tab must
 * not reshuffle the quiz under the learner). `created` tells which. A new attempt must satisfy the quiz's rules:
 * past the attempt limit is a 409, inside the cooldown a 429 with Retry-After.
 */
export async function startAttempt(
  actor: Actor,
  quizId: string,
  now = new Date(),
): Promise<{ attempt: OpenAttemptView; created: boolean }> {
  const loaded = requireQuiz(quizId);
  const open = await findOpenAttempt(actor, quizId, loaded.version);
  if (open) return { attempt: openView(loaded, open), created: false };
  const allowance = await attemptAllowance(actor, loaded, now);
  if (allowance.blockedReason) {
    throw allowance.retryAfterSec
      ? tooManyRequests(allowance.blockedReason, allowance.retryAfterSec)
      : conflict(allowance.blockedReason);
  }
  // Taking a day's quiz means working on that day, even for a learner who skipped straight to it.
  await markLessonOpened(actor, { lessonSlug: loaded.lessonSlug, day: loaded.day }, now);
  const seed = randomInt(0, 2 ** 31 - 1);
  const { drawCount, shuffleQuestions, shuffleOptions } = loaded.quiz.rules;
  const layout = drawLayout(loaded.quiz, seed, { drawCount, shuffleQuestions, shuffleOptions });
  // Grading nothing yields the layout's maximum with the same per-question rounding as a real grade.
  const { maxScore } = gradeAttempt(loaded.quiz, layout, {});
  const row = await createAttempt(actor, {
    startedAt: now,
    quizId,
    lessonSlug: loaded.lessonSlug,
    quizVersion: loaded.version,
    seed,
    layoutJson: JSON.stringify(layout),
    maxScore,
  });
  return { attempt: openView(loaded, row), created: true };
}

function openView(
  loaded: LoadedQuiz,
  row: { id: string; startedAt: Date; maxScore: number; layout: string },
): OpenAttemptView {
  return {
    id: row.id,
    quizId: loaded.quiz.id,
    quizTitle: loaded.quiz.title,
    day: loaded.day,
    status: "in_progress",
    startedAt: row.startedAt.toISOString(),
    maxScore: row.maxScore,
    questions: toPublicQuestions(loaded.quiz, parseLayout(row.layout)),
  };
}

type AttemptRow = Awaited<ReturnType<typeof getAttempt>>;
type StoredResponse = Pick<AttemptRow["responses"][number], "questionId" | "response" | "correct" | "points" | "maxPoints">;

function submittedView(
  loaded: LoadedQuiz,
  row: Omit<AttemptRow, "responses"> & { responses: StoredResponse[] },
): SubmittedAttemptView {
  const layout = parseLayout(row.layout);
  const responses: Record<string, QuestionResponse> = {};
  for (const r of row.responses) {
    const value = JSON.parse(r.response) as QuestionResponse | null;
    if (value) responses[r.questionId] = value;
  }
  const graded = row.responses.map((r) => ({
    questionId: r.questionId,
    correct: r.correct,
    points: r.points,
    maxPoints: r.maxPoints,
  }));
  const score = row.score ?? 0;
  const percent = attemptPercent({ score, maxScore: row.maxScore });
  return {
    id: row.id,
    quizId: row.quizId,
    quizTitle: loaded.quiz.title,
    day: loaded.day,
    status: "submitted",
    startedAt: row.startedAt.toISOString(),
    submittedAt: (row.submittedAt ?? row.startedAt).toISOString(),
    score,
    maxScore: row.maxScore,
    percent,
    passPercent: loaded.quiz.passPercent,
    passed: percent >= loaded.quiz.passPercent,
    questions: toReviewQuestions(loaded.quiz, layout, responses, graded),
  };
}

/** A submitted attempt's result and per-question review, from a stored row the caller has already been allowed to read. */
export function storedAttemptView(row: Omit<AttemptRow, "responses"> & { responses: StoredResponse[] }): SubmittedAttemptView {
  return submittedView(requireQuiz(row.quizId), row);
}

export async function getAttemptView(actor: Actor, attemptId: string): Promise<AttemptView> {
  const row = await getAttempt(actor, attemptId);
  const loaded = requireQuiz(row.quizId);
  return row.submittedAt ? submittedView(loaded, row) : openView(loaded, row);
}

/**
 * Grades and stores an attempt. Idempotent: submitting an attempt that is already graded (also by a concurrent
 * request that won the race) returns the stored result and ignores the new responses.
 */
export async function submitAttempt(
  actor: Actor,
  attemptId: string,
  input: SubmitAttemptInput,
  now = new Date(),
): Promise<SubmittedAttemptView> {
  const row = await getAttempt(actor, attemptId);
  const loaded = requireQuiz(row.quizId);
  if (!row.submittedAt) {
    const layout = parseLayout(row.layout);
    const problems = responseProblems(loaded.quiz, layout, input.responses);
    if (problems.length > 0) throw badRequest("Some responses do not fit this attempt's questions.", problems);
    const result = gradeAttempt(loaded.quiz, layout, input.responses);
    const responses = result.questions.map((g) => ({
      questionId: g.questionId,
      responseJson: JSON.stringify(input.responses[g.questionId] ?? null),
      correct: g.correct,
      points: g.points,
      maxPoints: g.maxPoints,
    }));
    const { won } = await finalizeAttempt(actor, attemptId, now, { score: result.score, responses });
    if (won) {
      await noteActivity(actor, "QUIZ_SUBMITTED", now);
      const missed = result.questions.filter((g) => g.points < g.maxPoints).map((g) => g.questionId);
      await addMissedQuestionsToReview(actor, loaded.quiz.id, missed, now);
      if (attemptPercent({ score: result.score, maxScore: row.maxScore }) >= loaded.quiz.passPercent) {
        await completeLesson(actor, { lessonSlug: loaded.lessonSlug, day: loaded.day }, "QUIZ", now);
        await noteActivity(actor, "LESSON_COMPLETED", now);
      }
      // This request stored the grade, so it already knows every row: no need to read them back.
      const stored = responses.map(({ responseJson, ...r }) => ({ ...r, response: responseJson }));
      return submittedView(loaded, { ...row, submittedAt: now, score: result.score, responses: stored });
    }
  }
  return submittedView(loaded, await getAttempt(actor, attemptId));
}
