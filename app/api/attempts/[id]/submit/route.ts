import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { submitAttempt } from "@/lib/services/attempts";
import { requestNow } from "@/lib/time/clock";
import { attemptIdSchema } from "@/lib/validation/ids";
import { submitAttemptSchema } from "@/lib/validation/quiz";

/** Grades the attempt; a repeated submit returns the first result unchanged. */
export const POST = apiRoute<{ id: string }>(async (request, params) => {
  const user = await requireApiUser();
  if (!attemptIdSchema.safeParse(params.id).success) throw notFound("No attempt with that id.");
  const body = await readJson(request, submitAttemptSchema);
  return NextResponse.json(await submitAttempt(user, params.id, body, await requestNow()));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
