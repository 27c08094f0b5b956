import { describe, expect, it } from "vitest";
import { drawLayout } from "@/lib/quiz/layout";
import { toPublicQuestions } from "@/lib/quiz/public";
import { explanationsOf, question, sampleQuiz } from "./fixtures";

function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysDeep(v, out);
    }
  }
  return out;
}

describe("toPublicQuestions", () => {
  it("leaks no answer keys or explanations", () => {
    for (let seed = 0; seed < 20; seed++) {
      const json = JSON.stringify(toPublicQuestions(sampleQuiz, drawLayout(sampleQuiz, seed)));
      for (const explanation of explanationsOf(sampleQuiz)) expect(json).not.toContain(explanation);
      expect(json).not.toContain("EXPL-");
      for (const key of ['"answer"', '"answers"', '"match"', '"explanation"', '"explanations"', '"tolerance"', '"concepts"']) {
        expect(json).not.toContain(key);
      }
      const keys = keysDeep(JSON.parse(json));
      expect([...keys].sort()).toEqual(["choices", "id", "items", "options", "pairs", "points", "prompt", "text", "type", "unit"]);
    }
  });

  it("does not reveal the correct order of ordering items", () => {
    const correct = question(sampleQuiz, "ordering").items.map((i) => i.id);
    for (let seed = 0; seed < 200; seed++) {
      const q = toPublicQuestions(sampleQuiz, drawLayout(sampleQuiz, seed)).find((x) => x.type === "ordering")!;
      expect(q.type === "ordering" && q.items.map((i) => i.id)).not.toEqual(correct);
    }
    // Even a hand-made layout without an item order does not hand out the solution.
    const q = toPublicQuestions(sampleQuiz, { questions: [{ id: "q-ordering" }] })[0]!;
    expect(q.type === "ordering" && q.items.map((i) => i.id)).not.toEqual(correct);
  });

  it("follows the layout order", () => {
    const layout = drawLayout(sampleQuiz, 11);
    const pub = toPublicQuestions(sampleQuiz, layout);
    expect(pub.map((q) => q.id)).toEqual(layout.questions.map((q) => q.id));
    for (const q of pub) {
      const l = layout.questions.find((x) => x.id === q.id)!;
      if (q.type === "single" || q.type === "multiple") expect(q.options.map((o) => o.id)).toEqual(l.optionOrder);
      if (q.type === "ordering") expect(q.items.map((o) => o.id)).toEqual(l.itemOrder);
      if (q.type === "matching") {
        expect(q.choices.map((o) => o.id)).toEqual(l.choiceOrder);
        expect(q.pairs).toEqual([
          { id: "s3", text: "Object store" },
          { id: "ec2", text: "Virtual machine" },
          { id: "rds", text: "Managed SQL" },
        ]);
      }
    }
  });

  it("keeps what the client needs", () => {
    const pub = toPublicQuestions(sampleQuiz, drawLayout(sampleQuiz, 1));
    expect(pub.find((q) => q.type === "numeric")).toEqual({
      id: "q-numeric",
      type: "numeric",
      prompt: "How many ms of latency does the `cache` save?",
      points: 1.5,
      unit: "ms",
    });
    expect(pub.find((q) => q.type === "true-false")).toEqual({
      id: "q-tf",
      type: "true-false",
      prompt: "A region contains several availability zones.",
      points: 1,
    });
  });

  it("draws only the layout's questions", () => {
    expect(toPublicQuestions(sampleQuiz, drawLayout(sampleQuiz, 2, { drawCount: 3 }))).toHaveLength(3);
  });
});
