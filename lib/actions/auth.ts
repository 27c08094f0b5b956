"use server";

import { EMAIL_TAKEN_MESSAGE, registerLearner } from "@/lib/services/accounts";
import { fieldErrors, signUpSchema } from "@/lib/validation/auth";

export interface SignUpState {
  ok: boolean;
  errors: Record<string, string>;
  /** Echoed back so a failed submit does not clear what the person typed (never the password). */
  values: { name: string; email: string };
}

/** Creates a learner account. The form then signs in with the same credentials through next-auth. */
export async function signUp(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    timeZone: String(formData.get("timeZone") ?? ""),
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  const result = await registerLearner(parsed.data);
  if (!result.ok) return { ok: false, errors: { email: EMAIL_TAKEN_MESSAGE }, values };
  return { ok: true, errors: {}, values };
}
