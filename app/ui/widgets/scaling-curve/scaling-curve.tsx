"use client";

import { useCallback, useId, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { fieldClass, labelClass } from "../kit/styles";
import { useSimulation } from "../kit/use-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  LB_PRICE_PER_HOUR,
  MAX_VERTICAL_WORKERS,
  PRICE_PER_WORKER_HOUR,
  RUN_MS,
  WORKER_STEPS,
  WORKLOADS,
  X1_PER_SEC,
  amdahlSpeedup,
  bestMeasured,
  cheapestMeeting,
  createScaling,
  GOOD_FIT,
  fitError,
  uslCapacity,
  uslPeak,
  viewScaling,
  type Measurement,
  type ScalingView,
  type WorkloadId,
} from "./model";

export interface ScalingCurveProps {
  /** The workload under test: "stateless", "shared-lock" or "chatty". */
  workload?: WorkloadId;
  seed?: number;
}

interface ModelParams {
  sigma: number;
  kappa: number;
}

const usd = (v: number) => `$${v.toFixed(2)}`;

function describeChoice(m: Measurement | null, mode: "vertical" | "horizontal"): string {
  if (!m) return mode === "vertical" ? `not reachable (largest instance: ${MAX_VERTICAL_WORKERS} workers)` : "not reachable with up to 64 workers";
  return mode === "vertical"
    ? `1 instance × ${m.workers} workers, ${usd(m.pricePerHour)}/h`
    : `${m.workers} instances + LB, ${usd(m.pricePerHour)}/h`;
}

/** The announced summary: what the run found, and how well the learner's curve fits it. */
export function scalingStatus(
  v: ScalingView,
  params: ModelParams,
  workloadId: WorkloadId,
  ended: boolean,
  targetPerSec: number,
  playing = false,
): string {
  const w = WORKLOADS[workloadId];
  if (v.nowMs === 0) {
    return `Ready: ${w.label}. Press Play to measure the throughput of 1 to 64 workers, each run offered more requests than it can serve.`;
  }
  const fit = fitError(v.horizontal, params.sigma, params.kappa);
  const fitText =
    fit === null
      ? ""
      : ` Your USL curve (σ ${params.sigma.toFixed(3)}, κ ${params.kappa.toFixed(4)}) is off by ${formatPercent(fit, 0)} on average${fit < GOOD_FIT ? ": a good fit" : ""}.`;
  // While playing the points move every frame: announce the phase only, not a fit error that changes each frame.
  if (playing) return "Measuring: the points sharpen as each run serves more requests.";
  if (!ended) return `Paused while measuring.${fitText}`;
  const best = bestMeasured(v.horizontal);
  const h = cheapestMeeting(v.horizontal, targetPerSec);
  const vert = cheapestMeeting(v.vertical, targetPerSec);
  return (
    `Measured: throughput peaks at ${formatNumber(best?.throughputPerSec ?? 0)} requests/s with ${best?.workers ?? "—"} workers.` +
    ` For ${targetPerSec} requests/s: vertical ${describeChoice(vert, "vertical")}; horizontal ${describeChoice(h, "horizontal")}.` +
    fitText
  );
}

