import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { badRequest, conflict } from "@/lib/errors";
import { deleteAccount, EMAIL_TAKEN_MESSAGE, registerLearner, updateAccountSettings } from "@/lib/services/accounts";
import { deleteAccountSchema, settingsSchema } from "@/lib/validation/account";
import { signUpSchema } from "@/lib/validation/auth";

/** Creates a learner account (the JSON twin of the sign-up form). Sign in afterwards through next-auth. */
export const POST = apiRoute(async (request) => {
  const input = await readJson(request, signUpSchema);
  const result = await registerLearner(input);
  if (!result.ok) throw conflict(EMAIL_TAKEN_MESSAGE);
  return NextResponse.json(result.user, { status: 201 });
});

/** Updates the signed-in learner's name and/or time zone. */
export const PATCH = apiRoute(async (request) => {
  const user = await requireApiUser();
  const input = await readJson(request, settingsSchema);
  return NextResponse.json(await updateAccountSettings(user, input));
});

/** Deletes the signed-in learner's account and all their data. The body must repeat their email. */
export const DELETE = apiRoute(async (request) => {
  const user = await requireApiUser();
  const { confirmEmail } = await readJson(request, deleteAccountSchema);
  if (confirmEmail !== user.email) throw badRequest("Type your account's email address to confirm.");
  await deleteAccount(user);
  return NextResponse.json({ deleted: true });
});

export const { GET, PUT, OPTIONS } = onlyMethods("POST", "PATCH", "DELETE");
