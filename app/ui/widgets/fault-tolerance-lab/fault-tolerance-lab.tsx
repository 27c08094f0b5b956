"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SettingsFieldset } from "../kit/fields";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass, fieldClass, labelClass } from "../kit/styles";
import { TopologyView } from "../kit/topology-view";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  AZS,
  CAUSE_LABELS,
  CHECK_INTERVALS_MS,
  CLIENT_TIMEOUT_MS,
  DEFAULT_CONFIG,
  DEMAND_RPS,
  FAILURE_CAUSES,
  INSTANCE_CAPACITY_RPS,
  INSTANCE_COST_PER_HOUR,
  REDUNDANCY,
  RUN_MS,
  UNHEALTHY_THRESHOLDS,
  crashInstance,
  createLab,
  failAz,
  formatPct,
  formatSeconds,
  statusMessage,
  viewLab,
  worstDetectionMs,
  type LabConfig,
  type LabHandle,
  type LabView,
  type Redundancy,
} from "./model";

export interface FaultToleranceLabProps {
  /** Starting redundancy: "3", "4", "5" or "6" instances. Default "3". */
  redundancy?: Redundancy;
  seed?: number;
}

/** A dot crosses an edge in 10 simulated seconds: one real second at 1× (the run plays 10 s a second). */
const DOT_TRAVEL_MS = 10_000;
/** Fixed, so the number of dots per edge compares across redundancy options: 80 requests/s ≈ 8 dots. */
const REQUESTS_PER_DOT = 100;

