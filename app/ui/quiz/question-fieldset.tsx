"use client";

import { useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/lib/quiz/public";
import { isAnswered, moveItem, parseDecimal, type Draft } from "./drafts";
import { InlineText } from "./inline-text";

/** One question's fieldset with the input for its type; shared by the quiz runner and the review session. */

type Q<T extends PublicQuestion["type"]> = Extract<PublicQuestion, { type: T }>;

const pointsLabel = (points: number) => `${points} ${points === 1 ? "point" : "points"}`;

export interface FieldsetProps<T extends PublicQuestion = PublicQuestion> {
  question: T;
  number: number;
  total: number;
  idPrefix: string;
  draft: Draft | undefined;
  disabled: boolean;
  onChange: (update: (current: Draft | undefined) => Draft | undefined) => void;
}

export function QuestionFieldset(props: FieldsetProps) {
  const { question: q, number, total, idPrefix, disabled } = props;
  const answered = isAnswered(q, props.draft);
  return (
    <fieldset
      id={idPrefix}
      disabled={disabled}
      className="card min-w-0 p-4 sm:p-6"
      data-testid="quiz-question"
      data-answered={answered ? "true" : "false"}
    >
      {/* Floated, so a long prompt sits inside the card instead of straddling its top border. */}
      <legend className="float-left w-full">
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
        <p className="clear-both pt-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">✓ </span>Answered
        </p>
      ) : null}
      <div className="clear-both pt-4">
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
    case "sim-config":
      return <SimConfigInput {...props} question={q} />;
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

/** A configuration the server will run: one select per field. */
function SimConfigInput({ question: q, idPrefix, draft, onChange }: FieldsetProps<Q<"sim-config">>) {
  const values = draft?.type === "sim-config" ? draft.values : {};
  const choose = (name: string, value: string) =>
    onChange((current) => {
      const next = { ...(current?.type === "sim-config" ? current.values : {}) };
      if (value === "") delete next[name];
      else next[name] = value;
      return Object.keys(next).length > 0 ? { type: "sim-config", values: next } : undefined;
    });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Choose a configuration. When you submit, the server runs the simulation with it and grades what happens.
      </p>
      {q.fields.map((f) => {
        const selectId = `${idPrefix}-${f.name}`;
        return (
          <div key={f.name} className="grid gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
            <label htmlFor={selectId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
              {f.label}
            </label>
            <select
              id={selectId}
              value={values[f.name] ?? ""}
              onChange={(e) => choose(f.name, e.currentTarget.value)}
              className="field-input mt-0"
            >
              <option value="">Choose…</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
