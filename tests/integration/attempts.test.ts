import { beforeAll, describe, expect, it } from "vitest";
import { getQuizById } from "@/lib/content/quizzes";
import type { Actor } from "@/lib/db/actor";
import { prisma } from "@/lib/db/client";
import { getLessonProgress } from "@/lib/db/progress";
import { AppError } from "@/lib/errors";
import type { Question } from "@/lib/quiz/schema";
import { getAttemptView, startAttempt, submitAttempt } from "@/lib/services/attempts";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { newLearner } from "../support/learners";
import { perfectResponses } from "../support/quiz-answers";


// Day 1 has every question type and no pool, so every type is graded in every attempt.
const QUIZ = "day-01";
const loaded = getQuizById(QUIZ);
if (!loaded) throw new Error("day-01 quiz missing");
const quiz = loaded.quiz;
const byType = (type: Question["type"]) => {
  const q = quiz.questions.find((x) => x.type === type);
  if (!q) throw new Error(`day-02 has no ${type} question`);
  return q;
};

async function expectAppError(promise: Promise<unknown>, status: number) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.status === status);
}

describe("quiz attempts against the database", () => {
  let learner: Actor;
  beforeAll(async () => {
    learner = await newLearner();
  });

  it("day 1 uses all six question types and a simulator question", () => {
    expect(new Set(quiz.questions.map((q) => q.type))).toEqual(
      new Set(["single", "multiple", "true-false", "numeric", "ordering", "matching", "sim-numeric"]),
    );
  });

  it("starts an attempt without keys and resumes it instead of reshuffling", async () => {
    const first = await startAttempt(learner, QUIZ);
    expect(first.created).toBe(true);
    const json = JSON.stringify(first.attempt);
    expect(json).not.toMatch(/"(answer|answers|match|explanation|explanations|tolerance)":/);
    const again = await startAttempt(learner, QUIZ);
    expect(again.created).toBe(false);
    expect(again.attempt.id).toBe(first.attempt.id);
    expect(again.attempt.questions).toEqual(first.attempt.questions);
  });

  it("grades a perfect submission at 100 % and completes the lesson", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const responses = await perfectResponses(attempt.id);
    const result = await submitAttempt(actor, attempt.id, { responses });
    expect(result.percent).toBe(100);
    expect(result.passed).toBe(true);
    expect(result.questions.every((q) => q.status === "correct")).toBe(true);
    expect((await getLessonProgress(actor, QUIZ))?.status).toBe("COMPLETED");
  });

  it("grades each type with its partial-credit rule", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const single = byType("single");
    const multiple = byType("multiple");
    const tf = byType("true-false");
    const numeric = byType("numeric");
    const ordering = byType("ordering");
    const matching = byType("matching");
    if (single.type !== "single" || multiple.type !== "multiple" || tf.type !== "true-false") throw new Error();
    if (numeric.type !== "numeric" || ordering.type !== "ordering" || matching.type !== "matching") throw new Error();

    const wrongOption = single.options.find((o) => o.id !== single.answer)?.id ?? "";
    const oneRight = multiple.answers[0] ?? "";
    const oneWrong = multiple.options.find((o) => !multiple.answers.includes(o.id))?.id ?? "";
    const allowed = numeric.tolerance.kind === "absolute" ? numeric.tolerance.value : numeric.tolerance.value * Math.abs(numeric.answer);
    const items = ordering.items.map((i) => i.id);
    const swapped = [items[1], items[0], ...items.slice(2)] as string[];
    const [firstPair, ...otherPairs] = matching.pairs;
    const wrongChoice = matching.choices.find((c) => c.id !== firstPair?.match)?.id ?? null;

    const responses: Record<string, QuestionResponse> = {
      [single.id]: { type: "single", optionId: wrongOption },
      [multiple.id]: { type: "multiple", optionIds: [oneRight, oneWrong] },
      [tf.id]: { type: "true-false", value: !tf.answer },
      [numeric.id]: { type: "numeric", value: numeric.answer + allowed },
      [ordering.id]: { type: "ordering", itemIds: swapped },
      [matching.id]: {
        type: "matching",
        matches: { [firstPair?.id ?? ""]: wrongChoice, ...Object.fromEntries(otherPairs.map((p) => [p.id, p.match])) },
      },
    };
    const result = await submitAttempt(actor, attempt.id, { responses });
    const points = (id: string) => result.questions.find((q) => q.id === id);
    expect(points(single.id)?.points).toBe(0);
    expect(points(tf.id)?.points).toBe(0);
    // (1 right − 1 wrong) / answers = 0 → no credit for guessing both ways.
    expect(points(multiple.id)?.points).toBe(0);
    // Exactly on the tolerance edge is accepted.
    expect(points(numeric.id)?.points).toBe(numeric.points);
    // One swapped adjacent pair out of n(n−1)/2 pairs.
    const pairs = (items.length * (items.length - 1)) / 2;
    expect(points(ordering.id)?.points).toBeCloseTo(Math.round(ordering.points * ((pairs - 1) / pairs) * 100) / 100, 2);
    expect(points(ordering.id)?.status).toBe("partial");
    expect(points(matching.id)?.points).toBeCloseTo(
      Math.round(matching.points * (otherPairs.length / matching.pairs.length) * 100) / 100,
      2,
    );
    // Unanswered questions score zero.
    const answered = new Set(Object.keys(responses));
    for (const q of result.questions.filter((x) => !answered.has(x.id))) expect(q.points).toBe(0);
  });

  it("rejects a numeric answer just beyond the tolerance", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const numeric = byType("numeric");
    if (numeric.type !== "numeric") throw new Error();
    const allowed = numeric.tolerance.kind === "absolute" ? numeric.tolerance.value : numeric.tolerance.value * Math.abs(numeric.answer);
    const beyond = numeric.answer + allowed + Math.max(1e-6, allowed * 0.01);
    const result = await submitAttempt(actor, attempt.id, {
      responses: { [numeric.id]: { type: "numeric", value: beyond } },
    });
    expect(result.questions.find((q) => q.id === numeric.id)?.points).toBe(0);
  });

  it("is idempotent: a second submit returns the first result and ignores new answers", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const first = await submitAttempt(actor, attempt.id, { responses: {} });
    const perfect = await perfectResponses(attempt.id);
    const second = await submitAttempt(actor, attempt.id, { responses: perfect });
    expect(second).toEqual(first);
    expect(second.score).toBe(0);
  });

  it("stays idempotent under two concurrent submits", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const perfect = await perfectResponses(attempt.id);
    const [a, b] = await Promise.all([
      submitAttempt(actor, attempt.id, { responses: perfect }),
      submitAttempt(actor, attempt.id, { responses: {} }),
    ]);
    expect(a).toEqual(b);
    const rows = await prisma.quizResponse.count({ where: { attemptId: attempt.id } });
    expect(rows).toBe(quiz.questions.length);
  });

  it("refuses (400) responses to questions the attempt lacks or of the wrong type, and leaves the attempt open", async () => {
    const actor = await newLearner();
    const { attempt } = await startAttempt(actor, QUIZ);
    const single = byType("single");
    const simNumeric = quiz.questions.find((q) => q.type === "sim-numeric");
    if (!simNumeric) throw new Error("day-01 has no sim-numeric question");
    const bad: Record<string, QuestionResponse> = {
      "not-a-question": { type: "single", optionId: "a" },
      [single.id]: { type: "multiple", optionIds: ["a"] },
    };
    await expect(submitAttempt(actor, attempt.id, { responses: bad })).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof AppError &&
        e.status === 400 &&
        JSON.stringify(e.details) ===
          JSON.stringify([
            { path: "responses.not-a-question", message: "This attempt has no question with that id." },
            { path: `responses.${single.id}`, message: 'The question is of type "single", not "multiple".' },
          ]),
    );
    expect((await getAttemptView(actor, attempt.id)).status).toBe("in_progress");
    // A simulator question is answered with a number, like a numeric one.
    const graded = await submitAttempt(actor, attempt.id, { responses: { [simNumeric.id]: { type: "numeric", value: 1 } } });
    expect(graded.status).toBe("submitted");
  });

  it("refuses other learners (403) and unknown attempts (404)", async () => {
    const owner = await newLearner();
    const other = await newLearner();
    const { attempt } = await startAttempt(owner, QUIZ);
    await expectAppError(getAttemptView(other, attempt.id), 403);
    await expectAppError(submitAttempt(other, attempt.id, { responses: {} }), 403);
    await expectAppError(getAttemptView(owner, "cl000000000000000000000000"), 404);
    await expectAppError(startAttempt(owner, "day-31"), 404);
  });
});
