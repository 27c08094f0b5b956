import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getAttemptView, type AttemptView } from "@/lib/services/attempts";
import { attemptIdSchema } from "@/lib/validation/ids";
import { AttemptReview } from "../../ui/quiz/attempt-review";
import { QuizRunner } from "../../ui/quiz/quiz-runner";

export const metadata: Metadata = { title: "Quiz attempt" };

type Props = { params: Promise<{ id: string }> };

export default async function AttemptPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/attempts/${encodeURIComponent(id)}`);
  if (!attemptIdSchema.safeParse(id).success) notFound();
  let view: AttemptView;
  try {
    view = await getAttemptView(user, id);
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
  const lessonPath = `/day/${view.day}`;

  if (view.status === "in_progress") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <QuizRunner attemptId={view.id} questions={view.questions} quizTitle={view.quizTitle} lessonPath={lessonPath} />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href={lessonPath} className="hover:underline">Day {view.day}</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`${lessonPath}/quiz`} className="hover:underline">Quiz</Link> <span aria-hidden="true">/</span> Result
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 dark:text-white">{view.quizTitle}</h1>
      <section
        aria-labelledby="score-heading"
        className={`mt-6 rounded-2xl border p-6 ${
          view.passed
            ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40"
            : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40"
        }`}
      >
        <h2 id="score-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
          Your score
        </h2>
        <p className="mt-1 text-4xl font-bold tabular-nums text-slate-900 dark:text-white" data-testid="attempt-score">
          {view.percent}%
        </p>
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          {view.score} of {view.maxScore} points ·{" "}
          {view.passed
            ? `Passed — Day ${view.day} is complete.`
            : `The pass mark is ${view.passPercent}%. Review the explanations below, then try again.`}
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href={`${lessonPath}/quiz`} className="btn-secondary">
            {view.passed ? "Retake the quiz" : "Try again"}
          </Link>
          <Link href="/dashboard" className="btn-secondary">
            Dashboard
          </Link>
          <Link href={lessonPath} className="btn-secondary">
            Back to the lesson
          </Link>
        </div>
      </section>
      <div className="mt-10">
        <AttemptReview questions={view.questions} />
      </div>
    </div>
  );
}
