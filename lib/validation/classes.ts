import { z } from "zod";
import { daySchema } from "./ids";
import { visibleText } from "./text";

/** Join codes use an alphabet without look-alikes (no 0/O, 1/I/L), so a code read aloud or off a slide still works. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** "abcd-efgh", " ABCD EFGH " and "ABCDEFGH" name the same class: case, spaces and dashes are ignored. */
export const joinCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter the code your instructor gave you.")
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), "A class code is 8 letters and digits, like ABCD-EFGH."),
  );

export const classNameSchema = z
  .string()
  .transform((s) => visibleText(s).trim())
  .pipe(z.string().min(1, "Name the class.").max(80, "Keep the name under 80 characters."));

export const newClassSchema = z.object({ name: classNameSchema });
export const joinClassSchema = z.object({ code: joinCodeSchema });

/** The furthest ahead a due date may be: a course runs for weeks, not years. */
export const MAX_DUE_AHEAD_DAYS = 366;

const dueAtSchema = z.iso
  .datetime({ offset: true, error: "Give the due date as an ISO 8601 date and time with its offset." })
  .transform((s) => new Date(s));
/** Line breaks (control characters too) stay in instructions; other invisible characters go, as in names. */
const instructionsSchema = z
  .string()
  .transform((s) => s.replace(/[^\P{Cc}\n]|\p{Cf}/gu, "").trim())
  .pipe(z.string().max(500, "Keep the instructions under 500 characters."));

export const newAssignmentSchema = z.object({ day: daySchema, dueAt: dueAtSchema, instructions: instructionsSchema.default("") });

export const updateAssignmentSchema = z
  .object({ dueAt: dueAtSchema.optional(), instructions: instructionsSchema.optional() })
  .refine((v) => v.dueAt !== undefined || v.instructions !== undefined, { message: "Nothing to update." });

/** One member's own due date for an assignment. */
export const extensionSchema = z.object({ dueAt: dueAtSchema });

export type NewAssignmentInput = z.infer<typeof newAssignmentSchema>;
export type ExtensionInput = z.infer<typeof extensionSchema>;
export type UpdateAssignmentInput = z.infer<typeof updateAssignmentSchema>;
