"use client";

import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CompletionPoint, ScorePoint } from "@/lib/services/progress";
import { formatDateTime } from "@/lib/time/calendar";

const axis = { stroke: "currentColor", fontSize: 12 };
/** A calendar date ("2026-11-22", already in the learner's zone) as "Nov 22". */
const calendarDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
const DAY_MS = 86_400_000;

/**
 * Progress over time and score history. Each chart can be switched to a table, which is also what screen readers
 * get (the SVG is hidden from them), so the data never depends on seeing the chart.
 */
export function HistoryCharts(props: { scores: ScorePoint[]; completions: CompletionPoint[]; timeZone: string }) {
  const { scores, completions, timeZone } = props;
  const times = scores.map((s) => Date.parse(s.submittedAt));
  // Scores from one or two days would repeat the same date on every tick: label those ticks with the time of day.
  const withinTwoDays = times.length > 0 && Math.max(...times) - Math.min(...times) < 2 * DAY_MS;
  const scoreTick = (t: number) =>
    new Date(t).toLocaleString("en", withinTwoDays ? { hour: "numeric", minute: "2-digit", timeZone } : { month: "short", day: "numeric", timeZone });
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
                <th scope="col" className="py-1 font-medium">Date</th>
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
            <XAxis dataKey="date" tick={axis} tickFormatter={calendarDate} />
            <YAxis allowDecimals={false} domain={[0, 30]} tick={axis} />
            <Tooltip labelFormatter={(v) => calendarDate(String(v))} />
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
                <th scope="col" className="py-1 font-medium">Submitted</th>
                <th scope="col" className="py-1 font-medium">Day</th>
                <th scope="col" className="py-1 font-medium">Score</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={s.attemptId}>
                  <td className="py-1">{formatDateTime(s.submittedAt, timeZone)}</td>
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
            <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tick={axis} tickFormatter={(t) => scoreTick(Number(t))} />
            <YAxis dataKey="percent" domain={[0, 100]} tick={axis} unit="%" />
            <Tooltip formatter={(v) => `${v}%`} labelFormatter={() => ""} />
            <Scatter data={scores.map((s, i) => ({ ...s, t: times[i] }))} name="Score" fill="oklch(0.62 0.16 245)" />
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
