import { NextResponse } from "next/server";
import { apiRoute, onlyMethods, parseParam } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { newJoinCode } from "@/lib/services/classes";
import { recordIdSchema } from "@/lib/validation/ids";

/** Replaces the class's join code (for a code that leaked); the old one stops working, members stay. */
export const POST = apiRoute<{ classId: string }>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  return NextResponse.json({ joinCode: await newJoinCode(user, classId) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("POST");
