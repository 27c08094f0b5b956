import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { openLesson } from "@/lib/services/progress";
import { requestNow } from "@/lib/time/clock";
import { daySchema } from "@/lib/validation/ids";

export const POST = apiRoute<{ day: string }>(async (_request, params) => {
  const user = await requireApiUser();
  return NextResponse.json(await openLesson(user, parseParam(params.day, daySchema, "day"), await requestNow()));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
