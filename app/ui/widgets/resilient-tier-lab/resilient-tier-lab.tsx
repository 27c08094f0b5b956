"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  ALGORITHMS,
  AZS,
  BASE_RPS,
  BUCKET_MS,
  CHECK_INTERVALS_MS,
  DEFAULT_CONFIG,
  INSTANCE_CAPACITY_RPS,
  MAX_SIZE,
  MINUTE_MS,
  OUTAGE,
  PER_AZ_CHOICES,
  PRICE_PER_INSTANCE_HOUR,
  RUN_MS,
  SCALING_CHOICES,
  SPIKE_EXTRA_RPS,
  TARGETS,
  createTier,
  formatPct,
  statusMessage,
  viewTier,
  worstDetectionMs,
  type TierConfig,
  type TierHandle,
  type TierView,
} from "./model";

export interface ResilientTierLabProps {
  /** Instances per AZ at the start (1–4). Default 1. */
  perAz?: number;
  seed?: number;
}

const BADGE_OK = "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100";
const BADGE_BAD = "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100";
const BADGE_WAIT = "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100";

function Verdict(props: { label: string; ok: boolean; ended: boolean }) {
  const text = props.ended ? (props.ok ? "Pass" : "Fail") : props.ok ? "On track" : "Off track";
  return (
    <li className="flex items-start gap-2">
      <span className={`shrink-0 rounded px-1.5 text-xs font-semibold ${props.ended ? (props.ok ? BADGE_OK : BADGE_BAD) : BADGE_WAIT}`}>{text}</span>
      <span>{props.label}</span>
    </li>
  );
}

