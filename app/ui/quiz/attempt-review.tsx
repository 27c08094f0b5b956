import type { ReviewOption, ReviewQuestion, ReviewStatus } from "@/lib/quiz/review";
import { InlineText } from "./inline-text";

/**
 * The per-question review of a submitted attempt (data from lib/quiz/review.ts). Server-compatible: no hooks, no
 * client JavaScript. Status is conveyed by text and icon, never colour alone.
 */

export interface AttemptReviewProps {
  questions: ReviewQuestion[];
  /** Who reads it: the learner who made the attempt (the default), or their instructor. */
  perspective?: Perspective;
  /** The section heading; defaults to the perspective's. */
  heading?: string;
}

type Perspective = "learner" | "instructor";

const WORDS: Record<Perspective, { heading: string; choice: string; answer: string; order: string; match: string; configuration: string }> = {
  learner: {
    heading: "Your answers",
    choice: "Your choice",
    answer: "Your answer",
    order: "Your order",
    match: "Your match",
    configuration: "What the simulation did with your configuration: ",
  },
  instructor: {
    heading: "Answers",
    choice: "Their choice",
    answer: "Their answer",
    order: "Their order",
    match: "Their match",
    configuration: "What the simulation did with their configuration: ",
  },
};

type Words = (typeof WORDS)[Perspective];

const STATUS: Record<ReviewStatus, { label: string; icon: string; className: string }> = {
  correct: {
    label: "Correct",
    icon: "✓",
    className: "bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-900/50 dark:text-emerald-200 dark:ring-emerald-800",
  },
  partial: {
    label: "Partially correct",
    icon: "◐",
    className: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/50 dark:text-amber-100 dark:ring-amber-800",
  },
  incorrect: {
    label: "Incorrect",
    icon: "✕",
    className: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900",
  },
};

const BORDER: Record<ReviewStatus, string> = {
  correct: "border-l-emerald-500",
  partial: "border-l-amber-500",
  incorrect: "border-l-red-500",
};

