import "server-only";
import bcrypt from "bcryptjs";
import type { Actor } from "@/lib/db/actor";
import { deleteUser } from "@/lib/db/account";
import { createUser, updateSettings } from "@/lib/db/users";
import type { SignUpInput } from "@/lib/validation/auth";

export type SignUpResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; emailTaken: true };

/** Shared by the sign-up form's server action and `POST /api/account`. */
export async function registerLearner(input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await bcrypt.hash(input.password, 10);
  const user = await createUser({ email: input.email, name: input.name, passwordHash, timeZone: input.timeZone });
  if (!user) return { ok: false, emailTaken: true };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead?";

export function updateAccountSettings(actor: Actor, input: { name?: string; timeZone?: string }) {
  return updateSettings(actor, input);
}

export function deleteAccount(actor: Actor) {
  return deleteUser(actor);
}
