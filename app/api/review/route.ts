import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { getReviewQueue } from "@/lib/services/review";
import { requestNow } from "@/lib/time/clock";

/** The review queue: how many cards are due and the next one to answer (no answer key). */
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return NextResponse.json(await getReviewQueue(user, await requestNow()));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
