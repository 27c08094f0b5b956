import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { conflict } from "@/lib/errors";
import { EMAIL_TAKEN_MESSAGE, registerLearner } from "@/lib/services/accounts";
import { signUpSchema } from "@/lib/validation/auth";

/** Creates a learner account (the JSON twin of the sign-up form). Sign in afterwards through next-auth. */
export const POST = apiRoute(async (request) => {
  const input = await readJson(request, signUpSchema);
  const result = await registerLearner(input);
  if (!result.ok) throw conflict(EMAIL_TAKEN_MESSAGE);
  return NextResponse.json(result.user, { status: 201 });
});
