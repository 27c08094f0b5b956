import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { dueCount } from "@/lib/services/review";
import { requestNow } from "@/lib/time/clock";

/** Just the number of due cards, for the header badge: no card is loaded or drawn. */
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ dueCount: await dueCount(user, await requestNow()) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
