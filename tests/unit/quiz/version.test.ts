import { describe, expect, it } from "vitest";
import { quizSchema } from "@/lib/quiz/schema";
import { canonicalJson, quizVersion } from "@/lib/quiz/version";
import { sampleQuiz, sampleQuizInput } from "./fixtures";

describe("quizVersion", () => {
  it("is a short stable hex string", () => {
    const v = quizVersion(sampleQuiz);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(quizVersion(quizSchema.parse(structuredClone(sampleQuizInput)))).toBe(v);
  });

  it("ignores key order", () => {
    const reordered = Object.fromEntries(Object.entries(sampleQuiz).reverse()) as typeof sampleQuiz;
    expect(quizVersion(reordered)).toBe(quizVersion(sampleQuiz));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
  });

  it("changes with the content", () => {
    const v = quizVersion(sampleQuiz);
    expect(quizVersion({ ...sampleQuiz, title: "Cloud basics!" })).not.toBe(v);
    expect(quizVersion({ ...sampleQuiz, passPercent: 80 })).not.toBe(v);
    expect(quizVersion({ ...sampleQuiz, questions: [...sampleQuiz.questions].reverse() })).not.toBe(v);
    const edited = structuredClone(sampleQuiz);
    const q = edited.questions[0]!;
    if (q.type === "single") q.answer = "paas";
    expect(quizVersion(edited)).not.toBe(v);
  });
});
