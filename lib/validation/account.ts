import { z } from "zod";
import { canonicalTimeZone, isValidTimeZone } from "@/lib/time/calendar";
import { emailSchema } from "./auth";
import { visibleText } from "./text";

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: "Choose a time zone from the list (for example Europe/Berlin)." })
  .transform(canonicalTimeZone);

export const settingsSchema = z
  .object({
    name: z
      .string()
      .transform((s) => visibleText(s).trim())
      .pipe(z.string().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."))
      .optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined, { message: "Nothing to update." });

/** Deleting an account asks the learner to type their email, so it never happens by accident. */
export const deleteAccountSchema = z.object({ confirmEmail: emailSchema });
