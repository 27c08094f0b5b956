import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, readJson } from "@/lib/api/handler";
import { requireApiInstructor, requireApiUser } from "@/lib/auth/guards";
import { canTeach } from "@/lib/auth/roles";
import { createClass, getMyClasses, listClassesTaught } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { newClassSchema } from "@/lib/validation/classes";

/** The classes the signed-in user teaches (instructors) and the ones they are in, with their own standing. */
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  const [teaching, enrolled] = await Promise.all([
    canTeach(user) ? listClassesTaught(user) : Promise.resolve([]),
    getMyClasses(user, await requestNow()),
  ]);
  return NextResponse.json({ teaching, enrolled });
});

/** Creates a class taught by the signed-in instructor, with a fresh join code. */
export const POST = apiRoute(async (request) => {
  const user = await requireApiInstructor();
  const input = await readJson(request, newClassSchema);
  return NextResponse.json(await createClass(user, input), { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET", "POST");
