import { z } from "zod";

/** A learner's answer to one question, as sent by the quiz form and the JSON API. */
export const questionResponseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), optionId: z.string().max(100) }),
  z.object({ type: z.literal("multiple"), optionIds: z.array(z.string().max(100)).max(20) }),
  z.object({ type: z.literal("true-false"), value: z.boolean() }),
  z.object({ type: z.literal("numeric"), value: z.number().finite() }),
  z.object({ type: z.literal("ordering"), itemIds: z.array(z.string().max(100)).max(20) }),
  z.object({
    type: z.literal("matching"),
    /** pair id → chosen choice id (or null when left empty). */
    matches: z
      .record(z.string().max(100), z.string().max(100).nullable())
      .refine((m) => Object.keys(m).length <= 20, "too many pairs"),
  }),
  z.object({
    type: z.literal("sim-config"),
    /** field name → chosen option value; the server runs the scenario with them. */
    values: z
      .record(z.string().max(50), z.string().max(50))
      .refine((v) => Object.keys(v).length <= 10, "too many fields"),
  }),
]);

/** The body of `POST /api/attempts/{id}/submit`: question id → response. Unanswered questions are omitted. */
export const submitAttemptSchema = z.object({
  responses: z
    .record(z.string().max(100), questionResponseSchema)
    .refine((r) => Object.keys(r).length <= 200, "too many responses"),
});

export type QuestionResponse = z.infer<typeof questionResponseSchema>;
export type SubmitAttemptInput = z.infer<typeof submitAttemptSchema>;
