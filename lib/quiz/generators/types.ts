/** Shapes shared by the simulator-answered question generators (see ../simulated.ts). */

export type Params = Record<string, number | string>;

export interface SimNumericGenerator {
  description: string;
  generate(seed: number): { params: Params; answer: number };
}

export interface ConfigField {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface ConfigOutcome {
  /** 0–1 of the question's points. */
  fraction: number;
  /** What the run showed, in a sentence, with the learner's numbers. */
  summary: string;
}

export interface SimConfigScenario {
  description: string;
  /** Parameters shown in the prompt (drawn from the seed). */
  params(seed: number): Params;
  fields(seed: number): ConfigField[];
  grade(seed: number, values: Record<string, string>): ConfigOutcome;
  /** A configuration that earns full marks, for the review. */
  bestAnswer(seed: number): { values: Record<string, string>; summary: string };
}

/** One element of `xs`, drawn with `rng`. */
export const pick = <T>(rng: { int(n: number): number }, xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
