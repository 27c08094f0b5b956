import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam, readJson } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { deleteClass, getClassOverview, renameClass } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { newClassSchema } from "@/lib/validation/classes";
import { recordIdSchema } from "@/lib/validation/ids";

type Params = { classId: string };

/** The class's assignments with their statistics, and its gradebook (instructor of the class only). */
export const GET = apiRoute<Params>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  return NextResponse.json(await getClassOverview(user, classId, await requestNow()));
});

/** Renames the class. */
export const PATCH = apiRoute<Params>(async (request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const { name } = await readJson(request, newClassSchema);
  await renameClass(user, classId, name);
  return NextResponse.json({ id: classId, name });
});

/** Deletes the class, its enrollments and assignments; the learners keep their own progress and attempts. */
export const DELETE = apiRoute<Params>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  await deleteClass(user, classId);
  return NextResponse.json({ deleted: true });
});

export const { POST, PUT, OPTIONS } = onlyMethods("GET", "PATCH", "DELETE");
