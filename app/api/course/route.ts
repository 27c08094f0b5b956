import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { getCourse } from "@/lib/content/syllabus";

export const GET = apiRoute(async () => {
  const days = getCourse().map(({ day, slug, title, concepts, path }) => ({ day, slug, title, concepts, path }));
  return NextResponse.json({ days });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
