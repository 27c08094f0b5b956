import { getQuizById } from "../../lib/content/quizzes";
import { prisma } from "../../lib/db/client";
import { layoutQuestions, quizLayoutSchema } from "../../lib/quiz/layout";
import type { Question, QuestionDefinition } from "../../lib/quiz/schema";
import { SIM_CONFIG_SCENARIOS } from "../../lib/quiz/simulated";
import type { QuestionResponse } from "../../lib/validation/quiz";

/**
 * The full-marks response to a question, built from its key (tests only). Simulator questions must be instantiated
 * with their attempt's seed first (lib/quiz/instantiate.ts): their answers depend on it.
 */
export function perfectResponse(q: Question | QuestionDefinition): QuestionResponse {
  switch (q.type) {
    case "sim-numeric":
      throw new Error(`${q.id}: instantiate a sim-numeric question with its seed before answering it`);
    case "sim-config":
      if (!("seed" in q)) throw new Error(`${q.id}: instantiate a sim-config question with its seed before answering it`);
      return { type: "sim-config", values: SIM_CONFIG_SCENARIOS[q.scenario]?.bestAnswer(q.seed).values ?? {} };
    case "single":
      return { type: "single", optionId: q.answer };
    case "multiple":
      return { type: "multiple", optionIds: [...q.answers] };
    case "true-false":
      return { type: "true-false", value: q.answer };
    case "numeric":
      return { type: "numeric", value: q.answer };
    case "ordering":
      return { type: "ordering", itemIds: q.items.map((i) => i.id) };
    case "matching":
      return { type: "matching", matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.match])) };
  }
}

/** An attempt's questions as the learner saw them, from its stored layout: simulator questions carry their seeds. */
export async function attemptQuestions(attemptId: string): Promise<Question[]> {
  const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  const quiz = getQuizById(row.quizId)?.quiz;
  if (!quiz) throw new Error(`unknown quiz ${row.quizId}`);
  return layoutQuestions(quiz, quizLayoutSchema.parse(JSON.parse(row.layout))).map((l) => l.question);
}

/** Full-marks responses to every question of an attempt. */
export async function perfectResponses(attemptId: string): Promise<Record<string, QuestionResponse>> {
  return Object.fromEntries((await attemptQuestions(attemptId)).map((q) => [q.id, perfectResponse(q)]));
}

export const isSimulated = (q: QuestionDefinition) => q.type === "sim-numeric" || q.type === "sim-config";
