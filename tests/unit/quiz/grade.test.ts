import { describe, expect, it } from "vitest";
import { gradeAttempt, gradeQuestion, orderingFraction } from "@/lib/quiz/grade";
import { drawLayout } from "@/lib/quiz/layout";
import type { Question } from "@/lib/quiz/schema";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { perfectResponse, question, sampleQuestions, sampleQuiz } from "./fixtures";

const single = question(sampleQuiz, "single");
const multiple = question(sampleQuiz, "multiple");
const tf = question(sampleQuiz, "true-false");
const numeric = question(sampleQuiz, "numeric");
const ordering = question(sampleQuiz, "ordering");
const matching = question(sampleQuiz, "matching");

function numericQ(answer: number, kind: "absolute" | "relative", value: number): Extract<Question, { type: "numeric" }> {
  return {
    id: "n",
    type: "numeric",
    prompt: "p",
    points: 1,
    explanation: "e",
    concepts: ["cost"],
    answer,
    tolerance: { kind, value },
  };
}
const accepts = (q: Question, value: number) => gradeQuestion(q, { type: "numeric", value }).correct;

describe("single and true-false: all or nothing", () => {
  it("grades single", () => {
    expect(gradeQuestion(single, { type: "single", optionId: "iaas" })).toEqual({
      questionId: "q-single",
      correct: true,
      points: 1,
      maxPoints: 1,
    });
    expect(gradeQuestion(single, { type: "single", optionId: "paas" })).toMatchObject({ correct: false, points: 0 });
  });
  it("grades true-false", () => {
    expect(gradeQuestion(tf, { type: "true-false", value: true })).toMatchObject({ correct: true, points: 1 });
    expect(gradeQuestion(tf, { type: "true-false", value: false })).toMatchObject({ correct: false, points: 0 });
  });
});

describe("multiple: (correct − incorrect) / correct options, floored at 0", () => {
  const grade = (optionIds: string[]) => gradeQuestion(multiple, { type: "multiple", optionIds });
  it("exact set is correct and earns full points", () => {
    expect(grade(["pay-use", "scale-out", "scale-in"])).toMatchObject({ correct: true, points: 2, maxPoints: 2 });
  });
  it("gives partial credit", () => {
    expect(grade(["scale-out", "scale-in"])).toMatchObject({ correct: false, points: 1.33 }); // 2 × 2/3
    expect(grade(["scale-out"])).toMatchObject({ correct: false, points: 0.67 }); // 2 × 1/3
    expect(grade(["scale-out", "scale-in", "pay-use", "free"])).toMatchObject({ correct: false, points: 1.33 });
    expect(grade(["scale-out", "scale-in", "free"])).toMatchObject({ correct: false, points: 0.67 });
  });
  it("floors at 0", () => {
    expect(grade(["scale-out", "free", "no-limits"])).toMatchObject({ correct: false, points: 0 });
    expect(grade(["free"])).toMatchObject({ points: 0 });
    expect(grade([])).toMatchObject({ correct: false, points: 0 });
  });
  it("counts duplicated ids once", () => {
    expect(grade(["scale-out", "scale-out", "scale-out"])).toMatchObject({ points: 0.67, correct: false });
    expect(grade(["scale-out", "scale-in", "pay-use", "pay-use"])).toMatchObject({ points: 2, correct: true });
    expect(grade(["scale-out", "scale-in", "pay-use", "free", "free"])).toMatchObject({ points: 1.33 });
  });
  it("scores 0 when an id is unknown", () => {
    expect(grade(["scale-out", "scale-in", "pay-use", "bogus"])).toMatchObject({ correct: false, points: 0 });
  });
});

