import type { Question } from "../../lib/quiz/schema";
import type { QuestionResponse } from "../../lib/validation/quiz";

/** The full-marks response to a question, built from its key (tests only). */
export function perfectResponse(q: Question): QuestionResponse {
  switch (q.type) {
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
