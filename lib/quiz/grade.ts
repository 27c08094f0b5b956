import { questionResponseSchema, type QuestionResponse } from "../validation/quiz";
import { layoutQuestions, type QuizLayout } from "./layout";
import type { Question, Quiz } from "./schema";
import { SIM_CONFIG_SCENARIOS } from "./simulated";

/**
 * Grading. Rules (docs/quiz-grading.md has the full write-up):
 *   - single, true-false: all or nothing.
 *   - multiple: points × max(0, (correct selected − incorrect selected) / number of correct options); `correct` only
 *     for the exact set; a duplicated id counts once.
 *   - numeric: all or nothing; absolute tolerance accepts |x − answer| ≤ value, relative accepts
 *     |x − answer| ≤ value × |answer|; edges inclusive, with NUMERIC_EPSILON × max(1, |answer|, |x|) of slack so
 *     floating-point noise (0.4 − 0.3 = 0.10000000000000003) does not fail an answer that is exactly on the edge.
 *   - ordering: points × (pairs of items in the correct relative order / all pairs); the response must be a
 *     permutation of the item ids (else 0); `correct` only when fully right.
 *   - matching: points × (correctly matched pairs / number of pairs); each pair on its own; `correct` only when all are.
 * A missing response, one whose `type` differs from the question's, one that fails `questionResponseSchema`, or one
 * that names an id the question does not have scores 0 — grading never throws on learner input.
 * Points (earned and maximum) are rounded to 2 decimals per question; the score is the rounded sum of those.
 */

export interface GradedQuestion {
  questionId: string;
  correct: boolean;
  points: number;
  maxPoints: number;
}

export interface GradedAttempt {
  score: number;
  maxScore: number;
  /** 0–100, rounded to 2 decimals; 0 when maxScore is 0. */
  percent: number;
  questions: GradedQuestion[];
}

/** Relative slack for numeric comparisons (see the module comment). */
export const NUMERIC_EPSILON = 1e-9;

export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** Whether `value` is accepted for a numeric question (inclusive edges, with the epsilon slack). */
export function numericAccepts(question: Extract<Question, { type: "numeric" }>, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const { answer, tolerance } = question;
  const allowed = tolerance.kind === "absolute" ? tolerance.value : tolerance.value * Math.abs(answer);
  const slack = NUMERIC_EPSILON * Math.max(1, Math.abs(answer), Math.abs(value));
  return Math.abs(value - answer) <= allowed + slack;
}

/** The accepted interval [min, max] of a numeric question (without the epsilon slack), for display. */
export function numericRange(question: Extract<Question, { type: "numeric" }>): { min: number; max: number } {
  const { answer, tolerance } = question;
  const allowed = tolerance.kind === "absolute" ? tolerance.value : tolerance.value * Math.abs(answer);
  return { min: answer - allowed, max: answer + allowed };
}

/** Fraction of item pairs (i < j) that the response puts in the same relative order as `correct`. */
export function orderingFraction(correct: readonly string[], response: readonly string[]): number {
  const n = correct.length;
  if (n < 2) return 1;
  const pos = new Map(response.map((id, i) => [id, i]));
  let concordant = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if ((pos.get(correct[i] as string) ?? -1) < (pos.get(correct[j] as string) ?? -1)) concordant++;
    }
  }
  return concordant / ((n * (n - 1)) / 2);
}

function isPermutationOf(response: readonly string[], ids: readonly string[]): boolean {
  const want = new Set(ids);
  return (
    response.length === ids.length && new Set(response).size === response.length && response.every((id) => want.has(id))
  );
}

