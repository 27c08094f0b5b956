import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { joinClass } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { joinClassSchema } from "@/lib/validation/classes";

/** Joins the class a code opens: 404 for an unknown code, 409 when already in it or teaching it, 429 after ten wrong codes. */
export const POST = apiRoute(async (request) => {
  const user = await requireApiUser();
  const { code } = await readJson(request, joinClassSchema);
  return NextResponse.json(await joinClass(user, code, await requestNow()), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
