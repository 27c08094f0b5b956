import type { QuestionResponse } from "../validation/quiz";
import { gradeQuestion, numericRange, type GradedAttempt, type GradedQuestion } from "./grade";
import { applyOrder, layoutQuestions, type QuizLayout } from "./layout";
import type { Question, Quiz } from "./schema";
import { SIM_CONFIG_SCENARIOS } from "./simulated";

/**
 * What the result page shows per question, after submission: the learner's response next to the correct answer, the
 * points, and every explanation. Plain JSON-serialisable data (no undefined: absent values are null).
 */

export type ReviewStatus = "correct" | "partial" | "incorrect";

interface ReviewBase {
  id: string;
  /** 1-based position in the attempt. */
  number: number;
  prompt: string;
  points: number;
  maxPoints: number;
  correct: boolean;
  /** correct: full points; partial: some points; incorrect: none. */
  status: ReviewStatus;
  /** Whether a response of the question's type was submitted. */
  answered: boolean;
  /** The learner's response as one readable line ("No answer" when there is none). */
  responseText: string;
  /** The correct answer as one readable line. */
  correctAnswerText: string;
  /** Why the right answer is right. */
  explanation: string;
}

export interface ReviewOption {
  id: string;
  text: string;
  /** Part of the correct answer. */
  correct: boolean;
  /** Chosen by the learner. */
  chosen: boolean;
  explanation: string;
}

export interface ReviewItem {
  id: string;
  text: string;
}

export interface ReviewOrderedItem extends ReviewItem {
  /** Whether the learner put this item at its correct position. */
  inPlace: boolean;
}

export interface ReviewPair {
  id: string;
  text: string;
  chosen: ReviewItem | null;
  correctChoice: ReviewItem;
  correct: boolean;
}

export type ReviewQuestion =
  | (ReviewBase & { type: "single"; options: ReviewOption[] })
  | (ReviewBase & { type: "multiple"; options: ReviewOption[] })
  | (ReviewBase & {
      type: "true-false";
      answer: boolean;
      chosen: boolean | null;
      /** "True" and "False", each with its explanation. */
      options: ReviewOption[];
    })
  | (ReviewBase & {
      type: "numeric";
      answer: number;
      given: number | null;
      unit: string | null;
      tolerance: { kind: "absolute" | "relative"; value: number };
      acceptedMin: number;
      acceptedMax: number;
    })
  | (ReviewBase & { type: "ordering"; correctOrder: ReviewItem[]; learnerOrder: ReviewOrderedItem[] | null })
  | (ReviewBase & { type: "matching"; pairs: ReviewPair[] })
  | (ReviewBase & {
      type: "sim-config";
      /** The learner's choices, by field label. */
      chosen: { label: string; value: string }[];
      /** What the server's run of the learner's configuration showed. */
      outcome: string;
      /** A configuration that earns full marks, and why. */
      best: string;
    });

const NO_ANSWER = "No answer";

/** Drops floating-point noise for display (0.30000000000000004 → 0.3). */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function withUnit(x: number, unit: string | undefined): string {
  return unit ? `${formatNumber(x)} ${unit}` : formatNumber(x);
}

