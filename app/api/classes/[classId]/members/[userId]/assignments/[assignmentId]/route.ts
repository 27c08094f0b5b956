import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { getMemberWork } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { recordIdSchema } from "@/lib/validation/ids";

/** A member's work on one assignment, for the class's instructor: each submitted attempt with its answers. */
export const GET = apiRoute<{ classId: string; userId: string; assignmentId: string }>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const userId = parseParam(params.userId, recordIdSchema, "member");
  const assignmentId = parseParam(params.assignmentId, recordIdSchema, "assignment");
  return NextResponse.json(await getMemberWork(user, classId, assignmentId, userId, await requestNow()));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
