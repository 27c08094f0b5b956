import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCEPT_IDS } from "@/lib/content/concepts";
import { gradeAttempt, gradeQuestion } from "@/lib/quiz/grade";
import { drawLayout } from "@/lib/quiz/layout";
import { toPublicQuestions } from "@/lib/quiz/public";
import { quizSchema, type Question, type QuestionDefinition, type Quiz } from "@/lib/quiz/schema";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { perfectResponse } from "./fixtures";

const points = fc.integer({ min: 1, max: 1000 }).map((n) => n / 100);
const text = fc.string({ minLength: 1, maxLength: 12 });
const concept = fc.constantFrom(...CONCEPT_IDS);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** A random valid question of any type (checked by quizSchema below). */
function questionArb(id: string): fc.Arbitrary<Question> {
  const base = { id: fc.constant(id), prompt: fc.constant("p"), points, explanation: text, concepts: fc.tuple(concept) };
  const options = (n: number) =>
    fc.tuple(...ids("o", n).map((oid) => fc.record({ id: fc.constant(oid), text, explanation: text })));
  const single = fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({ ...base, type: fc.constant("single" as const), options: options(n), answer: fc.constantFrom(...ids("o", n)) }),
  );
  const multiple = fc.integer({ min: 3, max: 8 }).chain((n) =>
    fc.record({
      ...base,
      type: fc.constant("multiple" as const),
      options: options(n),
      answers: fc.subarray(ids("o", n), { minLength: 1 }),
    }),
  );
  const trueFalse = fc.record({
    ...base,
    type: fc.constant("true-false" as const),
    answer: fc.boolean(),
    explanations: fc.record({ true: text, false: text }),
  });
  const numeric = fc.record({
    ...base,
    type: fc.constant("numeric" as const),
    answer: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    tolerance: fc.oneof(
      fc.record({ kind: fc.constant("absolute" as const), value: fc.double({ min: 0, max: 100, noNaN: true }) }),
      fc.record({ kind: fc.constant("relative" as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    ),
  });
  const ordering = fc.integer({ min: 3, max: 8 }).chain((n) =>
    fc.record({
      ...base,
      type: fc.constant("ordering" as const),
      items: fc.tuple(...ids("i", n).map((iid) => fc.record({ id: fc.constant(iid), text }))),
    }),
  );
  const matching = fc
    .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 10 }))
    .chain(([nPairs, nChoices]) =>
      fc.record({
        ...base,
        type: fc.constant("matching" as const),
        pairs: fc.tuple(
          ...ids("p", nPairs).map((pid) =>
            fc.record({ id: fc.constant(pid), text, match: fc.constantFrom(...ids("c", nChoices)) }),
          ),
        ),
        choices: fc.tuple(...ids("c", nChoices).map((cid) => fc.record({ id: fc.constant(cid), text }))),
      }),
    );
  return fc.oneof(single, multiple, trueFalse, numeric, ordering, matching) as fc.Arbitrary<Question>;
}

const quizArb: fc.Arbitrary<Quiz> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...ids("q", n).map((id) => questionArb(id))))
  .map((questions) => quizSchema.parse({ id: "prop-quiz", title: "Property quiz", questions }));