describe("numeric tolerance", () => {
  it("grades the fixture (100 ± 5 ms)", () => {
    expect(gradeQuestion(numeric, { type: "numeric", value: 103 })).toMatchObject({ correct: true, points: 1.5 });
    expect(gradeQuestion(numeric, { type: "numeric", value: 106 })).toMatchObject({ correct: false, points: 0 });
  });
  it("absolute: edges inclusive, just beyond fails", () => {
    const q = numericQ(100, "absolute", 5);
    expect(accepts(q, 105)).toBe(true);
    expect(accepts(q, 95)).toBe(true);
    expect(accepts(q, 105.0001)).toBe(false);
    expect(accepts(q, 94.9999)).toBe(false);
  });
  it("absolute: floating-point edges pass (0.3 ± 0.1 accepts 0.4 and 0.2)", () => {
    const q = numericQ(0.3, "absolute", 0.1);
    expect(Math.abs(0.4 - 0.3) > 0.1).toBe(true); // the fuzz being guarded against
    expect(accepts(q, 0.4)).toBe(true);
    expect(accepts(q, 0.2)).toBe(true);
    expect(accepts(q, 0.4000001)).toBe(false);
    expect(accepts(q, 0.1999999)).toBe(false);
  });
  it("absolute: negative answers", () => {
    const q = numericQ(-5, "absolute", 0.5);
    expect(accepts(q, -5.5)).toBe(true);
    expect(accepts(q, -4.5)).toBe(true);
    expect(accepts(q, -5.5001)).toBe(false);
    expect(accepts(q, -4.4999)).toBe(false);
    expect(accepts(q, 5)).toBe(false);
  });
  it("absolute: zero tolerance is exact", () => {
    const q = numericQ(42, "absolute", 0);
    expect(accepts(q, 42)).toBe(true);
    expect(accepts(q, 42.001)).toBe(false);
  });
  it("relative: edges inclusive, just beyond fails", () => {
    const q = numericQ(200, "relative", 0.05);
    expect(accepts(q, 210)).toBe(true);
    expect(accepts(q, 190)).toBe(true);
    expect(accepts(q, 210.001)).toBe(false);
    expect(accepts(q, 189.999)).toBe(false);
  });
  it("relative: floating-point edges pass (0.7 ± 10 %)", () => {
    const q = numericQ(0.7, "relative", 0.1);
    expect(accepts(q, 0.77)).toBe(true);
    expect(accepts(q, 0.63)).toBe(true);
    expect(accepts(q, 0.7700001)).toBe(false);
    expect(accepts(q, 0.6299999)).toBe(false);
  });
  it("relative: negative answers use |answer|", () => {
    const q = numericQ(-200, "relative", 0.05);
    expect(accepts(q, -210)).toBe(true);
    expect(accepts(q, -190)).toBe(true);
    expect(accepts(q, -210.001)).toBe(false);
    expect(accepts(q, -189.999)).toBe(false);
    expect(accepts(q, 200)).toBe(false);
  });
  it("relative: answer 0 accepts only 0 (within the epsilon)", () => {
    const q = numericQ(0, "relative", 0.5);
    expect(accepts(q, 0)).toBe(true);
    expect(accepts(q, -0)).toBe(true);
    expect(accepts(q, 1e-12)).toBe(true); // inside the 1e-9 slack
    expect(accepts(q, 1e-6)).toBe(false);
    expect(accepts(q, -1e-6)).toBe(false);
  });
  it("rejects non-finite values without throwing", () => {
    const q = numericQ(1, "absolute", 1);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(gradeQuestion(q, { type: "numeric", value })).toMatchObject({ correct: false, points: 0 });
    }
  });
});

describe("ordering: fraction of correctly ordered pairs", () => {
  const grade = (itemIds: string[]) => gradeQuestion(ordering, { type: "ordering", itemIds });
  it("fully right is correct", () => {
    expect(grade(["vpc", "subnet", "vm", "dns"])).toMatchObject({ correct: true, points: 3 });
  });
  it("gives partial credit by concordant pairs", () => {
    // One adjacent swap: 5 of 6 pairs in order.
    expect(grade(["subnet", "vpc", "vm", "dns"])).toMatchObject({ correct: false, points: 2.5 });
    // First moved to last: 3 of 6 pairs.
    expect(grade(["subnet", "vm", "dns", "vpc"])).toMatchObject({ correct: false, points: 1.5 });
    // Reversed: 0 of 6.
    expect(grade(["dns", "vm", "subnet", "vpc"])).toMatchObject({ correct: false, points: 0 });
  });
  it("requires a permutation of the item ids", () => {
    expect(grade(["vpc", "subnet", "vm"])).toMatchObject({ points: 0, correct: false });
    expect(grade(["vpc", "subnet", "vm", "dns", "dns"])).toMatchObject({ points: 0 });
    expect(grade(["vpc", "vpc", "vm", "dns"])).toMatchObject({ points: 0 });
    expect(grade(["vpc", "subnet", "vm", "bogus"])).toMatchObject({ points: 0 });
    expect(grade([])).toMatchObject({ points: 0 });
  });
  it("orderingFraction counts pairs", () => {
    expect(orderingFraction(["a", "b", "c"], ["a", "b", "c"])).toBe(1);
    expect(orderingFraction(["a", "b", "c"], ["c", "b", "a"])).toBe(0);
    expect(orderingFraction(["a", "b", "c"], ["b", "a", "c"])).toBeCloseTo(2 / 3);
  });
});