function statusOf(g: GradedQuestion): ReviewStatus {
  if (g.correct) return "correct";
  return g.points > 0 ? "partial" : "incorrect";
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function list(texts: string[]): string {
  return texts.length > 0 ? texts.join("; ") : NO_ANSWER;
}

function reviewOne(
  q: Question,
  optionOrder: string[] | undefined,
  response: QuestionResponse | undefined,
  g: GradedQuestion,
  number: number,
): ReviewQuestion {
  const base = {
    id: q.id,
    number,
    prompt: q.prompt,
    points: g.points,
    maxPoints: g.maxPoints,
    correct: g.correct,
    status: statusOf(g),
    explanation: q.explanation,
  };
  const r = response && typeof response === "object" && response.type === q.type ? response : undefined;
  switch (q.type) {
    case "single":
    case "multiple": {
      const chosenIds = new Set<string>(
        r?.type === "single" ? [r.optionId] : r?.type === "multiple" && Array.isArray(r.optionIds) ? r.optionIds : [],
      );
      const answerIds = new Set(q.type === "single" ? [q.answer] : q.answers);
      const options = applyOrder(q.options, optionOrder).map((o) => ({
        id: o.id,
        text: o.text,
        correct: answerIds.has(o.id),
        chosen: chosenIds.has(o.id),
        explanation: o.explanation,
      }));
      const known = new Set(q.options.map((o) => o.id));
      const unknown = [...chosenIds].filter((id) => !known.has(id)).length;
      const chosenTexts = options.filter((o) => o.chosen).map((o) => o.text);
      if (unknown > 0) chosenTexts.push(unknown === 1 ? "(an unknown option)" : `(${unknown} unknown options)`);
      return {
        ...base,
        type: q.type,
        answered: r !== undefined,
        responseText: list(chosenTexts),
        correctAnswerText: list(options.filter((o) => o.correct).map((o) => o.text)),
        options,
      };
    }
    case "true-false": {
      const chosen = r?.type === "true-false" && typeof r.value === "boolean" ? r.value : null;
      const label = (v: boolean) => (v ? "True" : "False");
      return {
        ...base,
        type: "true-false",
        answered: chosen !== null,
        responseText: chosen === null ? NO_ANSWER : label(chosen),
        correctAnswerText: label(q.answer),
        answer: q.answer,
        chosen,
        options: [true, false].map((v) => ({
          id: String(v),
          text: label(v),
          correct: v === q.answer,
          chosen: chosen === v,
          explanation: v ? q.explanations.true : q.explanations.false,
        })),
      };
    }
    case "numeric": {
      const given = r?.type === "numeric" && typeof r.value === "number" && Number.isFinite(r.value) ? r.value : null;
      const { min, max } = numericRange(q);
      const tol =
        q.tolerance.value === 0
          ? "exact"
          : q.tolerance.kind === "absolute"
            ? `± ${withUnit(q.tolerance.value, q.unit)}`
            : `± ${formatNumber(q.tolerance.value * 100)} %`;
      return {
        ...base,
        type: "numeric",
        answered: given !== null,
        responseText: given === null ? NO_ANSWER : withUnit(given, q.unit),
        correctAnswerText:
          q.tolerance.value === 0 || min === max
            ? withUnit(q.answer, q.unit)
            : `${withUnit(q.answer, q.unit)} (${tol}: ${formatNumber(min)} to ${withUnit(max, q.unit)} accepted)`,
        answer: q.answer,
        given,
        unit: q.unit ?? null,
        tolerance: { kind: q.tolerance.kind, value: q.tolerance.value },
        acceptedMin: min,
        acceptedMax: max,
      };
    }
    case "ordering": {
      const correctOrder = q.items.map((i) => ({ id: i.id, text: i.text }));
      const byId = new Map(q.items.map((i) => [i.id, i]));
      const ids = r?.type === "ordering" && Array.isArray(r.itemIds) ? r.itemIds : null;
      const learnerOrder = ids
        ? ids.map((id, i) => ({
            id,
            text: byId.get(id)?.text ?? "(unknown item)",
            inPlace: q.items[i]?.id === id,
          }))
        : null;
      const numbered = (items: ReviewItem[]) => items.map((item, i) => `${i + 1}. ${item.text}`).join(" → ");
      return {
        ...base,
        type: "ordering",
        answered: learnerOrder !== null,
        responseText: learnerOrder && learnerOrder.length > 0 ? numbered(learnerOrder) : NO_ANSWER,
        correctAnswerText: numbered(correctOrder),
        correctOrder,
        learnerOrder,
      };
    }
    case "matching": {
      const choices = new Map(q.choices.map((c) => [c.id, { id: c.id, text: c.text }]));
      const matches = r?.type === "matching" && r.matches && typeof r.matches === "object" ? r.matches : {};
      const pairs = q.pairs.map((p) => {
        const chosenId = own(matches, p.id) ?? null;
        const chosen =
          chosenId === null ? null : (choices.get(chosenId) ?? { id: chosenId, text: "(unknown choice)" });
        const correctChoice = choices.get(p.match) ?? { id: p.match, text: p.match };
        return { id: p.id, text: p.text, chosen, correctChoice, correct: chosenId === p.match };
      });
      const answered = pairs.some((p) => p.chosen !== null);
      return {
        ...base,
        type: "matching",
        answered,
        responseText: answered
          ? pairs.map((p) => `${p.text} → ${p.chosen?.text ?? "(none)"}`).join("; ")
          : NO_ANSWER,
        correctAnswerText: pairs.map((p) => `${p.text} → ${p.correctChoice.text}`).join("; "),
        pairs,
      };
    }
    case "sim-config": {
      const scenario = SIM_CONFIG_SCENARIOS[q.scenario];
      const fields = scenario?.fields(q.seed) ?? [];
      const values = r?.type === "sim-config" && r.values && typeof r.values === "object" ? r.values : {};
      const chosen = fields.map((f) => {
        const value = own(values, f.name);
        return { label: f.label, value: f.options.find((o) => o.value === value)?.label ?? "(none)" };
      });
      const answered = fields.some((f) => own(values, f.name) !== undefined);
      const best = scenario?.bestAnswer(q.seed);
      const bestText = best
        ? fields.map((f) => `${f.label}: ${f.options.find((o) => o.value === best.values[f.name])?.label ?? "?"}`).join("; ")
        : "";
      return {
        ...base,
        type: "sim-config",
        answered,
        responseText: answered ? chosen.map((c) => `${c.label}: ${c.value}`).join("; ") : NO_ANSWER,
        correctAnswerText: bestText,
        chosen,
        outcome: answered && scenario ? scenario.grade(q.seed, values as Record<string, string>).summary : "Not answered.",
        best: best?.summary ?? "",
      };
    }
  }
}

/**
 * The review of an attempt, in layout order (what the learner saw). `graded` is the stored result of `gradeAttempt`
 * (or its `questions`); a question it lacks is graded afresh.
 */
export function toReviewQuestions(
  quiz: Quiz,
  layout: QuizLayout,
  responses: Record<string, QuestionResponse>,
  graded: GradedAttempt | readonly GradedQuestion[],
): ReviewQuestion[] {
  const gradedList = Array.isArray(graded) ? graded : (graded as GradedAttempt).questions;
  const gradedById = new Map(gradedList.map((g) => [g.questionId, g]));
  const safeResponses = responses !== null && typeof responses === "object" ? responses : {};
  return layoutQuestions(quiz, layout).map(({ question, layout: l }, i) => {
    const response = own(safeResponses, question.id);
    const g = gradedById.get(question.id) ?? gradeQuestion(question, response);
    return reviewOne(question, l.optionOrder, response, g, i + 1);
  });
}
