import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { getAttemptView } from "@/lib/services/attempts";
import { attemptIdSchema } from "@/lib/validation/ids";

export const GET = apiRoute<{ id: string }>(async (_request, params) => {
  const user = await requireApiUser();
  if (!attemptIdSchema.safeParse(params.id).success) throw notFound("No attempt with that id.");
  return NextResponse.json(await getAttemptView(user, params.id));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
