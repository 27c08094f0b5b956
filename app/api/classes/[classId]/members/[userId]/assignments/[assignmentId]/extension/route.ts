import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam, readJson } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { grantExtension, revokeExtension } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { extensionSchema } from "@/lib/validation/classes";
import { recordIdSchema } from "@/lib/validation/ids";

type Params = { classId: string; userId: string; assignmentId: string };

function ids(params: Params) {
  return {
    classId: parseParam(params.classId, recordIdSchema, "class"),
    userId: parseParam(params.userId, recordIdSchema, "member"),
    assignmentId: parseParam(params.assignmentId, recordIdSchema, "assignment"),
  };
}

/** Gives the member their own, later due date for the assignment (or moves it). */
export const PUT = apiRoute<Params>(async (request, params) => {
  const user = await requireApiInstructor();
  const { classId, userId, assignmentId } = ids(params);
  const input = await readJson(request, extensionSchema);
  return NextResponse.json(await grantExtension(user, classId, assignmentId, userId, input, await requestNow()));
});

/** Takes the extension back: the class's due date applies to the member again. */
export const DELETE = apiRoute<Params>(async (_request, params) => {
  const user = await requireApiInstructor();
  const { classId, userId, assignmentId } = ids(params);
  await revokeExtension(user, classId, assignmentId, userId);
  return NextResponse.json({ removed: true });
});

export const { GET, POST, PATCH, OPTIONS } = onlyMethods("PUT", "DELETE");
