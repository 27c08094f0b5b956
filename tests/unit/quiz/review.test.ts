import { describe, expect, it } from "vitest";
import { gradeAttempt } from "@/lib/quiz/grade";
import { drawLayout } from "@/lib/quiz/layout";
import { toReviewQuestions, type ReviewQuestion } from "@/lib/quiz/review";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { sampleQuiz } from "./fixtures";

const layout = drawLayout(sampleQuiz, 4);
const responses: Record<string, QuestionResponse> = {
  "q-single": { type: "single", optionId: "paas" },
  "q-multiple": { type: "multiple", optionIds: ["scale-out", "free"] },
  "q-tf": { type: "true-false", value: true },
  "q-numeric": { type: "numeric", value: 103 },
  "q-ordering": { type: "ordering", itemIds: ["subnet", "vpc", "vm", "dns"] },
  "q-matching": { type: "matching", matches: { s3: "storage", ec2: null, rds: "compute" } },
};
const graded = gradeAttempt(sampleQuiz, layout, responses);
const review = toReviewQuestions(sampleQuiz, layout, responses, graded);
const byType = <T extends ReviewQuestion["type"]>(type: T) =>
  review.find((q) => q.type === type) as Extract<ReviewQuestion, { type: T }>;

describe("toReviewQuestions", () => {
  it("follows the layout and numbers the questions", () => {
    expect(review.map((q) => q.id)).toEqual(layout.questions.map((q) => q.id));
    expect(review.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("is JSON-serialisable without loss", () => {
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });

  it("accepts the graded questions as an array, or regrades when missing", () => {
    expect(toReviewQuestions(sampleQuiz, layout, responses, graded.questions)).toEqual(review);
    expect(toReviewQuestions(sampleQuiz, layout, responses, [])).toEqual(review);
  });

  it("reviews single choice", () => {
    const q = byType("single");
    expect(q).toMatchObject({ status: "incorrect", points: 0, maxPoints: 1, responseText: "PaaS", correctAnswerText: "IaaS" });
    expect(q.explanation).toContain("EXPL-Q-SINGLE");
    expect(q.options.find((o) => o.id === "paas")).toEqual({
      id: "paas",
      text: "PaaS",
      correct: false,
      chosen: true,
      explanation: "EXPL-OPT-PAAS the provider manages the OS.",
    });
    expect(q.options.find((o) => o.id === "iaas")).toMatchObject({ correct: true, chosen: false });
    expect(q.options.map((o) => o.id)).toEqual(layout.questions.find((l) => l.id === "q-single")!.optionOrder);
  });

  it("reviews multiple choice with partial credit", () => {
    const q = byType("multiple");
    expect(q).toMatchObject({ status: "incorrect", points: 0, answered: true }); // 1 right − 1 wrong = 0
    expect(q.options.filter((o) => o.chosen).map((o) => o.id).sort()).toEqual(["free", "scale-out"]);
    expect(q.options.filter((o) => o.correct)).toHaveLength(3);
    const partial = toReviewQuestions(sampleQuiz, layout, { "q-multiple": { type: "multiple", optionIds: ["scale-in"] } }, [])
      .find((x) => x.id === "q-multiple")!;
    expect(partial).toMatchObject({ status: "partial", points: 0.67, correct: false });
  });

  it("reviews true-false with both explanations", () => {
    const q = byType("true-false");
    expect(q).toMatchObject({ status: "correct", correct: true, answer: true, chosen: true, responseText: "True" });
    expect(q.options).toEqual([
      { id: "true", text: "True", correct: true, chosen: true, explanation: "EXPL-TF-TRUE right." },
      { id: "false", text: "False", correct: false, chosen: false, explanation: "EXPL-TF-FALSE wrong." },
    ]);
  });

  it("reviews numeric answers with the accepted range", () => {
    const q = byType("numeric");
    expect(q).toMatchObject({
      status: "correct",
      given: 103,
      answer: 100,
      unit: "ms",
      acceptedMin: 95,
      acceptedMax: 105,
      responseText: "103 ms",
    });
    expect(q.correctAnswerText).toBe("100 ms (± 5 ms: 95 to 105 ms accepted)");
  });

  it("reviews ordering with both orders", () => {
    const q = byType("ordering");
    expect(q).toMatchObject({ status: "partial", points: 2.5, maxPoints: 3 });
    expect(q.correctOrder.map((i) => i.id)).toEqual(["vpc", "subnet", "vm", "dns"]);
    expect(q.learnerOrder).toEqual([
      { id: "subnet", text: "Create the subnet", inPlace: false },
      { id: "vpc", text: "Create the VPC", inPlace: false },
      { id: "vm", text: "Create the VM", inPlace: true },
      { id: "dns", text: "Point DNS at it", inPlace: true },
    ]);
    expect(q.correctAnswerText).toBe("1. Create the VPC → 2. Create the subnet → 3. Create the VM → 4. Point DNS at it");
  });

  it("reviews matching pair by pair", () => {
    const q = byType("matching");
    expect(q).toMatchObject({ status: "partial", points: 0.67 });
    expect(q.pairs).toEqual([
      { id: "s3", text: "Object store", chosen: { id: "storage", text: "Storage" }, correctChoice: { id: "storage", text: "Storage" }, correct: true },
      { id: "ec2", text: "Virtual machine", chosen: null, correctChoice: { id: "compute", text: "Compute" }, correct: false },
      { id: "rds", text: "Managed SQL", chosen: { id: "compute", text: "Compute" }, correctChoice: { id: "database", text: "Database" }, correct: false },
    ]);
  });

  it("handles missing and mismatched responses", () => {
    const empty = toReviewQuestions(sampleQuiz, layout, { "q-single": { type: "true-false", value: true } }, []);
    for (const q of empty) {
      expect(q).toMatchObject({ answered: false, status: "incorrect", points: 0, responseText: "No answer" });
    }
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
  });
});
