import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam, readJson } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { assignDay } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { newAssignmentSchema } from "@/lib/validation/classes";
import { recordIdSchema } from "@/lib/validation/ids";

/** Assigns a day's quiz to the class, due at an instant (ISO 8601 with an offset). */
export const POST = apiRoute<{ classId: string }>(async (request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const input = await readJson(request, newAssignmentSchema);
  return NextResponse.json(await assignDay(user, classId, input, await requestNow()), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
