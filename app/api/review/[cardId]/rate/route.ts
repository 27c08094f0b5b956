import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { rateCard } from "@/lib/services/review";
import { requestNow } from "@/lib/time/clock";
import { cardIdSchema, reviewRateSchema } from "@/lib/validation/review";

/** Rates a due card (1 Again … 4 Easy); FSRS sets its next due date. */
export const POST = apiRoute<{ cardId: string }>(async (request, params) => {
  const user = await requireApiUser();
  if (!cardIdSchema.safeParse(params.cardId).success) throw notFound("No review card with that id.");
  const input = await readJson(request, reviewRateSchema);
  return NextResponse.json(await rateCard(user, params.cardId, input, await requestNow()));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
