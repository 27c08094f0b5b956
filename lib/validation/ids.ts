import { z } from "zod";

export const daySchema = z.coerce.number().int().min(1).max(30);
export const quizIdSchema = z.string().regex(/^day-\d{2}$/);
/** cuid-shaped ids; anything else cannot exist, so it is rejected before a query. */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
