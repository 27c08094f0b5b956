"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { startAttempt } from "@/lib/services/attempts";
import { quizIdSchema } from "@/lib/validation/ids";

/** "Start quiz" button: starts (or resumes) an attempt and opens it. */
export async function startQuizAction(formData: FormData): Promise<void> {
  const quizId = quizIdSchema.safeParse(formData.get("quizId"));
  const returnTo = String(formData.get("returnTo") ?? "/course");
  const user = await requireUser(returnTo);
  if (!quizId.success) redirect("/course");
  const { attempt } = await startAttempt(user, quizId.data);
  redirect(`/attempts/${attempt.id}`);
}
