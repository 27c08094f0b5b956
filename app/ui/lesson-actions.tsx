"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { completeLessonAction, lessonHeartbeatAction, openLessonAction, type LessonStatusResult } from "@/lib/actions/progress";

import { useSession } from "./session";

const HEARTBEAT_MS = 30_000;

/**
 * The lesson page is static; this island records that a signed-in learner opened it and lets them complete it.
 */
export function LessonActions({ day, quizPath }: { day: number; quizPath: string | null }) {
  const { status: sessionStatus } = useSession();
  const [result, setResult] = useState<LessonStatusResult | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (sessionStatus !== "authenticated") return;
    let live = true;
    openLessonAction(day).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [day, sessionStatus]);

  // Time on the lesson: count only while the tab is visible, report every 30 s and when the page is left.
  useEffect(() => {
    if (sessionStatus !== "authenticated") return;
    let visibleSince = document.visibilityState === "visible" ? performance.now() : null;
    const flush = () => {
      if (visibleSince === null) return;
      const seconds = (performance.now() - visibleSince) / 1000;
      visibleSince = document.visibilityState === "visible" ? performance.now() : null;
      if (seconds >= 1) void lessonHeartbeatAction(day, seconds);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") visibleSince = performance.now();
      else flush();
    };
    const timer = window.setInterval(flush, HEARTBEAT_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [day, sessionStatus]);

  const complete = () =>
    startTransition(async () => {
      setResult(await completeLessonAction(day));
    });

  const completed = result && "status" in result && result.status === "completed";
  return (
    <section aria-labelledby="finish-heading" className="card mt-12 p-6">
      <h2 id="finish-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
        Finish Day {day}
      </h2>
      {sessionStatus === "unauthenticated" ? (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/day/${day}`)}`} className="font-semibold text-brand-700 underline dark:text-brand-300">
            Sign in
          </Link>{" "}
          to save your progress and take the quiz.
        </p>
      ) : (
        <p className="mt-2 text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="lesson-status">
          {completed
            ? "Day complete. Nice work — your dashboard is up to date."
            : result && "error" in result
              ? result.error
              : "Pass the quiz with 70% or more, or mark the lesson complete when you are done."}
        </p>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {quizPath ? (
          <Link href={quizPath} className="btn-primary">
            Take the quiz
          </Link>
        ) : null}
        {sessionStatus === "authenticated" ? (
          <button type="button" className="btn-secondary" onClick={complete} disabled={pending || Boolean(completed)}>
            {completed ? "✓ Completed" : pending ? "Saving…" : "Mark lesson complete"}
          </button>
        ) : null}
      </div>
    </section>
  );
}
