import { describe, expect, it } from "vitest";
import { drawLayout, layoutMatchesQuiz, quizLayoutSchema } from "@/lib/quiz/layout";
import { quizSchema, type QuizInput } from "@/lib/quiz/schema";
import { question, sampleQuiz, sampleQuizInput } from "./fixtures";

const ordering = question(sampleQuiz, "ordering");
const correctOrder = ordering.items.map((i) => i.id);

/** A pool of 12 questions (the fixture's 6, twice, with new ids). */
const pool = quizSchema.parse({
  ...sampleQuizInput,
  questions: [
    ...sampleQuizInput.questions,
    ...sampleQuizInput.questions.map((q) => ({ ...q, id: `${q.id}-b` })),
  ],
} satisfies QuizInput);

describe("drawLayout", () => {
  it("is deterministic for a seed", () => {
    expect(drawLayout(sampleQuiz, 42)).toEqual(drawLayout(sampleQuiz, 42));
    expect(drawLayout(sampleQuiz, "attempt-abc")).toEqual(drawLayout(sampleQuiz, "attempt-abc"));
  });

  it("usually differs between seeds", () => {
    const layouts = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(drawLayout(sampleQuiz, seed))));
    expect(layouts.size).toBeGreaterThan(15);
    const questionOrders = new Set(
      Array.from({ length: 20 }, (_, seed) => drawLayout(sampleQuiz, seed).questions.map((q) => q.id).join()),
    );
    expect(questionOrders.size).toBeGreaterThan(10);
  });

  it("lays out every question with the right orders", () => {
    const layout = drawLayout(sampleQuiz, 5);
    expect(layout.questions.map((q) => q.id).sort()).toEqual(sampleQuiz.questions.map((q) => q.id).sort());
    for (const l of layout.questions) {
      const q = sampleQuiz.questions.find((x) => x.id === l.id)!;
      if (q.type === "single" || q.type === "multiple") {
        expect([...l.optionOrder!].sort()).toEqual(q.options.map((o) => o.id).sort());
      } else if (q.type === "ordering") {
        expect([...l.itemOrder!].sort()).toEqual(q.items.map((i) => i.id).sort());
      } else if (q.type === "matching") {
        expect([...l.choiceOrder!].sort()).toEqual(q.choices.map((c) => c.id).sort());
      } else {
        expect(Object.keys(l)).toEqual(["id"]);
      }
    }
    expect(layoutMatchesQuiz(sampleQuiz, layout)).toBe(true);
  });

  it("shuffles options across seeds", () => {
    const orders = new Set(
      Array.from({ length: 30 }, (_, seed) => drawLayout(sampleQuiz, seed).questions.find((q) => q.id === "q-multiple")!.optionOrder!.join()),
    );
    expect(orders.size).toBeGreaterThan(10);
  });

  it("never starts an ordering question solved", () => {
    for (let seed = 0; seed < 2000; seed++) {
      const l = drawLayout(sampleQuiz, seed).questions.find((q) => q.id === "q-ordering")!;
      expect(l.itemOrder).not.toEqual(correctOrder);
    }
  });

  it("never starts a 2-item ordering solved either", () => {
    const tiny = { ...sampleQuiz, questions: [{ ...ordering, items: ordering.items.slice(0, 2) }] };
    for (let seed = 0; seed < 200; seed++) {
      expect(drawLayout(tiny, seed).questions[0]!.itemOrder).toEqual(["subnet", "vpc"]);
    }
  });

  it("draws drawCount distinct questions, reproducibly", () => {
    for (let seed = 0; seed < 50; seed++) {
      const a = drawLayout(pool, seed, { drawCount: 5 });
      expect(a).toEqual(drawLayout(pool, seed, { drawCount: 5 }));
      const ids = a.questions.map((q) => q.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      // A bigger draw extends a smaller one, and per-question orders don't depend on the draw.
      const b = drawLayout(pool, seed, { drawCount: 6 });
      expect(b.questions.slice(0, 5)).toEqual(a.questions);
      expect(drawLayout(pool, seed).questions.slice(0, 5)).toEqual(a.questions);
    }
    const drawnSets = new Set(
      Array.from({ length: 30 }, (_, seed) => drawLayout(pool, seed, { drawCount: 3 }).questions.map((q) => q.id).sort().join()),
    );
    expect(drawnSets.size).toBeGreaterThan(20);
  });

  it("clamps drawCount to the pool and rejects nonsense", () => {
    expect(drawLayout(sampleQuiz, 1, { drawCount: 99 }).questions).toHaveLength(6);
    expect(() => drawLayout(sampleQuiz, 1, { drawCount: 0 })).toThrow(RangeError);
    expect(() => drawLayout(sampleQuiz, 1, { drawCount: 2.5 })).toThrow(RangeError);
  });

  it("round-trips through JSON and quizLayoutSchema", () => {
    const layout = drawLayout(pool, 9, { drawCount: 4 });
    expect(quizLayoutSchema.parse(JSON.parse(JSON.stringify(layout)))).toEqual(layout);
    expect(quizLayoutSchema.safeParse({ questions: [{ optionOrder: [] }] }).success).toBe(false);
    expect(quizLayoutSchema.safeParse({}).success).toBe(false);
  });

  it("layoutMatchesQuiz detects stale layouts", () => {
    const layout = drawLayout(sampleQuiz, 3);
    expect(layoutMatchesQuiz(sampleQuiz, { questions: [...layout.questions, { id: "gone" }] })).toBe(false);
    const edited = {
      ...sampleQuiz,
      questions: sampleQuiz.questions.map((q) => (q.type === "single" ? { ...q, options: q.options.slice(0, 2) } : q)),
    };
    expect(layoutMatchesQuiz(edited, layout)).toBe(false);
  });
});
