"use client";

import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CompletionPoint, ScorePoint } from "@/lib/services/progress";

const axis = { stroke: "currentColor", fontSize: 12 };
const shortDate = (iso: string) => new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Progress over time and score history. Each chart can be switched to a table, which is also what screen readers
 * get (the SVG is hidden from them), so the data never depends on seeing the chart.
 */
export function HistoryCharts({ scores, completions }: { scores: ScorePoint[]; completions: CompletionPoint[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard
        title="Days completed over time"
        empty="Complete a day to start this chart."
        hasData={completions.length > 0}
        table={
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Days completed by date</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 font-medium">Date (UTC)</th>
                <th scope="col" className="py-1 font-medium">Days completed</th>
              </tr>
            </thead>
            <tbody>
              {completions.map((c) => (
                <tr key={c.date}>
                  <td className="py-1">{c.date}</td>
                  <td className="py-1 tabular-nums">{c.daysCompleted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        chart={
          <LineChart accessibilityLayer={false} data={completions} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.2} />
            <XAxis dataKey="date" tick={axis} tickFormatter={shortDate} />
            <YAxis allowDecimals={false} domain={[0, 30]} tick={axis} />
            <Tooltip labelFormatter={(v) => shortDate(String(v))} />
            <Line type="stepAfter" dataKey="daysCompleted" name="Days completed" stroke="oklch(0.62 0.16 245)" strokeWidth={2} dot />
          </LineChart>
        }
      />
      <ChartCard
        title="Quiz scores"
        empty="Submit a quiz to see your scores here."
        hasData={scores.length > 0}
        table={
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Quiz scores by attempt</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 font-medium">Submitted (UTC)</th>
                <th scope="col" className="py-1 font-medium">Day</th>
                <th scope="col" className="py-1 font-medium">Score</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.attemptId}>
                  <td className="py-1">{s.submittedAt.slice(0, 16).replace("T", " ")}</td>
                  <td className="py-1 tabular-nums">{s.day}</td>
                  <td className="py-1 tabular-nums">{s.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        chart={
          <ScatterChart accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.2} />
            <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tick={axis} tickFormatter={(t) => shortDate(new Date(Number(t)).toISOString())} />
            <YAxis dataKey="percent" domain={[0, 100]} tick={axis} unit="%" />
            <Tooltip formatter={(v) => `${v}%`} labelFormatter={() => ""} />
            <Scatter data={scores.map((s) => ({ ...s, t: Date.parse(s.submittedAt) }))} name="Score" fill="oklch(0.62 0.16 245)" />
          </ScatterChart>
        }
      />
    </div>
  );
}

function ChartCard(props: { title: string; empty: string; hasData: boolean; chart: React.ReactElement; table: React.ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="card min-w-0 p-5" aria-label={props.title}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-slate-900 dark:text-white">{props.title}</h3>
        {props.hasData ? (
          <button type="button" className="text-sm font-medium text-brand-700 underline dark:text-brand-300" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? "Show chart" : "Show table"}
          </button>
        ) : null}
      </div>
      {!props.hasData ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">{props.empty}</p>
      ) : asTable ? (
        <div className="mt-4 max-h-64 overflow-auto">{props.table}</div>
      ) : (
        <>
          <div className="mt-4 h-56 text-slate-500 dark:text-slate-400" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              {props.chart}
            </ResponsiveContainer>
          </div>
          <div className="sr-only">{props.table}</div>
        </>
      )}
    </section>
  );
}
