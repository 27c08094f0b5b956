"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser, type SessionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { markLessonComplete, openLesson, recordLessonTime } from "@/lib/services/progress";
import { requestNow } from "@/lib/time/clock";
import { daySchema } from "@/lib/validation/ids";

export type LessonStatusResult =
  | { signedIn: false }
  | { signedIn: true; status: "in_progress" | "completed" }
  | { signedIn: true; error: string };

async function forLesson(
  day: unknown,
  change: (user: SessionUser, day: number, now: Date) => Promise<{ status: "in_progress" | "completed" }>,
): Promise<LessonStatusResult> {
  const user = await getSessionUser();
  if (!user) return { signedIn: false };
  const parsed = daySchema.safeParse(day);
  if (!parsed.success) return { signedIn: true, error: "That day does not exist." };
  try {
    const { status } = await change(user, parsed.data, await requestNow());
    return { signedIn: true, status };
  } catch (error) {
    if (error instanceof AppError) return { signedIn: true, error: error.message };
    throw error;
  }
}

/** Called when a lesson page opens: starts the lesson for a signed-in learner; anonymous readers just read. */
export async function openLessonAction(day: unknown): Promise<LessonStatusResult> {
  return forLesson(day, openLesson);
}

export async function completeLessonAction(day: unknown): Promise<LessonStatusResult> {
  const result = await forLesson(day, markLessonComplete);
  revalidatePath("/dashboard");
  revalidatePath("/course");
  return result;
}

/** The lesson page's heartbeat: seconds it was open and visible since the last beat. */
export async function lessonHeartbeatAction(day: unknown, seconds: unknown): Promise<void> {
  const user = await getSessionUser();
  const parsedDay = daySchema.safeParse(day);
  if (!user || !parsedDay.success || typeof seconds !== "number" || !Number.isFinite(seconds)) return;
  try {
    await recordLessonTime(user, parsedDay.data, seconds);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}
