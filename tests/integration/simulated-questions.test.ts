import { describe, expect, it } from "vitest";
import { getQuizById } from "@/lib/content/quizzes";
import { prisma } from "@/lib/db/client";
import { layoutQuestions, quizLayoutSchema } from "@/lib/quiz/layout";
import type { Question } from "@/lib/quiz/schema";
import { startAttempt, submitAttempt } from "@/lib/services/attempts";
import { getReviewQueue, rateCard } from "@/lib/services/review";
import { newLearner } from "../support/learners";
import { perfectResponse } from "../support/quiz-answers";

const loaded = getQuizById("day-02");
if (!loaded) throw new Error("day-02 missing");
const quiz = loaded.quiz;
const t0 = new Date("2027-02-01T10:00:00Z");

/** The attempt's questions as the learner saw them, from the stored layout (seeds included). */
async function shown(attemptId: string): Promise<Question[]> {
  const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return layoutQuestions(quiz, quizLayoutSchema.parse(JSON.parse(row.layout))).map((l) => l.question);
}

/** Starts attempts until one draws both simulator questions (Day 2 draws 10 of its questions per attempt). */
async function attemptWithSimQuestions() {
  for (let i = 0; i < 30; i++) {
    const learner = await newLearner();
    const { attempt } = await startAttempt(learner, "day-02", t0);
    const ids = attempt.questions.map((q) => q.id);
    if (ids.includes("sim-az-outage-survivors") && ids.includes("sim-survive-az-loss")) return { learner, attempt };
  }
  throw new Error("no attempt drew both simulator questions");
}

describe("questions graded by re-running the simulator", () => {
  it("shows concrete numbers, hides the answer, and grades what the engine computes for that attempt", async () => {
    const { learner, attempt } = await attemptWithSimQuestions();
    const publicSim = attempt.questions.find((q) => q.id === "sim-az-outage-survivors");
    expect(publicSim?.type).toBe("numeric");
    expect(publicSim?.prompt).not.toMatch(/\{|\}/);
    const publicConfig = attempt.questions.find((q) => q.id === "sim-survive-az-loss");
    expect(publicConfig?.type).toBe("sim-config");
    expect(JSON.stringify(publicConfig)).not.toMatch(/"(seed|answer|explanation)"/);

    const questions = await shown(attempt.id);
    const responses = Object.fromEntries(questions.map((q) => [q.id, perfectResponse(q)]));
    const numeric = questions.find((q) => q.id === "sim-az-outage-survivors");
    if (numeric?.type !== "numeric") throw new Error("not instantiated");
    // A wrong number for the simulator question: everything else right.
    responses[numeric.id] = { type: "numeric", value: numeric.answer + 1 };
    const result = await submitAttempt(learner, attempt.id, { responses }, t0);
    const byId = new Map(result.questions.map((q) => [q.id, q]));
    expect(byId.get("sim-az-outage-survivors")?.points).toBe(0);
    expect(byId.get("sim-survive-az-loss")?.points).toBe(2);
    const config = byId.get("sim-survive-az-loss");
    if (config?.type !== "sim-config") throw new Error("review type");
    expect(config.outcome).toMatch(/kept at least \d+ running through every single-AZ outage/);
    expect(result.score).toBe(result.maxScore - 1);
  });

  it("an over-provisioned configuration earns half, a single-AZ one nothing", async () => {
    const { learner, attempt } = await attemptWithSimQuestions();
    const result = await submitAttempt(
      learner,
      attempt.id,
      { responses: { "sim-survive-az-loss": { type: "sim-config", values: { replicas: "9", placement: "single-az" } } } },
      t0,
    );
    expect(result.questions.find((q) => q.id === "sim-survive-az-loss")?.points).toBe(0);
    const again = await attemptWithSimQuestions();
    const questions = await shown(again.attempt.id);
    const q = questions.find((x) => x.id === "sim-survive-az-loss");
    if (q?.type !== "sim-config") throw new Error();
    const best = perfectResponse(q);
    if (best.type !== "sim-config") throw new Error();
    const more = String(Number(best.values.replicas) + 1);
    const graded = await submitAttempt(
      again.learner,
      again.attempt.id,
      { responses: { [q.id]: { type: "sim-config", values: { replicas: more, placement: "spread" } } } },
      t0,
    );
    expect(graded.questions.find((x) => x.id === q.id)?.points).toBe(1);
  });

  it("a missed simulator question comes back in review with fresh numbers", async () => {
    const { learner, attempt } = await attemptWithSimQuestions();
    // Everything right except the simulator question, so it is the only review card.
    const questions = await shown(attempt.id);
    const responses = Object.fromEntries(
      questions.filter((q) => q.id !== "sim-az-outage-survivors").map((q) => [q.id, perfectResponse(q)]),
    );
    await submitAttempt(learner, attempt.id, { responses }, t0);
    const prompts = new Set<string>();
    let now = t0;
    for (let i = 0; i < 8; i++) {
      const queue = await getReviewQueue(learner, now);
      expect(queue.dueCount).toBe(1);
      const card = queue.card;
      if (!card) throw new Error("the card is not due");
      expect(card.question.type).toBe("numeric");
      prompts.add(card.question.prompt);
      await rateCard(learner, card.id, { rating: 1, response: { type: "numeric", value: -1 } }, now);
      now = new Date(now.getTime() + 7 * 24 * 3_600_000);
    }
    expect(prompts.size).toBeGreaterThanOrEqual(2);
    expect([...prompts].every((p) => !/\{|\}/.test(p))).toBe(true);
  });
});
