"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { startAttempt } from "@/lib/services/attempts";
import { requestNow } from "@/lib/time/clock";
import { quizIdSchema } from "@/lib/validation/ids";

/** "Start quiz" button: starts (or resumes) an attempt and opens it; refused attempts return to the quiz page. */
export async function startQuizAction(formData: FormData): Promise<void> {
  const quizId = quizIdSchema.safeParse(formData.get("quizId"));
  if (!quizId.success) redirect("/course");
  const quizPage = `/day/${Number(quizId.data.slice(4))}/quiz`;
  const user = await requireUser(quizPage);
  let attemptId: string;
  try {
    attemptId = (await startAttempt(user, quizId.data, await requestNow())).attempt.id;
  } catch (error) {
    // The quiz page explains the refusal (attempt limit or cooldown) from the same rules.
    if (error instanceof AppError && (error.status === 409 || error.status === 429)) redirect(quizPage);
    throw error;
  }
  redirect(`/attempts/${attemptId}`);
}
