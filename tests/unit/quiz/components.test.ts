import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AttemptReview } from "@/app/ui/quiz/attempt-review";
import { QuizRunner } from "@/app/ui/quiz/quiz-runner";
import { gradeAttempt } from "@/lib/quiz/grade";
import { drawLayout } from "@/lib/quiz/layout";
import { toPublicQuestions } from "@/lib/quiz/public";
import { toReviewQuestions } from "@/lib/quiz/review";
import type { QuestionResponse } from "@/lib/validation/quiz";
import { explanationsOf, sampleQuiz } from "./fixtures";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));

const layout = drawLayout(sampleQuiz, 3);
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("QuizRunner (server render)", () => {
  const html = renderToStaticMarkup(
    createElement(QuizRunner, {
      attemptId: "att-1",
      questions: toPublicQuestions(sampleQuiz, layout),
      quizTitle: "Cloud basics",
      lessonPath: "/day/1",
    }),
  );

  it("renders one fieldset per question with its position and points", () => {
    expect(count(html, "<fieldset")).toBe(6);
    for (let i = 1; i <= 6; i++) expect(html).toContain(`Question ${i} of 6`);
    expect(html).toContain("1.5 points");
    expect(html).toContain("0 of 6 answered");
  });

  it("renders the inputs", () => {
    expect(count(html, 'type="radio"')).toBe(3 + 2); // single + true/false
    expect(count(html, 'type="checkbox"')).toBe(5);
    expect(html).toContain('inputMode="decimal"');
    expect(count(html, "<select")).toBe(3);
    expect(html).toContain("aria-label=\"Move &#x27;Create the VM&#x27; up\"");
    expect(html).toContain("aria-label=\"Move &#x27;Create the VM&#x27; down\"");
    expect(html).toContain("<code");
    expect(html).toMatch(/<button type="submit"[^>]*>Submit answers<\/button>/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="/day/1"');
  });

  it("contains no answer keys or explanations", () => {
    for (const e of explanationsOf(sampleQuiz)) expect(html).not.toContain(e);
  });
});

describe("AttemptReview (server render)", () => {
  const responses: Record<string, QuestionResponse> = {
    "q-single": { type: "single", optionId: "iaas" },
    "q-ordering": { type: "ordering", itemIds: ["subnet", "vpc", "vm", "dns"] },
  };
  const review = toReviewQuestions(sampleQuiz, layout, responses, gradeAttempt(sampleQuiz, layout, responses));
  const html = renderToStaticMarkup(createElement(AttemptReview, { questions: review }));

  it("renders an article per question with a text status", () => {
    expect(count(html, 'data-testid="review-question"')).toBe(6);
    expect(html).toContain(">Correct<");
    expect(html).toContain(">Partially correct<");
    expect(html).toContain(">Incorrect<");
    expect(html).toContain("2.5 / 3 points");
  });

  it("shows every explanation and the correct answers", () => {
    for (const e of explanationsOf(sampleQuiz)) expect(html).toContain(e);
    expect(html).toContain("Your answer");
    expect(html).toContain("Correct answer");
    expect(html).toContain("100 ms (± 5 ms: 95 to 105 ms accepted)");
  });
});
