import type { ReactNode } from "react";

/*
 * Building blocks for lesson MDX. All are server-compatible: no hooks, no state, no "use client".
 * Text blocks keep a 65–75ch measure; figures, tables and widgets may use the full column.
 */

/** The reading measure shared by prose blocks. */
export const MEASURE = "max-w-[70ch]";

function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

export type CalloutType = "note" | "tip" | "warning" | "misconception";

const CALLOUT_STYLES: Record<CalloutType, { label: string; icon: string; box: string; heading: string }> = {
  note: {
    label: "Note",
    icon: "i",
    box: "border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40",
    heading: "text-sky-900 dark:text-sky-200",
  },
  tip: {
    label: "Tip",
    icon: "✓",
    box: "border-emerald-500 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40",
    heading: "text-emerald-900 dark:text-emerald-200",
  },
  warning: {
    label: "Warning",
    icon: "!",
    box: "border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40",
    heading: "text-amber-900 dark:text-amber-200",
  },
  misconception: {
    label: "Misconception",
    icon: "✗",
    box: "border-rose-500 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/40",
    heading: "text-rose-900 dark:text-rose-200",
  },
};

export interface CalloutProps {
  type?: CalloutType;
  /** Shown after the type label, e.g. "Misconception: AZs fail over by themselves". */
  title?: string;
  children?: ReactNode;
}

/** A boxed aside: note, tip, warning or misconception. */
export function Callout({ type = "note", title, children }: CalloutProps) {
  const style = CALLOUT_STYLES[type] ?? CALLOUT_STYLES.note;
  const heading = title ? `${style.label}: ${title}` : style.label;
  return (
    <aside
      role="note"
      aria-label={heading}
      className={cx(MEASURE, "my-6 rounded-r-lg border-l-4 px-5 py-4", style.box)}
    >
      <p className={cx("m-0 flex items-center gap-2 text-sm font-semibold tracking-wide", style.heading)}>
        <span
          aria-hidden="true"
          className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border border-current text-xs"
        >
          {style.icon}
        </span>
        {heading}
      </p>
      <div className="mt-2 text-[0.975rem] text-slate-700 dark:text-slate-300 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0 [&_p]:my-2">
        {children}
      </div>
    </aside>
  );
}

export interface KeyTermProps {
  children?: ReactNode;
}

/** The defining occurrence of a term (rendered as <dfn>): use it where the term is first explained. */
export function KeyTerm({ children }: KeyTermProps) {
  return (
    <dfn className="font-semibold not-italic text-indigo-700 decoration-indigo-300 underline-offset-4 dark:text-indigo-300 dark:decoration-indigo-700">
      {children}
    </dfn>
  );
}

export interface ObjectivesProps {
  /** Objectives as strings (e.g. from the lesson frontmatter); or pass a markdown list as children. */
  items?: string[];
  title?: string;
  children?: ReactNode;
}

/** "By the end of this lesson you can…" box. The lesson page can render it from frontmatter `objectives`. */
export function Objectives({ items, title = "By the end of this lesson you can", children }: ObjectivesProps) {
  return (
    <section
      aria-label="Learning objectives"
      className={cx(
        MEASURE,
        "my-6 rounded-xl border border-indigo-200 bg-indigo-50/60 px-5 py-4 dark:border-indigo-900 dark:bg-indigo-950/30",
      )}
    >
      <p className="m-0 text-sm font-semibold uppercase tracking-wider text-indigo-800 dark:text-indigo-300">{title}</p>
      {items ? (
        <ul className="mt-3 list-none space-y-2 p-0">
          {items.map((item) => (
            <li key={item} className="flex gap-2 text-slate-700 dark:text-slate-300">
              <span aria-hidden="true" className="text-indigo-500 dark:text-indigo-400">
                ◆
              </span>
              <span>{item}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-2 [&>*:last-child]:mb-0">{children}</div>
      )}
    </section>
  );
}

export interface FigureProps {
  caption?: ReactNode;
  children?: ReactNode;
}

/** A figure (diagram, image, code) with an optional caption. */
export function Figure({ caption, children }: FigureProps) {
  return (
    <figure className="my-8">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900/60">
        {children}
      </div>
      {caption ? (
        <figcaption className={cx(MEASURE, "mt-3 text-sm leading-6 text-slate-600 dark:text-slate-400")}>
          {caption}
        </figcaption>
      ) : null}
    </figure>
  );
}

export interface TableProps {
  caption?: string;
  /** Column headings. */
  head: string[];
  /** Rows of cells; the first cell of each row is treated as a row header. */
  rows: ReactNode[][];
}

/**
 * A data table written as props, so lessons do not depend on GFM table syntax:
 * `<Table caption="…" head={["A", "B"]} rows={[["a1", "b1"]]} />`.
 */
export function Table({ caption, head, rows }: TableProps) {
  return (
    <div className="my-6 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full border-collapse text-left text-sm">
        {caption ? (
          <caption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-left text-sm font-medium text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
            {caption}
          </caption>
        ) : null}
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {head.map((h) => (
              <th
                key={h}
                scope="col"
                className="border-b border-slate-200 px-4 py-2 font-semibold text-slate-900 dark:border-slate-800 dark:text-slate-100"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="even:bg-slate-50/60 dark:even:bg-slate-900/40">
              {row.map((cell, c) =>
                c === 0 ? (
                  <th
                    key={c}
                    scope="row"
                    className="border-t border-slate-200 px-4 py-2 align-top font-medium text-slate-900 dark:border-slate-800 dark:text-slate-100"
                  >
                    {cell}
                  </th>
                ) : (
                  <td
                    key={c}
                    className="border-t border-slate-200 px-4 py-2 align-top text-slate-700 dark:border-slate-800 dark:text-slate-300"
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ChallengeProps {
  /** Challenge number shown in the badge. */
  n: number;
  title: string;
  children?: ReactNode;
}

/** One guided exercise in a "Try it" section. */
export function Challenge({ n, title, children }: ChallengeProps) {
  return (
    <section
      aria-label={`Challenge ${n}: ${title}`}
      className={cx(
        MEASURE,
        "my-5 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm dark:border-slate-800 dark:bg-slate-900/60",
      )}
    >
      <p className="m-0 flex items-center gap-3 font-semibold text-slate-900 dark:text-slate-100">
        <span className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm text-white dark:bg-indigo-500">
          {n}
        </span>
        {title}
      </p>
      <div className="mt-2 text-slate-700 dark:text-slate-300 [&>*:last-child]:mb-0 [&_p]:my-2">{children}</div>
    </section>
  );
}

export interface SourcesProps {
  children?: ReactNode;
}

/** Wraps the reference list at the end of a lesson in smaller type. */
export function Sources({ children }: SourcesProps) {
  return (
    <div
      className={cx(
        MEASURE,
        "my-4 border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 [&_li]:my-1.5 [&_p]:text-sm",
      )}
    >
      {children}
    </div>
  );
}
