import { z } from "zod";
import { conceptIdSchema } from "../content/schema";
import { SIM_CONFIG_SCENARIOS, SIM_NUMERIC_GENERATORS } from "./simulated";

/**
 * Quiz definitions (content/days/day-NN/quiz.json). These include answer keys and explanations, so they are loaded
 * on the server only; clients get `PublicQuestion`s (lib/quiz/public.ts) until they submit.
 */

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are kebab-case");
const text = z.string().min(1);

const base = {
  id: idSchema,
  /** Markdown-free prompt text; inline `code` is allowed. */
  prompt: text,
  points: z.number().positive().max(10).default(1),
  /** Why the right answer is right; shown after submission. */
  explanation: text,
  concepts: z.array(conceptIdSchema).min(1),
};

const optionSchema = z.object({ id: idSchema, text, explanation: text });

const singleChoice = z.object({
  ...base,
  type: z.literal("single"),
  options: z.array(optionSchema).min(2).max(8),
  answer: idSchema,
});

const multipleChoice = z.object({
  ...base,
  type: z.literal("multiple"),
  options: z.array(optionSchema).min(3).max(8),
  answers: z.array(idSchema).min(1),
});

const trueFalse = z.object({
  ...base,
  type: z.literal("true-false"),
  answer: z.boolean(),
  /** Feedback for each choice, like options elsewhere. */
  explanations: z.object({ true: text, false: text }),
});

const toleranceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("absolute"), value: z.number().nonnegative() }),
  /** Fraction of the answer, e.g. 0.05 accepts ±5 %. */
  z.object({ kind: z.literal("relative"), value: z.number().nonnegative().max(1) }),
]);

const numeric = z.object({
  ...base,
  type: z.literal("numeric"),
  answer: z.number().finite(),
  tolerance: toleranceSchema,
  unit: z.string().optional(),
});

const itemSchema = z.object({ id: idSchema, text });

const ordering = z.object({
  ...base,
  type: z.literal("ordering"),
  /** Items in the correct order; the server shuffles them for display. */
  items: z.array(itemSchema).min(3).max(8),
});

const matching = z.object({
  ...base,
  type: z.literal("matching"),
  /** Left-hand prompts, each with the id of the choice it matches. */
  pairs: z.array(z.object({ id: idSchema, text, match: idSchema })).min(2).max(8),
  /** Right-hand choices; may include distractors that match nothing. */
  choices: z.array(itemSchema).min(2).max(10),
});

/**
 * A numeric question whose numbers come from a simulator run seeded per attempt (lib/quiz/simulated.ts). `prompt`
 * and `explanation` are templates: `{name}` is replaced by the generator's parameters; the answer is the run's.
 */
const simNumeric = z.object({
  ...base,
  type: z.literal("sim-numeric"),
  generator: z.string().refine((g) => g in SIM_NUMERIC_GENERATORS, { message: "unknown sim-numeric generator" }),
  tolerance: toleranceSchema,
  unit: z.string().optional(),
});

/** A configuration question graded by running the named scenario with the learner's choices. */
const simConfig = z.object({
  ...base,
  type: z.literal("sim-config"),
  scenario: z.string().refine((s) => s in SIM_CONFIG_SCENARIOS, { message: "unknown sim-config scenario" }),
});

export const questionSchema = z.discriminatedUnion("type", [
  singleChoice,
  multipleChoice,
  trueFalse,
  numeric,
  ordering,
  matching,
  simNumeric,
  simConfig,
]);

function checkQuestion(q: z.infer<typeof questionSchema>, ctx: z.RefinementCtx, path: (string | number)[]) {
  const fail = (message: string) => ctx.addIssue({ code: "custom", message, path });
  const unique = (ids: string[], what: string) => {
    if (new Set(ids).size !== ids.length) fail(`${q.id}: duplicate ${what} ids`);
  };
  switch (q.type) {
    case "single":
      unique(q.options.map((o) => o.id), "option");
      if (!q.options.some((o) => o.id === q.answer)) fail(`${q.id}: answer is not an option`);
      break;
    case "multiple":
      unique(q.options.map((o) => o.id), "option");
      unique(q.answers, "answer");
      if (!q.answers.every((a) => q.options.some((o) => o.id === a))) fail(`${q.id}: an answer is not an option`);
      break;
    case "ordering":
      unique(q.items.map((i) => i.id), "item");
      break;
    case "matching":
      unique(q.pairs.map((p) => p.id), "pair");
      unique(q.choices.map((c) => c.id), "choice");
      if (!q.pairs.every((p) => q.choices.some((c) => c.id === p.match))) fail(`${q.id}: a pair matches no choice`);
      break;
    case "true-false":
    case "numeric":
    case "sim-numeric":
    case "sim-config":
      break;
  }
}

/** Attempt rules, enforced on the server when an attempt starts and shown to the learner before it. */
export const quizRulesSchema = z.object({
  /** Submitted attempts allowed; omitted = unlimited. */
  maxAttempts: z.number().int().min(1).max(100).optional(),
  /** Minutes to wait after submitting before starting another attempt. */
  cooldownMinutes: z.number().min(0).max(60 * 24 * 7).default(0),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  /** Questions drawn per attempt from the pool (reproducible from the attempt's seed); omitted = all. */
  drawCount: z.number().int().min(1).optional(),
});

export const quizSchema = z
  .object({
    id: idSchema,
    title: text,
    /** Percentage (0–100) at which passing the quiz completes the lesson. */
    passPercent: z.number().min(0).max(100).default(70),
    rules: quizRulesSchema.default({ cooldownMinutes: 0, shuffleQuestions: true, shuffleOptions: true }),
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    if (quiz.rules.drawCount !== undefined && quiz.rules.drawCount > quiz.questions.length) {
      ctx.addIssue({ code: "custom", message: "rules.drawCount is larger than the question pool", path: ["rules", "drawCount"] });
    }
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "duplicate question ids" });
    quiz.questions.forEach((q, i) => checkQuestion(q, ctx, ["questions", i]));
  });

/** A question as written in quiz.json, including simulator-driven ones before their numbers are drawn. */
export type QuestionDefinition = z.infer<typeof questionSchema>;
export type QuestionType = QuestionDefinition["type"];
type SimConfigDefinition = Extract<QuestionDefinition, { type: "sim-config" }>;
/**
 * A question as an attempt shows and grades it: simulator-driven definitions are instantiated with the attempt's
 * seed (lib/quiz/instantiate.ts) — a sim-numeric becomes a plain numeric with concrete numbers; a sim-config keeps
 * its scenario and carries the seed and the prompt's parameters.
 */
export type Question =
  | Exclude<QuestionDefinition, { type: "sim-numeric" | "sim-config" }>
  | (SimConfigDefinition & { seed: number });
export type Quiz = z.infer<typeof quizSchema>;
export type QuizRules = z.infer<typeof quizRulesSchema>;
export type QuizInput = z.input<typeof quizSchema>;
