"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { PublicQuestion } from "@/lib/quiz/public";
import {
  buildResponses,
  isAnswered,
  moveItem,
  parseDecimal,
  sanitizeDrafts,
  type Draft,
  type Drafts,
} from "./drafts";
import { InlineText } from "./inline-text";
import { readStored, removeStored, subscribeStored, writeStored } from "./session-store";

export interface QuizRunnerProps {
  attemptId: string;
  questions: PublicQuestion[];
  quizTitle: string;
  lessonPath: string;
}

type Q<T extends PublicQuestion["type"]> = Extract<PublicQuestion, { type: T }>;

const storageKey = (attemptId: string) => `nimbus:quiz-attempt:${attemptId}`;

function parseJson(raw: string | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

const pointsLabel = (points: number) => `${points} ${points === 1 ? "point" : "points"}`;

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

interface FieldsetProps<T extends PublicQuestion = PublicQuestion> {
  question: T;
  number: number;
  total: number;
  idPrefix: string;
  draft: Draft | undefined;
  disabled: boolean;
  onChange: (update: (current: Draft | undefined) => Draft | undefined) => void;
}

function QuestionFieldset(props: FieldsetProps) {
  const { question: q, number, total, idPrefix, disabled } = props;
  const answered = isAnswered(q, props.draft);
  return (
    <fieldset
      id={idPrefix}
      disabled={disabled}
      className="card min-w-0 scroll-mt-24 p-4 sm:p-6"
      data-testid="quiz-question"
      data-answered={answered ? "true" : "false"}
    >
      <legend className="w-full">
        <span className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-300">
            Question {number} of {total}
          </span>
          <span className="text-xs font-medium text-slate-500 dark:text-slate-400">{pointsLabel(q.points)}</span>
        </span>
        <span className="mt-2 block text-base font-medium text-slate-900 dark:text-slate-100">
          <InlineText text={q.prompt} />
        </span>
      </legend>
      {answered ? (
        <p className="mt-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">✓ </span>Answered
        </p>
      ) : null}
      <div className="mt-4">
        <QuestionInput {...props} />
      </div>
    </fieldset>
  );
}

function QuestionInput(props: FieldsetProps) {
  const q = props.question;
  switch (q.type) {
    case "single":
      return <SingleInput {...props} question={q} />;
    case "multiple":
      return <MultipleInput {...props} question={q} />;
    case "true-false":
      return <TrueFalseInput {...props} question={q} />;
    case "numeric":
      return <NumericInput {...props} question={q} />;
    case "ordering":
      return <OrderingInput {...props} question={q} />;
    case "matching":
      return <MatchingInput {...props} question={q} />;
  }
}

const choiceRow =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 hover:border-brand-400 hover:bg-brand-50/50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 dark:border-slate-700 dark:hover:border-brand-500 dark:hover:bg-slate-800/60 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-brand-900/30";
const checkInput = "mt-0.5 size-4 shrink-0 accent-brand-600 dark:accent-brand-400";

function SingleInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"single">>) {
  const selected = draft?.type === "single" ? draft.optionId : null;
  return (
    <div className="space-y-2">
      {q.options.map((o) => (
        <label key={o.id} htmlFor={`${idPrefix}-${o.id}`} className={choiceRow}>
          <input
            type="radio"
            id={`${idPrefix}-${o.id}`}
            name={idPrefix}
            value={o.id}
            checked={selected === o.id}
            onChange={() => onChange(() => ({ type: "single", optionId: o.id }))}
            className={checkInput}
          />
          <span className="text-slate-800 dark:text-slate-200">
            <InlineText text={o.text} />
          </span>
        </label>
      ))}
    </div>
  );
}

function MultipleInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"multiple">>) {
  const selected = new Set(draft?.type === "multiple" ? draft.optionIds : []);
  const toggle = (id: string, on: boolean) =>
    onChange((current) => {
      const ids = new Set(current?.type === "multiple" ? current.optionIds : []);
      if (on) ids.add(id);
      else ids.delete(id);
      return { type: "multiple", optionIds: q.options.map((o) => o.id).filter((x) => ids.has(x)) };
    });
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">Select all that apply.</p>
      {q.options.map((o) => (
        <label key={o.id} htmlFor={`${idPrefix}-${o.id}`} className={choiceRow}>
          <input
            type="checkbox"
            id={`${idPrefix}-${o.id}`}
            name={`${idPrefix}-${o.id}`}
            checked={selected.has(o.id)}
            onChange={(e) => toggle(o.id, e.currentTarget.checked)}
            className={`${checkInput} rounded`}
          />
          <span className="text-slate-800 dark:text-slate-200">
            <InlineText text={o.text} />
          </span>
        </label>
      ))}
    </div>
  );
}

