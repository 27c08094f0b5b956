import type { Question, QuestionDefinition } from "./schema";
import { SIM_CONFIG_SCENARIOS, SIM_NUMERIC_GENERATORS, fillTemplate } from "./simulated";

/**
 * Turns a definition into the question an attempt shows: plain questions are returned as they are; simulator
 * questions draw their numbers from `seed` (stored in the attempt's layout) by running the engine.
 */
export function instantiate(definition: QuestionDefinition, seed: number): Question {
  switch (definition.type) {
    case "sim-numeric": {
      const generator = SIM_NUMERIC_GENERATORS[definition.generator];
      if (!generator) throw new Error(`unknown generator ${definition.generator}`);
      const { params, answer } = generator.generate(seed);
      const { generator: _generator, ...rest } = definition;
      void _generator;
      return {
        ...rest,
        type: "numeric",
        prompt: fillTemplate(definition.prompt, params),
        explanation: fillTemplate(definition.explanation, { ...params, answer }),
        answer,
      };
    }
    case "sim-config": {
      const scenario = SIM_CONFIG_SCENARIOS[definition.scenario];
      if (!scenario) throw new Error(`unknown scenario ${definition.scenario}`);
      const params = scenario.params(seed);
      return {
        ...definition,
        prompt: fillTemplate(definition.prompt, params),
        explanation: fillTemplate(definition.explanation, params),
        seed,
      };
    }
    default:
      return definition;
  }
}