/** The fraction (0–1) of the question's points earned and whether it is fully correct. */
function judge(q: Question, r: QuestionResponse): { fraction: number; correct: boolean } {
  const none = { fraction: 0, correct: false };
  switch (q.type) {
    case "single": {
      if (r.type !== "single") return none;
      const ok = r.optionId === q.answer;
      return { fraction: ok ? 1 : 0, correct: ok };
    }
    case "true-false": {
      if (r.type !== "true-false") return none;
      const ok = r.value === q.answer;
      return { fraction: ok ? 1 : 0, correct: ok };
    }
    case "multiple": {
      if (r.type !== "multiple") return none;
      const options = new Set(q.options.map((o) => o.id));
      const chosen = new Set(r.optionIds);
      if (![...chosen].every((id) => options.has(id))) return none;
      const answers = new Set(q.answers);
      let right = 0;
      let wrong = 0;
      for (const id of chosen) {
        if (answers.has(id)) right++;
        else wrong++;
      }
      return {
        fraction: Math.max(0, (right - wrong) / answers.size),
        correct: wrong === 0 && right === answers.size,
      };
    }
    case "numeric": {
      if (r.type !== "numeric") return none;
      const ok = numericAccepts(q, r.value);
      return { fraction: ok ? 1 : 0, correct: ok };
    }
    case "ordering": {
      if (r.type !== "ordering") return none;
      const correctOrder = q.items.map((i) => i.id);
      if (!isPermutationOf(r.itemIds, correctOrder)) return none;
      const fraction = orderingFraction(correctOrder, r.itemIds);
      return { fraction, correct: correctOrder.every((id, i) => r.itemIds[i] === id) };
    }
    case "matching": {
      if (r.type !== "matching") return none;
      const pairIds = new Set(q.pairs.map((p) => p.id));
      const choiceIds = new Set(q.choices.map((c) => c.id));
      const entries = Object.entries(r.matches);
      if (!entries.every(([pair, choice]) => pairIds.has(pair) && (choice === null || choiceIds.has(choice)))) {
        return none;
      }
      const chosen = new Map(entries);
      const right = q.pairs.filter((p) => chosen.get(p.id) === p.match).length;
      return { fraction: right / q.pairs.length, correct: right === q.pairs.length };
    }
    case "sim-config": {
      if (r.type !== "sim-config") return none;
      const scenario = SIM_CONFIG_SCENARIOS[q.scenario];
      if (!scenario) return none;
      // The server grades a configuration by running the scenario with it, from the attempt's seed.
      const { fraction } = scenario.grade(q.seed, r.values);
      return { fraction, correct: fraction === 1 };
    }
  }
}

/** Grades one question. `response` may be anything (it is validated here); invalid input scores 0. */
export function gradeQuestion(question: Question, response: QuestionResponse | undefined): GradedQuestion {
  const maxPoints = round2(question.points);
  const parsed = response === undefined ? undefined : questionResponseSchema.safeParse(response);
  const { fraction, correct } =
    parsed?.success && parsed.data.type === question.type ? judge(question, parsed.data) : { fraction: 0, correct: false };
  const points = correct ? maxPoints : round2(Math.min(1, Math.max(0, fraction)) * maxPoints);
  return { questionId: question.id, correct, points, maxPoints };
}

/** Own-property lookup, so ids like "constructor" or "__proto__" never reach Object.prototype. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Grades the questions of the layout (in layout order; layout ids the quiz no longer has are skipped). Responses to
 * questions outside the layout are ignored.
 */
export function gradeAttempt(
  quiz: Quiz,
  layout: QuizLayout,
  responses: Record<string, QuestionResponse>,
): GradedAttempt {
  const safeResponses: Record<string, QuestionResponse> =
    responses !== null && typeof responses === "object" ? responses : {};
  const questions = layoutQuestions(quiz, layout).map(({ question }) =>
    gradeQuestion(question, own(safeResponses, question.id)),
  );
  const score = round2(questions.reduce((sum, q) => sum + q.points, 0));
  const maxScore = round2(questions.reduce((sum, q) => sum + q.maxPoints, 0));
  const percent = maxScore > 0 ? round2((score / maxScore) * 100) : 0;
  return { score, maxScore, percent, questions };
}

/**
 * Responses that cannot belong to this attempt: an id its layout does not have, or an answer of another question
 * type (a sim-numeric question is answered as a numeric one). Grading would score them 0, silently; a submit refuses
 * them instead, so a client bug or a stale form never locks in an attempt the learner did not mean to hand in.
 * Reads only the definitions, without running any question's simulation.
 */
export function responseProblems(
  quiz: Quiz,
  layout: QuizLayout,
  responses: Record<string, QuestionResponse>,
): { path: string; message: string }[] {
  const definitions = new Map(quiz.questions.map((q) => [q.id, q]));
  const types = new Map<string, Question["type"]>();
  for (const { id } of layout.questions) {
    const type = definitions.get(id)?.type;
    if (type !== undefined) types.set(id, type === "sim-numeric" ? "numeric" : type);
  }
  const problems: { path: string; message: string }[] = [];
  for (const [id, response] of Object.entries(responses)) {
    const type = types.get(id);
    if (type === undefined) problems.push({ path: `responses.${id}`, message: "This attempt has no question with that id." });
    else if (response.type !== type) {
      problems.push({ path: `responses.${id}`, message: `The question is of type "${type}", not "${response.type}".` });
    }
  }
  return problems;
}