function TrueFalseInput({ idPrefix, draft, onChange }: FieldsetProps<Q<"true-false">>) {
  const value = draft?.type === "true-false" ? draft.value : null;
  return (
    <div className="grid grid-cols-2 gap-2 sm:max-w-sm">
      {[true, false].map((v) => (
        <label key={String(v)} htmlFor={`${idPrefix}-${v}`} className={choiceRow}>
          <input
            type="radio"
            id={`${idPrefix}-${v}`}
            name={idPrefix}
            value={String(v)}
            checked={value === v}
            onChange={() => onChange(() => ({ type: "true-false", value: v }))}
            className={checkInput}
          />
          <span className="font-medium text-slate-800 dark:text-slate-200">{v ? "True" : "False"}</span>
        </label>
      ))}
    </div>
  );
}

function NumericInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"numeric">>) {
  const text = draft?.type === "numeric" ? draft.text : "";
  const invalid = text.trim() !== "" && parseDecimal(text) === null;
  const inputId = `${idPrefix}-value`;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <div>
      <label htmlFor={inputId} className="field-label">
        Your answer{q.unit ? ` (${q.unit})` : ""}
      </label>
      <div className="mt-1 flex max-w-xs items-center gap-2">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            onChange(() => (next === "" ? undefined : { type: "numeric", text: next }));
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
          className="field-input mt-0 tabular-nums"
        />
        {q.unit ? (
          <span aria-hidden="true" className="text-sm font-medium text-slate-600 dark:text-slate-400">
            {q.unit}
          </span>
        ) : null}
      </div>
      <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        A number; a comma or a point works as the decimal separator.
      </p>
      {invalid ? (
        <p id={errorId} className="field-error">
          Enter a number such as 12.5 or 12,5.
        </p>
      ) : null}
    </div>
  );
}

function OrderingInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"ordering">>) {
  const order = draft?.type === "ordering" ? draft.itemIds : q.items.map((i) => i.id);
  const byId = new Map(q.items.map((i) => [i.id, i]));
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current) {
      buttons.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  function move(id: string, delta: -1 | 1) {
    const index = order.indexOf(id);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= order.length) return;
    const next = moveItem(order, index, delta);
    onChange(() => ({ type: "ordering", itemIds: next }));
    // Keep focus on the button that was pressed, wherever its item went.
    pendingFocus.current = `${id}:${delta === -1 ? "up" : "down"}`;
    setAnnouncement(`“${byId.get(id)?.text ?? id}” moved to position ${target + 1} of ${order.length}.`);
  }

  const setRef = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <div>
      <p id={`${idPrefix}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        The items start shuffled. Use the Up and Down buttons to put them in the right order, first at the top.
      </p>
      <ol className="mt-3 space-y-2" aria-describedby={`${idPrefix}-hint`}>
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          const first = index === 0;
          const last = index === order.length - 1;
          return (
            <li
              key={id}
              className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
            >
              <span
                aria-hidden="true"
                className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-200"
              >
                {index + 1}
              </span>
              <span className="min-w-0 flex-1 text-slate-800 dark:text-slate-200">
                <span className="sr-only">Position {index + 1}: </span>
                <InlineText text={item.text} />
              </span>
              <span className="flex shrink-0 gap-1">
                <button
                  type="button"
                  ref={setRef(`${id}:up`)}
                  aria-label={`Move '${item.text}' up`}
                  aria-disabled={first || undefined}
                  onClick={() => move(id, -1)}
                  className="min-h-9 min-w-9 rounded-md border border-slate-300 px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
                >
                  <span aria-hidden="true">↑</span>
                  <span className="sr-only sm:not-sr-only sm:ml-1">Up</span>
                </button>
                <button
                  type="button"
                  ref={setRef(`${id}:down`)}
                  aria-label={`Move '${item.text}' down`}
                  aria-disabled={last || undefined}
                  onClick={() => move(id, 1)}
                  className="min-h-9 min-w-9 rounded-md border border-slate-300 px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
                >
                  <span aria-hidden="true">↓</span>
                  <span className="sr-only sm:not-sr-only sm:ml-1">Down</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function MatchingInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"matching">>) {
  const matches = draft?.type === "matching" ? draft.matches : {};
  const choose = (pairId: string, choiceId: string) =>
    onChange((current) => {
      const prev = current?.type === "matching" ? current.matches : {};
      const next: Record<string, string | null> = {};
      for (const p of q.pairs) next[p.id] = prev[p.id] ?? null;
      next[pairId] = choiceId === "" ? null : choiceId;
      return Object.values(next).some((v) => v !== null) ? { type: "matching", matches: next } : undefined;
    });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">Choose the match for each item. A choice may fit more than one item, or none.</p>
      {q.pairs.map((p) => {
        const selectId = `${idPrefix}-${p.id}`;
        return (
          <div key={p.id} className="grid gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
            <label htmlFor={selectId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
              <InlineText text={p.text} />
            </label>
            <select
              id={selectId}
              value={matches[p.id] ?? ""}
              onChange={(e) => choose(p.id, e.currentTarget.value)}
              className="field-input mt-0"
            >
              <option value="">Choose…</option>
              {q.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.text}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