export function FaultToleranceLab(props: FaultToleranceLabProps) {
  const { config, update, controls } = useConfiguredSimulation<LabConfig, LabHandle, LabView>({
    initialConfig: () => ({ ...DEFAULT_CONFIG, redundancy: props.redundancy ?? DEFAULT_CONFIG.redundancy }),
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 10_000,
    stepMs: 5_000,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const t = v.totals;
  const n = v.targets.length;
  const seconds = v.series.arrived.map((_, i) => i + 1);
  const failedPerSec = v.series.arrived.map((_, i) => FAILURE_CAUSES.reduce((sum, c) => sum + (v.series.failed[c][i] ?? 0), 0));
  const causes = FAILURE_CAUSES.filter((c) => t.failedByCause[c] > 0 || c === "target-unreachable" || c === "timeout");
  const azDown = v.targets.filter((x) => x.azId === AZS[0]).every((x) => !x.up);

  return (
    <WidgetFrame
      name="FaultToleranceLab"
      title="Fault-tolerance lab: break an instance, lose an AZ"
      intro={
        <p>
          A web tier in three AZs serves {DEMAND_RPS} requests a second behind a load balancer with health checks. Each
          instance handles about {INSTANCE_CAPACITY_RPS} a second; clients give up after {CLIENT_TIMEOUT_MS / 1000} s.
          Press Play, inject a failure, and see which requests fail and why.
        </p>
      }
    >
      <SettingsFieldset legend="Design (changing it starts a fresh run)">
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${uid}-red`} className={labelClass}>
            Redundancy
          </label>
          <select
            id={`${uid}-red`}
            className={`${fieldClass} max-w-full`}
            value={config.redundancy}
            onChange={(e) => update({ redundancy: e.target.value as Redundancy })}
          >
            {(Object.keys(REDUNDANCY) as Redundancy[]).map((r) => (
              <option key={r} value={r}>
                {REDUNDANCY[r].label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex min-w-0 flex-col gap-0.5">
            <label htmlFor={`${uid}-int`} className={labelClass}>
              Health check every
            </label>
            <select
              id={`${uid}-int`}
              className={`${fieldClass} max-w-full`}
              value={config.checkIntervalMs}
              onChange={(e) => update({ checkIntervalMs: Number(e.target.value) })}
            >
              {CHECK_INTERVALS_MS.map((ms) => (
                <option key={ms} value={ms}>
                  {ms / 1000} s{ms === 30_000 ? " (ALB default)" : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-0 flex-col gap-0.5">
            <label htmlFor={`${uid}-thr`} className={labelClass}>
              Unhealthy after failed checks
            </label>
            <select
              id={`${uid}-thr`}
              className={`${fieldClass} max-w-full`}
              value={config.unhealthyThreshold}
              onChange={(e) => update({ unhealthyThreshold: Number(e.target.value) })}
            >
              {UNHEALTHY_THRESHOLDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                  {k === 2 ? " (ALB default)" : ""}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.retries}
            onChange={(e) => update({ retries: e.target.checked })}
            className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
          />
          <span>Clients retry a fast failure once, on another instance (shown as an estimate)</span>
        </label>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {n} instances cost about ${(n * INSTANCE_COST_PER_HOUR).toFixed(2)} an hour. A dead instance is marked unhealthy at
          most {formatSeconds(worstDetectionMs(config))} after it dies.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={controls.ended || !v.targets[0]?.up}
          onClick={() => controls.act((h) => void crashInstance(h))}
        >
          {`Crash instance ${v.targets[0]?.id ?? ""}`}
        </button>
        <button type="button" className={dangerButtonClass} disabled={controls.ended || azDown} onClick={() => controls.act((h) => void failAz(h))}>
          {`Fail AZ ${AZS[0]}`}
        </button>
      </div>
      <LiveRegion message={statusMessage(config, v, controls.ended)} />

      <TopologyView
        title="Instances behind the load balancer"
        {...v.topology}
        timeMs={controls.nowMs}
        dotTravelMs={DOT_TRAVEL_MS}
        requestsPerDot={REQUESTS_PER_DOT}
        reducedMotion={controls.reducedMotion}
        nodeNoun="instance"
        summary={`Each line carries the requests the load balancer sends that instance; about ${INSTANCE_CAPACITY_RPS} a second is one instance's capacity.`}
      />

      <MetricGrid label="Results">
        <MetricTile
          label="Availability (requests)"
          value={formatPct(v.availability)}
          tone={v.availability === null ? "neutral" : v.availability >= 0.999 ? "good" : "bad"}
          detail={config.retries ? `≈ ${formatPct(v.availabilityWithRetry)} with one retry` : `${t.completed.toLocaleString("en-US")} served`}
        />
        <MetricTile
          label="Failed requests"
          value={t.failed.toLocaleString("en-US")}
          tone={t.failed > 0 ? "bad" : "good"}
          detail={config.retries && v.failedWithRetry !== null ? `≈ ${Math.round(v.failedWithRetry).toLocaleString("en-US")} after retries` : "no retries"}
        />
        <MetricTile
          label="Failed while undetected"
          value={t.failedByCause["target-unreachable"].toLocaleString("en-US")}
          detail={
            v.detections.length === 0
              ? "no failure yet"
              : v.detections.every((d) => d.unhealthyAtMs !== null)
                ? `detected after ${formatSeconds(Math.max(...v.detections.map((d) => (d.unhealthyAtMs as number) - d.downAtMs)))}`
                : "still undetected"
          }
        />
        <MetricTile label="p99 latency" value={t.latency ? `${Math.round(t.latency.p99Ms)} ms` : "—"} detail={`throughput ${Math.round(t.throughputPerSec)}/s`} />
      </MetricGrid>

      <div className="min-w-0">
        <p className="text-sm font-semibold">Failed requests by cause</p>
        <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          {causes.map((c) => (
            <div key={c} className="flex justify-between gap-2 border-b border-slate-200 py-0.5 dark:border-slate-700">
              <dt>{CAUSE_LABELS[c]}</dt>
              <dd className="tabular-nums">{t.failedByCause[c].toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      </div>

      <Chart
        title="Requests per second"
        summary="Served and failed requests in each second of the run."
        x={seconds}
        xLabel="second"
        yLabel="requests"
        formatX={(s) => `${s} s`}
        xDomain={[1, RUN_MS / 1000]}
        yMax={DEMAND_RPS * 1.5}
        series={[
          { id: "served", label: "Served", values: v.series.completed, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "failed", label: "Failed", values: failedPerSec, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="Instances the load balancer counts healthy"
        summary="At the end of each second: how many instances receive traffic. A dead instance stays in this count until its health checks fail."
        x={seconds}
        xLabel="second"
        yLabel="instances"
        formatX={(s) => `${s} s`}
        xDomain={[1, RUN_MS / 1000]}
        yMax={Math.max(n, 1)}
        series={[{ id: "healthy", label: "Healthy instances", values: v.series.healthyTargets, colorClass: "stroke-emerald-600 dark:stroke-emerald-400", step: true }]}
      />
    </WidgetFrame>
  );
}
