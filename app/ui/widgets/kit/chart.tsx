"use client";

import { useId, useState } from "react";
import { buttonClass } from "./styles";

export interface ChartSeries {
  id: string;
  label: string;
  /** y value per x (same length as `x`). */
  values: readonly number[];
  /** Stroke colour classes (light and dark). Series also differ by dash pattern, never by colour alone. */
  colorClass: string;
  dash?: "solid" | "dashed" | "dotted";
  /** Draw as a step function (capacity) instead of straight segments. */
  step?: boolean;
}

const DASH = { solid: undefined, dashed: "6 4", dotted: "2 3" } as const;
const VIEW_W = 600;
const VIEW_H = 200;
const TABLE_MAX_ROWS = 60;

/**
 * A small line chart with a "Show table" toggle: the same data as an HTML table for screen readers and anyone who
 * prefers numbers. Axis labels are HTML, so they stay legible when the SVG stretches to a narrow screen.
 */
export function Chart(props: {
  title: string;
  /** One sentence on what the chart shows, read by screen readers. */
  summary: string;
  x: readonly number[];
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  yMax?: number;
  /** Fixed x range (e.g. the whole run), so a growing series fills the chart from left to right. */
  xDomain?: readonly [number, number];
}) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const fx = props.formatX ?? ((v: number) => String(v));
  const fy = props.formatY ?? ((v: number) => String(Math.round(v * 10) / 10));
  const x = props.x;
  const xMin = props.xDomain?.[0] ?? x[0] ?? 0;
  const xMax = props.xDomain?.[1] ?? (x.length > 1 ? (x[x.length - 1] as number) : xMin + 1);
  let yMax = props.yMax ?? 0;
  if (props.yMax === undefined) for (const s of props.series) for (const v of s.values) if (v > yMax) yMax = v;
  if (yMax <= 0) yMax = 1;
  const px = (v: number) => ((v - xMin) / (xMax - xMin || 1)) * VIEW_W;
  const py = (v: number) => VIEW_H - (v / yMax) * VIEW_H;
  const stride = Math.max(1, Math.ceil(x.length / TABLE_MAX_ROWS));

  return (
    <figure aria-labelledby={titleId} className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <figcaption id={titleId} className="text-sm font-semibold">
          {props.title}
        </figcaption>
        <button type="button" className={buttonClass} aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? "Show chart" : "Show table"}
        </button>
      </div>
      {asTable ? (
        <div className="max-h-72 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">
              {props.title}
              {stride > 1 ? ` (every ${ordinal(stride)} sample)` : ""}
            </caption>
            <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {props.xLabel}
                </th>
                {props.series.map((s) => (
                  <th key={s.id} scope="col" className="px-2 py-1">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {x.length === 0 ? (
                <tr className="border-t border-slate-200 dark:border-slate-700">
                  <td colSpan={props.series.length + 1} className="px-2 py-2 text-slate-600 dark:text-slate-400">
                    No samples yet: play or step the simulation to record some.
                  </td>
                </tr>
              ) : null}
              {x.map((xv, i) =>
                i % stride === 0 ? (
                  <tr key={i} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="px-2 py-0.5 font-normal">
                      {fx(xv)}
                    </th>
                    {props.series.map((s) => (
                      <td key={s.id} className="px-2 py-0.5">
                        {s.values[i] === undefined ? "—" : fy(s.values[i] as number)}
                      </td>
                    ))}
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <div className="flex gap-2">
            <div className="flex w-10 shrink-0 flex-col justify-between text-right text-[0.7rem] tabular-nums text-slate-600 dark:text-slate-400">
              <span>{fy(yMax)}</span>
              <span>0</span>
            </div>
            <svg
              role="img"
              aria-label={`${props.title}. ${props.summary}`}
              viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
              preserveAspectRatio="none"
              className="h-44 w-full min-w-0 overflow-visible rounded-sm border-b border-l border-slate-300 dark:border-slate-600"
            >
              {[0.25, 0.5, 0.75].map((f) => (
                <line
                  key={f}
                  x1={0}
                  x2={VIEW_W}
                  y1={VIEW_H * f}
                  y2={VIEW_H * f}
                  className="stroke-slate-200 dark:stroke-slate-700"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
              {props.series.map((s) => (
                <path
                  key={s.id}
                  d={pathFor(x, s, px, py)}
                  fill="none"
                  strokeWidth={2}
                  strokeDasharray={DASH[s.dash ?? "solid"]}
                  vectorEffect="non-scaling-stroke"
                  className={s.colorClass}
                />
              ))}
            </svg>
          </div>
          <div className="ml-12 flex justify-between text-[0.7rem] tabular-nums text-slate-600 dark:text-slate-400">
            <span>{x.length > 0 || props.xDomain ? fx(xMin) : ""}</span>
            <span>{x.length > 1 || props.xDomain ? fx(xMax) : ""}</span>
          </div>
          <ul className="ml-12 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
            {props.series.map((s) => (
              <li key={s.id} className="flex items-center gap-1">
                <svg width="24" height="8" aria-hidden="true">
                  <line
                    x1={0}
                    x2={24}
                    y1={4}
                    y2={4}
                    strokeWidth={2}
                    strokeDasharray={DASH[s.dash ?? "solid"]}
                    className={s.colorClass}
                  />
                </svg>
                {s.label}
              </li>
            ))}
            {/* The axes' names go with the legend: between the end ticks, a name read like a tick missing its number. */}
            <li className="text-slate-600 dark:text-slate-400">
              x: {props.xLabel} · y: {props.yLabel}
            </li>
          </ul>
        </div>
      )}
    </figure>
  );
}

function pathFor(
  x: readonly number[],
  s: ChartSeries,
  px: (v: number) => number,
  py: (v: number) => number,
): string {
  let d = "";
  for (let i = 0; i < s.values.length && i < x.length; i++) {
    const X = px(x[i] as number).toFixed(1);
    const Y = py(s.values[i] as number).toFixed(1);
    if (i === 0) d = `M${X} ${Y}`;
    else d += s.step ? ` H${X} V${Y}` : ` L${X} ${Y}`;
  }
  return d;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
const ordinalRules = new Intl.PluralRules("en", { type: "ordinal" });

/** 2 → "2nd", 3 → "3rd", 11 → "11th". */
function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)] ?? "th"}`;
}