describe("matching: each pair on its own", () => {
  const grade = (matches: Record<string, string | null>) => gradeQuestion(matching, { type: "matching", matches });
  it("all right is correct", () => {
    expect(grade({ s3: "storage", ec2: "compute", rds: "database" })).toMatchObject({ correct: true, points: 2 });
  });
  it("gives partial credit per pair", () => {
    expect(grade({ s3: "storage", ec2: "compute", rds: "network" })).toMatchObject({ correct: false, points: 1.33 });
    expect(grade({ s3: "storage", ec2: null })).toMatchObject({ correct: false, points: 0.67 });
    expect(grade({ s3: "storage", ec2: "storage", rds: "storage" })).toMatchObject({ points: 0.67 });
    expect(grade({})).toMatchObject({ correct: false, points: 0 });
  });
  it("scores 0 when a pair or choice id is unknown", () => {
    expect(grade({ s3: "storage", ec2: "compute", rds: "database", bogus: "storage" })).toMatchObject({ points: 0 });
    expect(grade({ s3: "storage", ec2: "compute", rds: "bogus" })).toMatchObject({ points: 0 });
  });
});

describe("invalid and mismatched responses score 0 without throwing", () => {
  const garbage: unknown[] = [
    undefined,
    null,
    42,
    "iaas",
    [],
    {},
    { type: "nope" },
    { type: "single" },
    { type: "single", optionId: 7 },
    { type: "multiple", optionIds: "scale-out" },
    { type: "multiple", optionIds: [1, 2] },
    { type: "numeric", value: "100" },
    { type: "ordering", itemIds: null },
    { type: "matching", matches: null },
    { type: "matching", matches: ["storage"] },
    { type: "true-false", value: "true" },
  ];
  it.each(sampleQuestions.map((q) => [q.type, q] as const))("%s question", (_type, q) => {
    for (const g of garbage) {
      expect(gradeQuestion(q, g as QuestionResponse)).toMatchObject({ correct: false, points: 0, maxPoints: q.points });
    }
    // Every other type's perfect response is a mismatch.
    for (const other of sampleQuestions.filter((x) => x.type !== q.type)) {
      expect(gradeQuestion(q, perfectResponse(other))).toMatchObject({ correct: false, points: 0 });
    }
  });
  it("gradeAttempt tolerates junk response maps", () => {
    const layout = drawLayout(sampleQuiz, 1);
    for (const junk of [null, undefined, [], { "q-single": null }, { __proto__: { "q-single": perfectResponse(single) } }]) {
      const result = gradeAttempt(sampleQuiz, layout, junk as unknown as Record<string, QuestionResponse>);
      expect(result.score).toBe(0);
      expect(result.maxScore).toBe(10.5);
    }
  });
});

describe("gradeAttempt", () => {
  const layout = drawLayout(sampleQuiz, 7);
  const perfect = Object.fromEntries(sampleQuestions.map((q) => [q.id, perfectResponse(q)]));
  it("sums a perfect attempt", () => {
    const result = gradeAttempt(sampleQuiz, layout, perfect);
    expect(result).toMatchObject({ score: 10.5, maxScore: 10.5, percent: 100 });
    expect(result.questions.map((q) => q.questionId)).toEqual(layout.questions.map((q) => q.id));
    expect(result.questions.every((q) => q.correct)).toBe(true);
  });
  it("grades partial attempts and omitted questions", () => {
    const result = gradeAttempt(sampleQuiz, layout, {
      "q-single": { type: "single", optionId: "iaas" },
      "q-multiple": { type: "multiple", optionIds: ["scale-out"] },
      "q-ordering": { type: "ordering", itemIds: ["subnet", "vpc", "vm", "dns"] },
    });
    expect(result.score).toBe(4.17); // 1 + 0.67 + 2.5
    expect(result.maxScore).toBe(10.5);
    expect(result.percent).toBe(39.71);
  });
  it("grades only the layout's questions and ignores extra responses", () => {
    const drawn = drawLayout(sampleQuiz, 3, { drawCount: 2 });
    const result = gradeAttempt(sampleQuiz, drawn, perfect);
    expect(result.questions).toHaveLength(2);
    const max = sampleQuiz.questions.filter((q) => drawn.questions.some((l) => l.id === q.id)).reduce((s, q) => s + q.points, 0);
    expect(result).toMatchObject({ score: max, maxScore: max, percent: 100 });
  });
  it("skips layout ids the quiz does not have", () => {
    const result = gradeAttempt(sampleQuiz, { questions: [{ id: "gone" }, { id: "q-tf" }] }, perfect);
    expect(result).toMatchObject({ score: 1, maxScore: 1, percent: 100 });
  });
  it("is 0 % for an empty layout", () => {
    expect(gradeAttempt(sampleQuiz, { questions: [] }, perfect)).toEqual({ score: 0, maxScore: 0, percent: 0, questions: [] });
  });
});
