import { z } from "zod";
import { canonicalTimeZone, isValidTimeZone } from "@/lib/time/calendar";
import { visibleText } from "./text";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like ada@example.com." }));

export const signUpSchema = z.object({
  // Instructors see learners' names in their gradebooks: the same cleaning as class names.
  name: z
    .string({ error: "Enter your name." })
    .transform((s) => visibleText(s).trim())
    .pipe(z.string().min(1, "Enter your name.").max(80, "Keep your name under 80 characters.")),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(8, "Use at least 8 characters for your password.")
    .max(200, "Keep your password under 200 characters."),
  /** The browser's zone, for streaks in the learner's calendar; an unknown or missing zone falls back to UTC. */
  timeZone: z
    .string()
    .trim()
    .optional()
    .transform((zone) => (zone && isValidTimeZone(zone) ? canonicalTimeZone(zone) : "UTC")),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** zod issues → the first message per top-level field, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