/** Random responses: well-formed, partly right, of the wrong type, or junk. */
function responseArb(q: Question | QuestionDefinition): fc.Arbitrary<QuestionResponse> {
  const anyId = fc.oneof(fc.constantFrom("o-0", "o-1", "o-2", "i-0", "i-1", "p-0", "c-0", "c-1", "bogus"), fc.string());
  return fc.oneof(
    fc.constant(perfectResponse(q)),
    fc.record({ type: fc.constant("single" as const), optionId: anyId }),
    fc.record({ type: fc.constant("multiple" as const), optionIds: fc.array(anyId, { maxLength: 10 }) }),
    fc.record({ type: fc.constant("true-false" as const), value: fc.boolean() }),
    fc.record({ type: fc.constant("numeric" as const), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
    fc.record({ type: fc.constant("ordering" as const), itemIds: fc.shuffledSubarray(ids("i", 8)) }),
    fc.record({
      type: fc.constant("matching" as const),
      matches: fc.dictionary(fc.constantFrom(...ids("p", 8)), fc.option(fc.constantFrom(...ids("c", 10)))),
    }),
    fc.anything() as fc.Arbitrary<QuestionResponse>,
  );
}

describe("grading properties", () => {
  it("a perfect response scores the maximum", () => {
    fc.assert(
      fc.property(quizArb, fc.integer(), (quiz, seed) => {
        const layout = drawLayout(quiz, seed);
        const responses = Object.fromEntries(quiz.questions.map((q) => [q.id, perfectResponse(q)]));
        const result = gradeAttempt(quiz, layout, responses);
        expect(result.score).toBe(result.maxScore);
        expect(result.percent).toBe(100);
        expect(result.questions.every((g) => g.correct)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("any response scores within [0, maxPoints] and never throws", () => {
    const arb = quizArb.chain((quiz) =>
      fc.tuple(fc.constant(quiz), fc.tuple(...quiz.questions.map((q) => fc.option(responseArb(q), { nil: undefined })))),
    );
    fc.assert(
      fc.property(arb, fc.integer(), ([quiz, rs], seed) => {
        const responses: Record<string, QuestionResponse> = {};
        quiz.questions.forEach((q, i) => {
          const r = rs[i];
          if (r !== undefined) responses[q.id] = r;
        });
        const result = gradeAttempt(quiz, drawLayout(quiz, seed), responses);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        expect(result.percent).toBeGreaterThanOrEqual(0);
        expect(result.percent).toBeLessThanOrEqual(100);
        for (const g of result.questions) {
          expect(g.points).toBeGreaterThanOrEqual(0);
          expect(g.points).toBeLessThanOrEqual(g.maxPoints);
          if (g.correct) expect(g.points).toBe(g.maxPoints);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the public questions never carry answer keys or explanations", () => {
    fc.assert(
      fc.property(quizArb, fc.integer(), (quiz, seed) => {
        const json = JSON.stringify(toPublicQuestions(quiz, drawLayout(quiz, seed)));
        for (const key of ['"answer"', '"answers"', '"match"', '"explanation"', '"explanations"', '"tolerance"']) {
          expect(json).not.toContain(key);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("ordering questions never start solved and layouts are reproducible", () => {
    fc.assert(
      fc.property(quizArb, fc.integer(), (quiz, seed) => {
        const layout = drawLayout(quiz, seed);
        expect(drawLayout(quiz, seed)).toEqual(layout);
        for (const l of layout.questions) {
          const q = quiz.questions.find((x) => x.id === l.id)!;
          if (q.type === "ordering") expect(l.itemOrder).not.toEqual(q.items.map((i) => i.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("numeric grading is symmetric around the answer at the edges", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("absolute" as const, "relative" as const),
        (answer, value, kind) => {
          const q: Question = { id: "n", type: "numeric", prompt: "p", points: 1, explanation: "e", concepts: ["cost"], answer, tolerance: { kind, value } };
          const allowed = kind === "absolute" ? value : value * Math.abs(answer);
          expect(gradeQuestion(q, { type: "numeric", value: answer }).correct).toBe(true);
          expect(gradeQuestion(q, { type: "numeric", value: answer + allowed }).correct).toBe(true);
          expect(gradeQuestion(q, { type: "numeric", value: answer - allowed }).correct).toBe(true);
          const beyond = allowed + Math.max(1e-6, Math.abs(answer) * 1e-6);
          expect(gradeQuestion(q, { type: "numeric", value: answer + beyond }).correct).toBe(false);
          expect(gradeQuestion(q, { type: "numeric", value: answer - beyond }).correct).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
