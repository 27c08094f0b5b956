import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { startQuizAction } from "@/lib/actions/quiz";
import { requireUser } from "@/lib/auth/guards";
import { getQuizForDay } from "@/lib/content/quizzes";
import { findOpenAttempt, listSubmittedAttempts } from "@/lib/db/attempts";
import { getJourneySettings } from "@/lib/db/users";
import type { QuestionType } from "@/lib/quiz/schema";
import { attemptAllowance } from "@/lib/services/attempts";
import { formatDateTime } from "@/lib/time/calendar";
import { requestNow } from "@/lib/time/clock";
import { daySchema } from "@/lib/validation/ids";

type Props = { params: Promise<{ day: string }> };

const TYPE_LABELS: Record<QuestionType, string> = {
  single: "single choice",
  multiple: "multiple choice",
  "true-false": "true or false",
  numeric: "numeric",
  ordering: "ordering",
  matching: "matching",
  "sim-numeric": "numeric from a live simulation",
  "sim-config": "configure and run a simulation",
};

function loadQuiz(day: string) {
  const parsed = daySchema.safeParse(day);
  const loaded = parsed.success ? getQuizForDay(parsed.data) : null;
  if (!loaded) notFound();
  return loaded;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { day } = await params;
  return { title: `Day ${loadQuiz(day).day} quiz` };
}

export default async function QuizPage({ params }: Props) {
  const { day } = await params;
  const loaded = loadQuiz(day);
  const path = `/day/${loaded.day}/quiz`;
  const user = await requireUser(path);
  const now = await requestNow();
  const [attempts, open, allowance, { timeZone }] = await Promise.all([
    listSubmittedAttempts(user, loaded.quiz.id),
    findOpenAttempt(user, loaded.quiz.id, loaded.version),
    attemptAllowance(user, loaded, now),
    getJourneySettings(user),
  ]);
  const rules = loaded.quiz.rules;
  const perAttempt = Math.min(rules.drawCount ?? loaded.quiz.questions.length, loaded.quiz.questions.length);
  const blocked = !open && allowance.blockedReason;
  const types = [...new Set(loaded.quiz.questions.map((q) => TYPE_LABELS[q.type]))];
  const best = attempts.reduce((m, a) => Math.max(m, a.maxScore ? ((a.score ?? 0) / a.maxScore) * 100 : 0), 0);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/course" className="hover:underline">Course</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/day/${loaded.day}`} className="hover:underline">Day {loaded.day}</Link> <span aria-hidden="true">/</span> Quiz
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 dark:text-white">{loaded.quiz.title}</h1>
      <div className="card mt-6 p-6">
        <ul className="space-y-2 text-slate-700 dark:text-slate-300">
          <li>
            <strong>{perAttempt} questions</strong>
            {perAttempt < loaded.quiz.questions.length ? ` drawn from a pool of ${loaded.quiz.questions.length}` : ""} (
            {types.join(", ")})
          </li>
          <li>
            Pass mark: <strong>{loaded.quiz.passPercent}%</strong> — passing completes Day {loaded.day}. Your best score counts.
          </li>
          <li data-testid="attempt-rules">
            {rules.maxAttempts ? `${rules.maxAttempts} attempts allowed (${allowance.used} used)` : "Unlimited attempts"}
            {rules.cooldownMinutes > 0 ? `, with a ${rules.cooldownMinutes}-minute wait between attempts` : ""}.
          </li>
          <li>
            {rules.shuffleQuestions || rules.shuffleOptions
              ? "Questions and options are shuffled for each attempt."
              : "Questions appear in the same order each time."}{" "}
            You see every answer and why it is right or wrong once you submit.
          </li>
        </ul>
        {blocked ? (
          <p role="status" className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="attempt-blocked">
            {allowance.blockedReason}
          </p>
        ) : null}
        <form action={startQuizAction} className="mt-6">
          <input type="hidden" name="quizId" value={loaded.quiz.id} />
          <button type="submit" className="btn-primary px-5 py-2.5 text-base" disabled={Boolean(blocked)}>
            {open ? "Resume your attempt" : attempts.length > 0 ? "Start a new attempt" : "Start the quiz"}
          </button>
        </form>
      </div>
      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="text-xl font-semibold text-slate-900 dark:text-white">
          Your attempts
        </h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-slate-600 dark:text-slate-400">No attempts yet.</p>
        ) : (
          <>
            <p className="mt-2 text-slate-600 dark:text-slate-400">Best score: {Math.round(best * 10) / 10}%</p>
            <ul className="card mt-4 divide-y divide-slate-100 dark:divide-slate-800">
              {attempts.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-4 px-5 py-3 text-sm">
                  <Link href={`/attempts/${a.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {a.submittedAt ? formatDateTime(a.submittedAt, timeZone) : ""}
                  </Link>
                  <span className="tabular-nums">
                    {a.score ?? 0} / {a.maxScore}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
