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