export function ResilientTierLab(props: ResilientTierLabProps) {
  const { config, update, controls } = useConfiguredSimulation<TierConfig, TierHandle, TierView>({
    initialConfig: () => ({
      ...DEFAULT_CONFIG,
      perAz: props.perAz !== undefined && (PER_AZ_CHOICES as readonly number[]).includes(props.perAz) ? props.perAz : DEFAULT_CONFIG.perAz,
    }),
    create: createTier,
    view: viewTier,
    seed: props.seed,
    simMsPerSecond: 30_000,
    stepMs: MINUTE_MS,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const t = v.service.totals;
  const minutes = v.service.series.arrived.map((_, i) => ((i + 1) * BUCKET_MS) / MINUTE_MS);
  const perSec = (xs: readonly number[]) => xs.map((x) => x / (BUCKET_MS / 1000));
  const p95Series = v.service.series.latencyP95Ms.map((x) => (x === null ? 0 : Math.min(x, 2_000)));
  const asg = v.group.series;

  return (
    <WidgetFrame
      name="ResilientTierLab"
      title="Resilient tier drill: a spike, then an AZ outage"
      intro={
        <p>
          A web tier in three AZs behind a load balancer, in an Auto Scaling group. The drill: {BASE_RPS} requests/s, a
          3× spike from minute 3 to 12, and {OUTAGE.azId} down from minute {OUTAGE.startMs / MINUTE_MS} to {OUTAGE.endMs / MINUTE_MS}. Each
          instance serves about {INSTANCE_CAPACITY_RPS} requests/s at full CPU and costs ${PRICE_PER_INSTANCE_HOUR.toFixed(2)} an hour
          (illustrative); new instances take 90 s to launch.
        </p>
      }
    >
      <SettingsFieldset legend="Your design (changing it starts a fresh drill)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id={`${uid}-per-az`}
            label="Instances per AZ (also the minimum)"
            value={config.perAz}
            options={PER_AZ_CHOICES.map((k) => ({ value: k, label: `${k} per AZ (${k * 3} instances)` }))}
            onChange={(perAz) => update({ perAz })}
          />
          <SelectField id={`${uid}-algo`} label="Load-balancing algorithm" value={config.algorithm} options={ALGORITHMS} onChange={(algorithm) => update({ algorithm })} />
          <SelectField
            id={`${uid}-scaling`}
            label="Scaling policy"
            value={config.scaling}
            options={SCALING_CHOICES.map((c) => ({ value: c, label: c === "off" ? "Off (fixed size)" : `Target tracking: ${c} % CPU` }))}
            onChange={(scaling) => update({ scaling })}
          />
          <SelectField
            id={`${uid}-check`}
            label="Health check every"
            value={config.checkIntervalMs}
            options={CHECK_INTERVALS_MS.map((ms) => ({
              value: ms,
              label: `${ms / 1000} s${ms === 30_000 ? " (ALB default)" : ""}: dead target out within ${worstDetectionMs(ms) / 1000} s`,
            }))}
            onChange={(checkIntervalMs) => update({ checkIntervalMs })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Targets for the drill: p95 under {TARGETS.p95Ms} ms, availability at least {formatPct(TARGETS.availability, 1)}, under $
          {TARGETS.costPerHour.toFixed(2)} an hour on average. Two failed health checks mark a target unhealthy; scaling goes up to{" "}
          {MAX_SIZE} instances.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, controls.ended)} />

      <div className="grid grid-cols-3 gap-2" role="list" aria-label="Instances by Availability Zone">
        {v.azs.map((az) => (
          <div
            key={az.azId}
            role="listitem"
            className={`min-w-0 rounded-md border p-2 text-xs ${
              az.up ? "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800" : "border-rose-400 bg-rose-50 dark:border-rose-700 dark:bg-rose-950"
            }`}
          >
            <p className="truncate font-semibold">{az.azId}</p>
            <p>{az.up ? "up" : "DOWN"}</p>
            <p className="tabular-nums">{az.inService} in service</p>
            <p className="tabular-nums">{az.pending} launching</p>
            <p className="tabular-nums">{az.healthy} healthy in LB</p>
          </div>
        ))}
      </div>

      <MetricGrid label="Drill results so far">
        <MetricTile
          label="p95 latency"
          value={v.p95Ms === null ? "—" : `${Math.round(v.p95Ms)} ms`}
          tone={v.p95Ms === null ? "neutral" : v.verdict.p95 ? "good" : "bad"}
          detail={`target < ${TARGETS.p95Ms} ms`}
        />
        <MetricTile
          label="Availability"
          value={formatPct(v.availability)}
          tone={v.availability === null ? "neutral" : v.verdict.availability ? "good" : "bad"}
          detail={`${t.failed.toLocaleString("en-US")} failed of ${(t.completed + t.failed).toLocaleString("en-US")}`}
        />
        <MetricTile
          label="Cost per hour"
          value={`$${v.costPerHour.toFixed(2)}`}
          tone={v.verdict.cost ? "good" : "bad"}
          detail={`target < $${TARGETS.costPerHour.toFixed(2)}`}
        />
        <MetricTile label="Instances" value={`${v.group.inService}`} detail={`desired ${v.group.desired}, peak ${v.group.peakInService}`} />
      </MetricGrid>

      <div className="min-w-0">
        <p className="text-sm font-semibold">Verdict {controls.ended ? "" : "(final when the drill ends)"}</p>
        <ul className="mt-1 flex flex-col gap-1 text-sm">
          <Verdict label={`p95 latency under ${TARGETS.p95Ms} ms`} ok={v.verdict.p95} ended={controls.ended} />
          <Verdict label={`Availability at least ${formatPct(TARGETS.availability, 1)}`} ok={v.verdict.availability} ended={controls.ended} />
          <Verdict label={`Average cost under $${TARGETS.costPerHour.toFixed(2)} an hour`} ok={v.verdict.cost} ended={controls.ended} />
        </ul>
      </div>

      <Chart
        title="Requests per second"
        summary={`Served and failed requests per second, averaged over ${BUCKET_MS / 1000}-second intervals.`}
        x={minutes}
        xLabel="minute"
        yLabel="requests/s"
        formatX={(m) => `${m.toFixed(1)} min`}
        xDomain={[0, RUN_MS / MINUTE_MS]}
        yMax={(BASE_RPS + SPIKE_EXTRA_RPS) * 1.2}
        series={[
          { id: "served", label: "Served", values: perSec(v.service.series.completed), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "failed", label: "Failed", values: perSec(v.failedPerBucket), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="p95 latency per interval"
        summary={`The 95th percentile latency of requests completed in each ${BUCKET_MS / 1000}-second interval, capped at 2 000 ms (the client timeout).`}
        x={minutes}
        xLabel="minute"
        yLabel="ms"
        formatX={(m) => `${m.toFixed(1)} min`}
        formatY={(y) => `${Math.round(y)} ms`}
        xDomain={[0, RUN_MS / MINUTE_MS]}
        series={[{ id: "p95", label: "p95", values: p95Series, colorClass: "stroke-violet-600 dark:stroke-violet-400" }]}
      />
      <Chart
        title="Instances in service"
        summary="Instances InService and the group's desired capacity, once a minute."
        x={asg.atMs.map((ms) => ms / MINUTE_MS)}
        xLabel="minute"
        yLabel="instances"
        formatX={(m) => `${m} min`}
        xDomain={[0, RUN_MS / MINUTE_MS]}
        yMax={MAX_SIZE}
        series={[
          { id: "in-service", label: "In service", values: asg.inService, colorClass: "stroke-emerald-600 dark:stroke-emerald-400", step: true },
          { id: "desired", label: "Desired", values: asg.desired, colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed", step: true },
        ]}
      />
      <p className="text-xs text-slate-600 dark:text-slate-300">
        AZs: {AZS.join(", ")}. The load balancer&apos;s own nodes are not failed in this drill. All numbers are illustrative.
      </p>
    </WidgetFrame>
  );
}
