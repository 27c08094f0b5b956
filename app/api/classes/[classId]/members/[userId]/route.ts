import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { removeFromClass } from "@/lib/services/classes";
import { recordIdSchema } from "@/lib/validation/ids";

/** The class's instructor removes a member; a learner leaves by naming themselves. */
export const DELETE = apiRoute<{ classId: string; userId: string }>(async (_request, params) => {
  const user = await requireApiUser();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const userId = parseParam(params.userId, recordIdSchema, "member");
  await removeFromClass(user, classId, userId);
  return NextResponse.json({ removed: true });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = onlyMethods("DELETE");
