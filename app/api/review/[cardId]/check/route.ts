import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { checkReviewAnswer } from "@/lib/services/review";
import { requestNow } from "@/lib/time/clock";
import { cardIdSchema, reviewCheckSchema } from "@/lib/validation/review";

/** Grades an answer to a due card and returns the explanation; the schedule changes only when the card is rated. */
export const POST = apiRoute<{ cardId: string }>(async (request, params) => {
  const user = await requireApiUser();
  if (!cardIdSchema.safeParse(params.cardId).success) throw notFound("No review card with that id.");
  const { response } = await readJson(request, reviewCheckSchema);
  return NextResponse.json(await checkReviewAnswer(user, params.cardId, response, await requestNow()));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
