import { z } from "zod";
import { createStream, hashString } from "../sim/random";
import { instantiate } from "./instantiate";
import type { Question, QuestionDefinition, Quiz } from "./schema";

/**
 * The per-attempt presentation of a quiz: which questions, in which order, and the display order of each question's
 * options / ordering items / matching choices. Drawn once when the attempt starts and stored as JSON on the attempt,
 * so the learner sees the same layout after a reload and the review shows what they saw.
 *
 * Seeding: every draw comes from a named stream of the seed (lib/sim/random.ts), never Math.random:
 *   - `quiz:<quizId>:questions` shuffles the question pool; the first `drawCount` questions are drawn, in that order.
 *     A larger drawCount therefore extends a smaller one (drawing 5 of 20 and 6 of 20 share their first 5).
 *   - `quiz:<quizId>:q:<questionId>` shuffles that question's options / items / choices. Streams are per question, so
 *     a question's option order does not depend on which other questions were drawn or on its position.
 *     Simulator questions draw their own seed from it, which fixes their numbers for the attempt.
 */

export interface QuestionLayout {
  id: string;
  /** single / multiple: option ids in display order. */
  optionOrder?: string[];
  /** ordering: item ids in their initial display order (never the correct order). */
  itemOrder?: string[];
  /** matching: choice ids in display order. */
  choiceOrder?: string[];
  /** sim-numeric / sim-config: the seed of the question's simulator run. */
  seed?: number;
}

export interface QuizLayout {
  questions: QuestionLayout[];
}

export interface DrawLayoutOptions {
  /**
   * How many questions to draw from the quiz (a pool of M questions → N per attempt). Defaults to all of them;
   * values above the pool size are clamped. Must be a positive integer.
   */
  drawCount?: number;
  /** Shuffle the order of the questions (default true). A pool draw without shuffling keeps definition order. */
  shuffleQuestions?: boolean;
  /** Shuffle options and matching choices (default true). Ordering items are always shuffled: unshuffled is solved. */
  shuffleOptions?: boolean;
}

const ids = z.array(z.string().min(1).max(100)).max(50);

/** Parses a stored layout back (e.g. `quizLayoutSchema.parse(JSON.parse(attempt.layout))`). */
export const quizLayoutSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string().min(1).max(100),
      optionOrder: ids.optional(),
      itemOrder: ids.optional(),
      choiceOrder: ids.optional(),
      seed: z.number().int().min(0).max(4294967295).optional(),
    }),
  ),
});

/** A 32-bit seed from a number (used as is) or a string (hashed with FNV-1a). */
function toSeed(seed: number | string): number {
  return typeof seed === "string" ? hashString(seed) : seed >>> 0;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A shuffle of `correct` that is never `correct` itself (when it has ≥ 2 items): rejection sampling, which keeps every
 * other permutation equally likely. A reshuffle is needed with probability 1/n!, so the cap is never reached in
 * practice; past it, the correct order rotated by one is used (still deterministic, still not solved).
 */
function unsolvedShuffle(correct: readonly string[], shuffle: (xs: readonly string[]) => string[]): string[] {
  if (correct.length < 2) return correct.slice();
  for (let attempt = 0; attempt < 32; attempt++) {
    const order = shuffle(correct);
    if (!sameOrder(order, correct)) return order;
  }
  return [...correct.slice(1), correct[0] as string];
}

function layoutQuestion(question: QuestionDefinition, quizId: string, seed: number, shuffleOptions: boolean): QuestionLayout {
  const rng = createStream(seed, `quiz:${quizId}:q:${question.id}`);
  const shuffle = (xs: readonly string[]) => rng.shuffle(xs);
  const maybeShuffle = (xs: readonly string[]) => (shuffleOptions ? shuffle(xs) : xs.slice());
  switch (question.type) {
    case "single":
    case "multiple":
      return { id: question.id, optionOrder: maybeShuffle(question.options.map((o) => o.id)) };
    case "ordering":
      return { id: question.id, itemOrder: unsolvedShuffle(question.items.map((i) => i.id), shuffle) };
    case "matching":
      return { id: question.id, choiceOrder: maybeShuffle(question.choices.map((c) => c.id)) };
    case "true-false":
    case "numeric":
      return { id: question.id };
    case "sim-numeric":
    case "sim-config":
      return { id: question.id, seed: rng.int(4294967296) };
  }
}

/** Draws the layout of one attempt; the same quiz and seed always give the same layout. */
export function drawLayout(quiz: Quiz, seed: number | string, options: DrawLayoutOptions = {}): QuizLayout {
  const s = toSeed(seed);
  const pool = quiz.questions;
  const { drawCount } = options;
  if (drawCount !== undefined && (!Number.isInteger(drawCount) || drawCount < 1)) {
    throw new RangeError(`drawCount must be a positive integer, got ${drawCount}`);
  }
  const count = Math.min(drawCount ?? pool.length, pool.length);
  const drawn = createStream(s, `quiz:${quiz.id}:questions`).shuffle(pool).slice(0, count);
  if (options.shuffleQuestions === false) drawn.sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
  return { questions: drawn.map((q) => layoutQuestion(q, quiz.id, s, options.shuffleOptions !== false)) };
}

/** `items` in the order of `order` (by id); ids missing from `order` follow in definition order, unknown ids are ignored. */
export function applyOrder<T extends { id: string }>(items: readonly T[], order: readonly string[] | undefined): T[] {
  if (!order) return items.slice();
  const byId = new Map(items.map((item) => [item.id, item]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const item = byId.get(id);
    if (item && !seen.has(id)) {
      out.push(item);
      seen.add(id);
    }
  }
  for (const item of items) if (!seen.has(item.id)) out.push(item);
  return out;
}

function isPermutation(order: readonly string[] | undefined, idsOf: readonly string[]): boolean {
  if (!order) return false;
  const want = new Set(idsOf);
  return order.length === idsOf.length && new Set(order).size === order.length && order.every((id) => want.has(id));
}

/**
 * Whether a stored layout still fits the quiz definition (every question exists and every order is a permutation of
 * the current ids). False after an incompatible content edit; the caller decides what to do (e.g. draw a new layout
 * for an unfinished attempt). Compare `quizVersion` for any change at all.
 */
export function layoutMatchesQuiz(quiz: Quiz, layout: QuizLayout): boolean {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  if (new Set(layout.questions.map((l) => l.id)).size !== layout.questions.length) return false;
  return layout.questions.every((l) => {
    const q = byId.get(l.id);
    if (!q) return false;
    switch (q.type) {
      case "single":
      case "multiple":
        return isPermutation(l.optionOrder, q.options.map((o) => o.id));
      case "ordering":
        return isPermutation(l.itemOrder, q.items.map((i) => i.id));
      case "matching":
        return isPermutation(l.choiceOrder, q.choices.map((c) => c.id));
      case "true-false":
      case "numeric":
        return true;
      case "sim-numeric":
      case "sim-config":
        return l.seed !== undefined;
    }
  });
}

/**
 * The layout's questions that exist in the quiz, in layout order (unknown ids are skipped), as the attempt shows
 * them: simulator questions are instantiated with their layout seed.
 */
export function layoutQuestions(quiz: Quiz, layout: QuizLayout): Array<{ question: Question; layout: QuestionLayout }> {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const out: Array<{ question: Question; layout: QuestionLayout }> = [];
  for (const l of layout.questions) {
    const definition = byId.get(l.id);
    if (definition) out.push({ question: instantiate(definition, l.seed ?? 0), layout: l });
  }
  return out;
}