export function ScalingCurve(props: ScalingCurveProps) {
  const [workload, setWorkload] = useState<WorkloadId>(props.workload ?? "chatty");
  const [params, setParams] = useState<ModelParams>({ sigma: 0.05, kappa: 0 });
  const [reveal, setReveal] = useState(false);
  const [target, setTarget] = useState(150);
  const create = useCallback((seed: number) => createScaling(workload, seed), [workload]);
  const controls = useSimulation({ create, view: viewScaling, seed: props.seed, simMsPerSecond: 4_000, stepMs: 2_000, endMs: RUN_MS });
  const v = controls.view;
  const uid = useId();
  const w = WORKLOADS[workload];

  const x = [...WORKER_STEPS];
  const measured = (ms: Measurement[]) => {
    const out: number[] = [];
    for (const m of ms) {
      if (m.throughputPerSec === null) break;
      out.push(m.throughputPerSec);
    }
    return out;
  };
  const horizontal = measured(v.horizontal);
  const vertical = measured(v.vertical);
  const amdahl = x.map((n) => X1_PER_SEC * amdahlSpeedup(n, params.sigma));
  const usl = x.map((n) => X1_PER_SEC * uslCapacity(n, params.sigma, params.kappa));
  const linearRaw = x.map((n) => n * X1_PER_SEC);
  const yMax = Math.max(100, ...horizontal, ...vertical, ...usl, ...amdahl.filter((_, i) => (x[i] as number) <= 16)) * 1.1;
  const clipped = linearRaw.some((y) => y > yMax);
  const linear = linearRaw.map((y) => Math.min(y, yMax));

  const best = bestMeasured(v.horizontal);
  const peak = uslPeak(params.sigma, params.kappa);
  const fit = fitError(v.horizontal, params.sigma, params.kappa);
  const cheapV = cheapestMeeting(v.vertical, target);
  const cheapH = cheapestMeeting(v.horizontal, target);

  return (
    <WidgetFrame
      name="ScalingCurve"
      title="Scaling curve: throughput against resources"
      intro={
        <p>
          Each point is a simulation run: a service with N workers in total — one instance with N workers (vertical)
          or N one-worker instances behind a load balancer (horizontal) — is offered more requests than it can serve,
          and its throughput is measured. Each worker alone serves {X1_PER_SEC} requests/s. The workload&apos;s
          contention and coherency costs are charged as extra work per request. Fit the Amdahl and USL curves to the
          measured points with σ and κ. Prices are illustrative: {usd(PRICE_PER_WORKER_HOUR)} per worker-hour, plus{" "}
          {usd(LB_PRICE_PER_HOUR)}/h for the load balancer.
        </p>
      }
    >
      <SettingsFieldset legend="System under test (changing it starts fresh runs)">
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${uid}-workload`} className={labelClass}>
            Workload
          </label>
          <select
            id={`${uid}-workload`}
            className={fieldClass}
            value={workload}
            onChange={(e) => setWorkload(e.target.value as WorkloadId)}
          >
            {(Object.keys(WORKLOADS) as WorkloadId[]).map((id) => (
              <option key={id} value={id}>
                {WORKLOADS[id].label}
              </option>
            ))}
          </select>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {w.description}.{" "}
            {reveal ? (
              <>
                True parameters: σ = {w.sigma}, κ = {w.kappa}.
              </>
            ) : null}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={reveal}
            onChange={(e) => setReveal(e.target.checked)}
            className="size-4 accent-sky-700 dark:accent-sky-400"
          />
          Reveal the workload&apos;s true σ and κ
        </label>
      </SettingsFieldset>

      <SettingsFieldset legend="Your model and your goal (no re-run needed)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <RangeField
            id={`${uid}-sigma`}
            label="Contention σ (serial fraction)"
            display={params.sigma.toFixed(3)}
            value={params.sigma}
            min={0}
            max={0.3}
            step={0.005}
            onChange={(sigma) => setParams((p) => ({ ...p, sigma }))}
          />
          <RangeField
            id={`${uid}-kappa`}
            label="Coherency κ"
            display={params.kappa.toFixed(4)}
            value={params.kappa}
            min={0}
            max={0.01}
            step={0.0005}
            onChange={(kappa) => setParams((p) => ({ ...p, kappa }))}
          />
          <RangeField
            id={`${uid}-target`}
            label="Throughput needed"
            display={`${target} requests/s`}
            value={target}
            min={20}
            max={800}
            step={10}
            onChange={setTarget}
          />
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={scalingStatus(v, params, workload, controls.ended, target, controls.playing)} />

      <MetricGrid label="Scaling results">
        <MetricTile
          label="Peak measured"
          value={best?.throughputPerSec == null ? "—" : `${formatNumber(best.throughputPerSec)}/s`}
          detail={best ? `at ${best.workers} workers, efficiency ${formatPercent(best.efficiency, 0)}` : "press Play"}
        />
        <MetricTile
          label="Your USL peak N*"
          value={Number.isFinite(peak) ? formatNumber(peak, 1) : "none"}
          detail={Number.isFinite(peak) ? "√((1 − σ) / κ) workers" : "κ = 0: flattens, never falls"}
        />
        <MetricTile
          label="Fit error"
          value={fit === null ? "—" : formatPercent(fit, 1)}
          tone={fit === null ? "neutral" : fit < GOOD_FIT ? "good" : "bad"}
          detail="RMS, your USL vs measured"
        />
        <MetricTile
          label={`Cheapest for ${target}/s`}
          value={cheapH ? usd(Math.min(cheapH.pricePerHour, cheapV?.pricePerHour ?? Infinity)) + "/h" : "—"}
          detail={`vertical: ${describeChoice(cheapV, "vertical")}; horizontal: ${describeChoice(cheapH, "horizontal")}`}
        />
      </MetricGrid>

      <Chart
        title="Throughput against workers"
        summary={`Measured throughput of ${w.label} for 1 to 64 workers (vertical up to ${MAX_VERTICAL_WORKERS}), with linear, Amdahl and USL curves for σ ${params.sigma.toFixed(3)} and κ ${params.kappa.toFixed(4)}.`}
        x={x}
        xLabel="workers (N)"
        yLabel="requests/s"
        formatY={(y) => formatNumber(y)}
        yMax={yMax}
        series={[
          { id: "linear", label: clipped ? "Linear (ideal, clipped at the top)" : "Linear (ideal)", values: linear, colorClass: "stroke-slate-400 dark:stroke-slate-500", dash: "dotted" },
          { id: "amdahl", label: `Amdahl (σ ${params.sigma.toFixed(3)})`, values: amdahl, colorClass: "stroke-indigo-600 dark:stroke-indigo-400", dash: "dashed" },
          { id: "usl", label: `USL (σ ${params.sigma.toFixed(3)}, κ ${params.kappa.toFixed(4)})`, values: usl, colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
          { id: "horizontal", label: "Measured: horizontal", values: horizontal, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "vertical", label: `Measured: vertical (≤ ${MAX_VERTICAL_WORKERS})`, values: vertical, colorClass: "stroke-emerald-600 dark:stroke-emerald-400" },
        ]}
      />
    </WidgetFrame>
  );
}
