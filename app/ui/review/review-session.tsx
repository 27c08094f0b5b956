"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { ReviewCheck, ReviewQueue } from "@/lib/services/review";
import { formatDateTime } from "@/lib/time/calendar";
import { announceDueCount } from "../nav-links";
import { draftToResponse, type Draft } from "../quiz/drafts";
import { AttemptReview } from "../quiz/attempt-review";
import { QuestionFieldset } from "../quiz/question-fieldset";

const RATINGS = [
  { value: 1, label: "Again", key: "again", hint: "I got it wrong" },
  { value: 2, label: "Hard", key: "hard", hint: "Right, with effort" },
  { value: 3, label: "Good", key: "good", hint: "Right" },
  { value: 4, label: "Easy", key: "easy", hint: "Right, instantly" },
] as const;

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({ error: "The server sent an unexpected answer." }));
  if (!res.ok) throw new Error(typeof json.error === "string" ? json.error : `Request failed (${res.status}).`);
  return json as T;
}

/** One card at a time: answer, see why, rate how well you knew it; FSRS schedules the next review. */
export function ReviewSession({ initial, timeZone }: { initial: ReviewQueue; timeZone: string }) {
  const [queue, setQueue] = useState(initial);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [check, setCheck] = useState<ReviewCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(0);
  const [lastDue, setLastDue] = useState<string | null>(null);
  const uid = useId();

  const card = queue.card;
  if (!card) {
    return (
      <div className="card p-8 text-center" data-testid="review-empty">
        <p className="text-lg font-semibold text-slate-900 dark:text-white">
          {reviewed > 0 ? `Done: ${reviewed} ${reviewed === 1 ? "card" : "cards"} reviewed.` : "Nothing to review right now."}
        </p>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {queue.nextDueAt
            ? `Your next card is due ${formatDateTime(queue.nextDueAt, timeZone)}.`
            : "Questions you miss in quizzes come back here, spaced out so they stick."}
        </p>
        <Link href="/dashboard" className="btn-secondary mt-6">
          Back to the dashboard
        </Link>
      </div>
    );
  }

  const response = draftToResponse(card.question, draft);

  async function onCheck() {
    if (!card || !response) return;
    setBusy(true);
    setError(null);
    try {
      setCheck(await postJson<ReviewCheck>(`/api/review/${card.id}/check`, { response }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function onRate(rating: 1 | 2 | 3 | 4) {
    if (!card || !response) return;
    setBusy(true);
    setError(null);
    try {
      const rated = await postJson<{ due: string }>(`/api/review/${card.id}/rate`, { rating, response });
      setLastDue(rated.due);
      setReviewed((n) => n + 1);
      const next = await fetch("/api/review").then((r) => r.json() as Promise<ReviewQueue>);
      setQueue(next);
      announceDueCount(next.dueCount);
      setDraft(undefined);
      setCheck(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="review-progress">
        {queue.dueCount} {queue.dueCount === 1 ? "card" : "cards"} due · from Day {card.day}
        {lastDue ? ` · last card next due ${formatDateTime(lastDue, timeZone)}` : ""}
      </p>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {error}
        </p>
      ) : null}
      {check ? (
        <>
          <AttemptReview questions={[check.review]} />
          <section aria-labelledby={`${uid}-rate`} className="card p-5">
            <h2 id={`${uid}-rate`} className="font-semibold text-slate-900 dark:text-white">
              How well did you know it?
            </h2>
            <div className="mt-4 grid gap-2 sm:grid-cols-4">
              {RATINGS.map((r) => (
                <button
                  key={r.value}
                  type="button"
                  disabled={busy}
                  onClick={() => onRate(r.value)}
                  className={r.value === check.suggestedRating ? "btn-primary flex-col py-3" : "btn-secondary flex-col py-3"}
                  aria-label={`${r.label}: next review ${formatDateTime(check.nextDue[r.key], timeZone)}`}
                >
                  <span>{r.label}</span>
                  <span className="text-xs font-normal opacity-80">{r.hint}</span>
                  <span className="text-xs font-normal opacity-80">next {formatDateTime(check.nextDue[r.key], timeZone)}</span>
                </button>
              ))}
            </div>
          </section>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onCheck();
          }}
          className="space-y-4"
        >
          <QuestionFieldset
            question={card.question}
            number={1}
            total={1}
            idPrefix={`${uid}-${card.id}-${card.reps}`}
            draft={draft}
            disabled={busy}
            onChange={(update) => setDraft((current) => update(current))}
          />
          <button type="submit" className="btn-primary" disabled={busy || !response}>
            Check answer
          </button>
        </form>
      )}
    </div>
  );
}
