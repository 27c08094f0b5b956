import { applyOrder, layoutQuestions, type QuizLayout } from "./layout";
import type { Quiz } from "./schema";
import { SIM_CONFIG_SCENARIOS, type ConfigField } from "./simulated";

/**
 * What the learner's browser may see before submitting: no answer keys (`answer`, `answers`, `match`), no
 * explanations, no concept tags. Options, ordering items and matching choices come in the attempt's layout order.
 */

export interface PublicChoice {
  id: string;
  text: string;
}

interface PublicBase {
  id: string;
  prompt: string;
  points: number;
}

export type PublicQuestion =
  | (PublicBase & { type: "single"; options: PublicChoice[] })
  | (PublicBase & { type: "multiple"; options: PublicChoice[] })
  | (PublicBase & { type: "true-false" })
  | (PublicBase & { type: "numeric"; unit?: string })
  | (PublicBase & { type: "ordering"; items: PublicChoice[] })
  | (PublicBase & { type: "matching"; pairs: PublicChoice[]; choices: PublicChoice[] })
  | (PublicBase & { type: "sim-config"; fields: ConfigField[] });

/** Copies only id and text, so no other field of a definition can slip through. */
const pick = (x: { id: string; text: string }): PublicChoice => ({ id: x.id, text: x.text });

/** The layout's questions (unknown ids skipped), in layout order, stripped for the client. */
export function toPublicQuestions(quiz: Quiz, layout: QuizLayout): PublicQuestion[] {
  return layoutQuestions(quiz, layout).map(({ question: q, layout: l }): PublicQuestion => {
    const base: PublicBase = { id: q.id, prompt: q.prompt, points: q.points };
    switch (q.type) {
      case "single":
      case "multiple":
        return { ...base, type: q.type, options: applyOrder(q.options, l.optionOrder).map(pick) };
      case "true-false":
        return { ...base, type: "true-false" };
      case "numeric":
        return q.unit === undefined ? { ...base, type: "numeric" } : { ...base, type: "numeric", unit: q.unit };
      case "ordering": {
        let items = applyOrder(q.items, l.itemOrder).map(pick);
        // Never hand out the solution, even for a hand-made or stale layout.
        if (items.length > 1 && items.every((item, i) => item.id === q.items[i]?.id)) {
          items = [...items.slice(1), items[0] as PublicChoice];
        }
        return { ...base, type: "ordering", items };
      }
      case "matching":
        return {
          ...base,
          type: "matching",
          pairs: q.pairs.map(pick),
          choices: applyOrder(q.choices, l.choiceOrder).map(pick),
        };
      case "sim-config":
        // The fields the learner sets; the seed and the grading run stay on the server.
        return { ...base, type: "sim-config", fields: SIM_CONFIG_SCENARIOS[q.scenario]?.fields(q.seed) ?? [] };
    }
  });
}
