import "server-only";
import bcrypt from "bcryptjs";
import { createUser } from "@/lib/db/users";
import type { SignUpInput } from "@/lib/validation/auth";

export type SignUpResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; emailTaken: true };

/** Shared by the sign-up form's server action and `POST /api/account`. */
export async function registerLearner(input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await bcrypt.hash(input.password, 10);
  const user = await createUser({ email: input.email, name: input.name, passwordHash });
  if (!user) return { ok: false, emailTaken: true };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead?";
