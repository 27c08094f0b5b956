import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam, readJson } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { changeAssignment, unassign } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { updateAssignmentSchema } from "@/lib/validation/classes";
import { recordIdSchema } from "@/lib/validation/ids";

type Params = { classId: string; assignmentId: string };

/** Moves the due date and/or changes the instructions. */
export const PATCH = apiRoute<Params>(async (request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const assignmentId = parseParam(params.assignmentId, recordIdSchema, "assignment");
  const input = await readJson(request, updateAssignmentSchema);
  await changeAssignment(user, classId, assignmentId, input, await requestNow());
  return NextResponse.json({ updated: true });
});

/** Removes the assignment; the learners' attempts at the day's quiz stay theirs. */
export const DELETE = apiRoute<Params>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const assignmentId = parseParam(params.assignmentId, recordIdSchema, "assignment");
  await unassign(user, classId, assignmentId);
  return NextResponse.json({ deleted: true });
});

export const { GET, POST, PUT, OPTIONS } = onlyMethods("PATCH", "DELETE");
