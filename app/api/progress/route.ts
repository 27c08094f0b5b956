import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { getProgressSummary } from "@/lib/services/progress";
import { requestNow } from "@/lib/time/clock";

export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return NextResponse.json(await getProgressSummary(user, await requestNow()));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
