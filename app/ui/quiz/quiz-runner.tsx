"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { PublicQuestion } from "@/lib/quiz/public";
import {
  buildResponses,
  isAnswered,
  sanitizeDrafts,
  type Draft,
  type Drafts,
} from "./drafts";
import { QuestionFieldset } from "./question-fieldset";
import { readStored, removeStored, subscribeStored, writeStored } from "./session-store";

export interface QuizRunnerProps {
  attemptId: string;
  questions: PublicQuestion[];
  quizTitle: string;
  lessonPath: string;
}


const storageKey = (attemptId: string) => `nimbus:quiz-attempt:${attemptId}`;

function parseJson(raw: string | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}


/**
 * The quiz form of an open attempt. Answers live in sessionStorage (keyed by attempt) so a reload keeps them; submit
 * posts `{ responses }` (submitAttemptSchema) and goes to the attempt's result page.
 */
export function QuizRunner({ attemptId, questions, quizTitle, lessonPath }: QuizRunnerProps) {
  const router = useRouter();
  const uid = useId();
  const key = storageKey(attemptId);

  const raw = useSyncExternalStore(
    useCallback((listener: () => void) => subscribeStored(key, listener), [key]),
    () => readStored(key),
    () => null,
  );
  const drafts = useMemo(() => sanitizeDrafts(questions, parseJson(raw)), [questions, raw]);

  const setDraft = useCallback(
    (questionId: string, update: (current: Draft | undefined) => Draft | undefined) => {
      const current = sanitizeDrafts(questions, parseJson(readStored(key)));
      const next = update(current[questionId]);
      const all: Drafts = { ...current };
      if (next === undefined) delete all[questionId];
      else all[questionId] = next;
      writeStored(key, JSON.stringify(all));
    },
    [key, questions],
  );

  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inFlight = useRef(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const unanswered = questions
    .map((q, i) => ({ q, number: i + 1 }))
    .filter(({ q }) => !isAnswered(q, drafts[q.id]));
  const answeredCount = questions.length - unanswered.length;
  const showConfirm = confirming && unanswered.length > 0;

  useEffect(() => {
    if (showConfirm) confirmHeading.current?.focus();
  }, [showConfirm]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function send() {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const responses = buildResponses(questions, sanitizeDrafts(questions, parseJson(readStored(key))));
      const res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/submit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ responses }),
      });
      if (res.ok) {
        removeStored(key);
        router.push(`/attempts/${attemptId}`);
        router.refresh();
        return; // Stay disabled while the result page loads.
      }
      let message = `Your answers could not be submitted (error ${res.status}). They are still here; try again.`;
      try {
        const body: unknown = await res.json();
        if (body && typeof body === "object" && "error" in body && typeof body.error === "string" && body.error) {
          message = body.error;
        }
      } catch {
        // Not JSON: keep the generic message.
      }
      setError(message);
    } catch {
      setError("Could not reach the server. Your answers are still here; check your connection and try again.");
    }
    inFlight.current = false;
    setSubmitting(false);
  }

  /** Closes the warning and puts focus in the first unanswered question. */
  function keepAnswering() {
    setConfirming(false);
    const first = unanswered[0];
    if (!first) return;
    const fieldset = document.getElementById(`${uid}-${first.q.id}`);
    fieldset?.querySelector<HTMLElement>("input, select, button")?.focus();
    fieldset?.scrollIntoView({ block: "start" });
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    if (unanswered.length > 0 && !showConfirm) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    void send();
  }

  const titleId = `${uid}-title`;
  const progressId = `${uid}-progress`;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} className="mx-auto w-full max-w-3xl space-y-6">
      <header className="space-y-3">
        <Link
          href={lessonPath}
          className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
        >
          ← Back to the lesson
        </Link>
        <h1 id={titleId} className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
          {quizTitle}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <p id={progressId} className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {answeredCount} of {questions.length} answered
          </p>
          <progress
            value={answeredCount}
            max={Math.max(1, questions.length)}
            aria-labelledby={progressId}
            className="h-2 w-40 max-w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-brand-500 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-500 dark:[&::-webkit-progress-bar]:bg-slate-800"
          />
        </div>
      </header>

      <ol className="space-y-6">
        {questions.map((q, i) => (
          <li key={q.id}>
            <QuestionFieldset
              question={q}
              number={i + 1}
              total={questions.length}
              idPrefix={`${uid}-${q.id}`}
              draft={drafts[q.id]}
              disabled={submitting}
              onChange={(update) => setDraft(q.id, update)}
            />
          </li>
        ))}
      </ol>

      {showConfirm ? (
        <section
          aria-labelledby={`${uid}-confirm`}
          className="rounded-2xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-700/70 dark:bg-amber-950/40"
        >
          <h2
            id={`${uid}-confirm`}
            ref={confirmHeading}
            tabIndex={-1}
            className="text-base font-semibold text-amber-900 dark:text-amber-100"
          >
            <span aria-hidden="true">⚠ </span>
            {unanswered.length === 1
              ? "1 question is not answered yet"
              : `${unanswered.length} questions are not answered yet`}
          </h2>
          <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
            Unanswered questions score 0. You can go back to them or submit anyway.
          </p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {unanswered.map(({ q, number }) => (
              <li key={q.id}>
                <a
                  href={`#${uid}-${q.id}`}
                  className="font-medium text-amber-900 underline underline-offset-2 dark:text-amber-100"
                >
                  Question {number}
                  {q.type === "matching" ? " (not all pairs matched)" : ""}
                  {q.type === "ordering" ? " (not reordered yet)" : ""}
                </a>
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" className="btn-primary" onClick={() => void send()} disabled={submitting}>
              Submit anyway
            </button>
            <button type="button" className="btn-secondary" onClick={keepAnswering} disabled={submitting}>
              Keep answering
            </button>
          </div>
        </section>
      ) : null}

      <div
        ref={errorRef}
        role="alert"
        tabIndex={-1}
        className={
          error
            ? "rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
            : undefined
        }
      >
        {error ? (
          <>
            <span aria-hidden="true">✕ </span>
            {error}
          </>
        ) : null}
      </div>

      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center sm:justify-between dark:border-slate-800">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Your answers are saved in this tab until you submit.
        </p>
        <button type="submit" className="btn-primary min-h-11 px-6" disabled={submitting} aria-describedby={progressId}>
          {submitting ? "Submitting…" : "Submit answers"}
        </button>
      </div>
    </form>
  );
}