/** Partial credit gives fractional points: two decimals at most. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function StatusBadge({ status }: { status: ReviewStatus }) {
  const s = STATUS[status];
  return (
    <span className={`badge ring-1 ring-inset ${s.className}`} data-status={status}>
      <span aria-hidden="true">{s.icon}</span>
      {s.label}
    </span>
  );
}

function Tag({ tone, children }: { tone: "good" | "bad" | "neutral"; children: React.ReactNode }) {
  const cls =
    tone === "good"
      ? "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900"
      : tone === "bad"
        ? "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900"
        : "bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700";
  return <span className={`badge ring-1 ring-inset ${cls}`}>{children}</span>;
}

/** Options (single, multiple, true-false) with correct / chosen markers and each option's explanation. */
function OptionList({ options, words }: { options: ReviewOption[]; words: Words }) {
  return (
    <ul className="space-y-2">
      {options.map((o) => {
        const icon = o.correct ? "✓" : o.chosen ? "✕" : "○";
        return (
          <li
            key={o.id}
            className={`rounded-lg border px-3 py-2.5 ${
              o.correct
                ? "border-emerald-300 bg-emerald-50/60 dark:border-emerald-800 dark:bg-emerald-950/30"
                : o.chosen
                  ? "border-red-300 bg-red-50/60 dark:border-red-900 dark:bg-red-950/30"
                  : "border-slate-200 dark:border-slate-700"
            }`}
          >
            <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
              <span aria-hidden="true" className="mt-0.5 w-4 shrink-0 text-center font-semibold">
                {icon}
              </span>
              <span className="min-w-0 flex-1 font-medium text-slate-900 dark:text-slate-100">
                <InlineText text={o.text} />
              </span>
              <span className="flex flex-wrap gap-1">
                {o.chosen ? <Tag tone={o.correct ? "good" : "bad"}>{words.choice}</Tag> : null}
                {o.correct ? <Tag tone="good">Correct answer</Tag> : null}
              </span>
            </div>
            <p className="mt-1 pl-7 text-sm text-slate-600 dark:text-slate-400">
              <InlineText text={o.explanation} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function AnswerSummary({ q, words }: { q: ReviewQuestion; words: Words }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
      <dt className="font-semibold text-slate-700 dark:text-slate-300">{words.answer}</dt>
      <dd className={q.answered ? "text-slate-900 dark:text-slate-100" : "text-slate-500 italic dark:text-slate-400"}>
        <InlineText text={q.responseText} />
      </dd>
      <dt className="font-semibold text-slate-700 dark:text-slate-300">Correct answer</dt>
      <dd className="text-slate-900 dark:text-slate-100">
        <InlineText text={q.correctAnswerText} />
      </dd>
    </dl>
  );
}

function Details({ q, words }: { q: ReviewQuestion; words: Words }) {
  switch (q.type) {
    case "sim-config":
      return (
        <div className="space-y-2 text-sm">
          <p className="rounded-lg border border-slate-200 p-3 text-slate-800 dark:border-slate-700 dark:text-slate-200" data-testid="sim-outcome">
            <span className="font-semibold">{words.configuration}</span>
            {q.outcome}
          </p>
          <p className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-3 text-slate-800 dark:border-emerald-900 dark:bg-emerald-950/30 dark:text-slate-200">
            <span className="font-semibold">A configuration with full marks: </span>
            {q.best}
          </p>
        </div>
      );
    case "single":
    case "multiple":
    case "true-false":
      return <OptionList options={q.options} words={words} />;
    case "numeric":
      return <AnswerSummary q={q} words={words} />;
    case "ordering":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h4 className="text-sm font-semibold text-slate-700 dark:text-slate-300">{words.order}</h4>
            {q.learnerOrder ? (
              <ol className="mt-1 space-y-1 text-sm">
                {q.learnerOrder.map((item, i) => (
                  <li key={item.id} className="flex gap-2">
                    <span aria-hidden="true" className="w-4 shrink-0 text-center">
                      {item.inPlace ? "✓" : "✕"}
                    </span>
                    <span className="tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                    <span className="text-slate-900 dark:text-slate-100">
                      <InlineText text={item.text} />
                      <span className="sr-only">{item.inPlace ? " (in the right place)" : " (out of place)"}</span>
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-1 text-sm text-slate-500 italic dark:text-slate-400">No answer</p>
            )}
          </div>
          <div>
            <h4 className="text-sm font-semibold text-slate-700 dark:text-slate-300">Correct order</h4>
            <ol className="mt-1 space-y-1 text-sm">
              {q.correctOrder.map((item, i) => (
                <li key={item.id} className="flex gap-2">
                  <span className="tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                  <span className="text-slate-900 dark:text-slate-100">
                    <InlineText text={item.text} />
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      );
    case "matching":
      return (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[18rem] text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
                <th scope="col" className="py-1.5 pr-3 font-semibold">Item</th>
                <th scope="col" className="py-1.5 pr-3 font-semibold">{words.match}</th>
                <th scope="col" className="py-1.5 font-semibold">Correct match</th>
              </tr>
            </thead>
            <tbody>
              {q.pairs.map((p) => (
                <tr key={p.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                  <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900 dark:text-slate-100">
                    <InlineText text={p.text} />
                  </th>
                  <td className="py-1.5 pr-3">
                    <span aria-hidden="true" className="mr-1">
                      {p.correct ? "✓" : "✕"}
                    </span>
                    <span className="sr-only">{p.correct ? "Correct: " : "Incorrect: "}</span>
                    {p.chosen ? (
                      <InlineText text={p.chosen.text} />
                    ) : (
                      <span className="text-slate-500 italic dark:text-slate-400">None</span>
                    )}
                  </td>
                  <td className="py-1.5 text-slate-900 dark:text-slate-100">
                    <InlineText text={p.correctChoice.text} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function AttemptReview({ questions, perspective = "learner", heading }: AttemptReviewProps) {
  const total = questions.length;
  const words = WORDS[perspective];
  return (
    <section aria-labelledby="attempt-review-heading">
      <h2 id="attempt-review-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
        {heading ?? words.heading}
      </h2>
      <ol className="mt-4 space-y-6">
        {questions.map((q) => (
          <li key={q.id}>
            <article
              data-testid="review-question"
              data-status={q.status}
              aria-labelledby={`review-${q.id}-title`}
              className={`card border-l-4 p-4 sm:p-6 ${BORDER[q.status]}`}
            >
              <header className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-300">
                  Question {q.number} of {total}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={q.status} />
                  <span className="text-sm font-medium tabular-nums text-slate-700 dark:text-slate-300">
                    {formatPoints(q.points)} / {formatPoints(q.maxPoints)} {q.maxPoints === 1 ? "point" : "points"}
                  </span>
                </div>
              </header>
              <h3 id={`review-${q.id}-title`} className="mt-2 text-base font-medium text-slate-900 dark:text-slate-100">
                <InlineText text={q.prompt} />
              </h3>
              {q.type !== "numeric" ? (
                <div className="mt-3">
                  <AnswerSummary q={q} words={words} />
                </div>
              ) : null}
              <div className="mt-4">
                <Details q={q} words={words} />
              </div>
              <div className="mt-4 rounded-lg bg-slate-50 p-3 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
                <p className="font-semibold text-slate-900 dark:text-slate-100">Explanation</p>
                <p className="mt-1">
                  <InlineText text={q.explanation} />
                </p>
              </div>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
