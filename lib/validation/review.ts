import { z } from "zod";
import { questionResponseSchema } from "./quiz";

export const reviewCheckSchema = z.object({ response: questionResponseSchema });

export const reviewRateSchema = z.object({
  /** FSRS ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  response: questionResponseSchema,
});

export const cardIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
