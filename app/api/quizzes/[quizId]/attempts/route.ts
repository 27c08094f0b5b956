import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { startAttempt } from "@/lib/services/attempts";
import { requestNow } from "@/lib/time/clock";
import { quizIdSchema } from "@/lib/validation/ids";

/**
 * Starts an attempt (201) or resumes the open one (200). The questions carry no answer keys. The quiz's rules
 * apply: 409 past the attempt limit, 429 with Retry-After inside the cooldown.
 */
export const POST = apiRoute<{ quizId: string }>(async (_request, params) => {
  const user = await requireApiUser();
  if (!quizIdSchema.safeParse(params.quizId).success) throw notFound("No quiz with that id.");
  const { attempt, created } = await startAttempt(user, params.quizId, await requestNow());
  return NextResponse.json(attempt, { status: created ? 201 : 200 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
