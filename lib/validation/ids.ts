import { z } from "zod";

/**
 * A course day: a number, or (from URLs and forms) its canonical decimal spelling only. `Number()` would also read
 * "1e1", "0x1B", " 5 " and "01" as days, so one day would have many addresses.
 */
export const daySchema = z
  .union([z.number(), z.string().regex(/^[1-9][0-9]?$/, "Not a day number.").transform(Number)])
  .pipe(z.number().int().min(1).max(30));
export const quizIdSchema = z.string().regex(/^day-\d{2}$/);
/** cuid-shaped ids; anything else cannot exist, so it is rejected before a query. */
export const recordIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
export const attemptIdSchema = recordIdSchema;
