"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BUCKET_MS,
  CLIENT_TIMEOUT_MS,
  CONTAINER_COUNTS,
  CONTAINER_SLOTS,
  DEFAULT_CONFIG,
  DURATIONS_MS,
  INITS,
  LAB_END_MS,
  LIMITS,
  PROVISIONED,
  RATES_PER_SEC,
  SEC_MS,
  SPIKES,
  createServerlessLab,
  effectiveProvisioned,
  fleetCapacityPerSec,
  fleetCostPerHour,
  littleConcurrency,
  statusMessage,
  viewServerlessLab,
  type InitKind,
  type ServerlessConfig,
  type ServerlessHandle,
  type ServerlessView,
  type Spike,
} from "./model";

export interface ServerlessConcurrencyLabProps {
  /** "default": 20 req/s with a ×10 flash sale; "steady": 50 req/s, no spike (for Little's law). */
  preset?: "default" | "steady";
  seed?: number;
}

const PRESETS: Record<NonNullable<ServerlessConcurrencyLabProps["preset"]>, ServerlessConfig> = {
  default: DEFAULT_CONFIG,
  steady: { ...DEFAULT_CONFIG, ratePerSec: 50, spike: "none" },
};

function ms(v: number | null): string {
  return v === null ? "—" : `${formatNumber(v, v < 10 ? 1 : 0)} ms`;
}

function usd(v: number | null): string {
  return v === null ? "—" : `$${formatNumber(v, v < 1 ? 3 : 2)}`;
}

export function ServerlessConcurrencyLab(props: ServerlessConcurrencyLabProps) {
  const { config, update, controls } = useConfiguredSimulation<ServerlessConfig, ServerlessHandle, ServerlessView>({
    initialConfig: () => PRESETS[props.preset ?? "default"],
    create: createServerlessLab,
    view: viewServerlessLab,
    seed: props.seed,
    simMsPerSecond: 10 * SEC_MS,
    stepMs: BUCKET_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const spike = SPIKES[config.spike];
  const steadyNeed = littleConcurrency(config.ratePerSec, config.durationMs);
  const peakNeed = littleConcurrency(config.ratePerSec * spike.factor, config.durationMs);
  const bucketSec = BUCKET_MS / SEC_MS;
  const x = v.buckets.map((b) => b.endSec);
  const provisioned = effectiveProvisioned(config);
  const slots = config.containers * CONTAINER_SLOTS;
  const pct = (part: number) => (v.arrivals === 0 ? null : part / v.arrivals);

  return (
    <WidgetFrame
      name="ServerlessConcurrencyLab"
      title="Serverless concurrency lab: a function versus a fleet of containers"
      intro={
        <p>
          The same requests go to two back ends at once. The <strong>function</strong> gives each request an
          execution environment of its own: a warm one if one is free, otherwise a new one that must first initialise
          (a cold start), up to its concurrency limit; beyond that, requests are throttled with HTTP 429. The{" "}
          <strong>container fleet</strong> is a fixed number of always-on containers, each serving up to{" "}
          {CONTAINER_SLOTS} requests at once; the rest queue, and the client gives up after{" "}
          {CLIENT_TIMEOUT_MS / SEC_MS} s. Timings and prices are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Traffic, function and fleet (changing them starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<number>
            id={`${uid}-rate`}
            label="Requests per second"
            value={config.ratePerSec}
            options={RATES_PER_SEC.map((r) => ({ value: r, label: `${r} req/s` }))}
            onChange={(ratePerSec) => update({ ratePerSec })}
          />
          <SelectField<Spike>
            id={`${uid}-spike`}
            label="Spike at 60 s"
            value={config.spike}
            options={(Object.keys(SPIKES) as Spike[]).map((k) => ({ value: k, label: SPIKES[k].label }))}
            onChange={(s) => update({ spike: s })}
          />
          <SelectField<number>
            id={`${uid}-duration`}
            label="Work per request (mean)"
            value={config.durationMs}
            options={DURATIONS_MS.map((d) => ({ value: d, label: d < 1000 ? `${d} ms` : `${d / 1000} s` }))}
            onChange={(durationMs) => update({ durationMs })}
          />
          <SelectField<InitKind>
            id={`${uid}-init`}
            label="Function cold start (init)"
            value={config.init}
            options={(Object.keys(INITS) as InitKind[]).map((k) => ({ value: k, label: INITS[k].label }))}
            onChange={(init) => update({ init })}
          />
          <SelectField<number>
            id={`${uid}-limit`}
            label="Function concurrency limit"
            value={config.limit}
            options={LIMITS.map((l) => ({
              value: l,
              label: l === 1000 ? "1,000 (the default account quota)" : `${l} (reserved concurrency)`,
            }))}
            onChange={(limit) => update({ limit })}
          />
          <SelectField<number>
            id={`${uid}-provisioned`}
            label="Provisioned concurrency"
            value={config.provisioned}
            options={PROVISIONED.map((p) => ({
              value: p,
              label: p === 0 ? "None (on demand only)" : p > config.limit ? `${p} (capped at the limit, ${config.limit})` : `${p} environments`,
            }))}
            onChange={(p) => update({ provisioned: p })}
          />
          <SelectField<number>
            id={`${uid}-containers`}
            label="Containers in the fleet"
            value={config.containers}
            options={CONTAINER_COUNTS.map((c) => ({
              value: c,
              label: `${c} (${c * CONTAINER_SLOTS} slots, ≈ ${formatNumber(fleetCapacityPerSec({ ...config, containers: c }))} req/s)`,
            }))}
            onChange={(containers) => update({ containers })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Little&apos;s law predicts about <strong>{formatNumber(steadyNeed, 1)}</strong> requests in flight on average
          {spike.durationMs > 0 ? (
            <>
              {" "}
              and <strong>{formatNumber(peakNeed, 1)}</strong> during the spike
            </>
          ) : null}{" "}
          (rate × time per request). The fleet has {slots} slots for ${formatNumber(fleetCostPerHour(config), 3)} an
          hour, busy or idle.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <p className="text-sm tabular-nums">
        Now: {formatNumber(v.rateNow)} req/s · function {v.fn.busy} busy of {v.fn.envs} environments
        {provisioned > 0 ? ` (${provisioned} provisioned)` : ""} · fleet {v.fleet.busy} of {slots} slots busy,{" "}
        {v.fleet.queued} queued
      </p>
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <h4 className="text-sm font-semibold">Function (on-demand execution environments)</h4>
      <MetricGrid label="Function results">
        <MetricTile
          label="Concurrency: peak"
          value={formatNumber(v.fn.peakBusy)}
          detail={`average ${v.fn.avgConcurrency === null ? "—" : formatNumber(v.fn.avgConcurrency, 1)}; limit ${formatNumber(config.limit)}`}
          tone={v.fn.peakBusy >= config.limit ? "bad" : "neutral"}
        />
        <MetricTile
          label="Cold starts"
          value={formatNumber(v.fn.coldStarts)}
          detail={`${formatPercent(pct(v.fn.coldStarts), 2)} of requests`}
        />
        <MetricTile
          label="Throttled (429)"
          value={formatNumber(v.fn.throttled)}
          detail={`${formatPercent(pct(v.fn.throttled), 2)} of requests`}
          tone={v.fn.throttled > 0 ? "bad" : v.arrivals > 0 ? "good" : "neutral"}
        />
        <MetricTile label="Latency p50 / p99" value={`${ms(v.fn.p50Ms)} / ${ms(v.fn.p99Ms)}`} detail="cold starts land in the tail" />
      </MetricGrid>

      <h4 className="text-sm font-semibold">Container fleet ({config.containers} always on)</h4>
      <MetricGrid label="Container fleet results">
        <MetricTile
          label="Busy slots: peak"
          value={formatNumber(v.fleet.peakBusy)}
          detail={`of ${slots}; longest queue ${formatNumber(v.fleet.peakQueue)}`}
          tone={v.fleet.peakBusy >= slots ? "bad" : "neutral"}
        />
        <MetricTile
          label="Failed (503 / 504)"
          value={formatNumber(v.fleet.failed)}
          detail={`${formatNumber(v.fleet.rejected)} queue full, ${formatNumber(v.fleet.timedOut)} timed out`}
          tone={v.fleet.failed > 0 ? "bad" : v.arrivals > 0 ? "good" : "neutral"}
        />
        <MetricTile label="Latency p50 / p99" value={`${ms(v.fleet.p50Ms)} / ${ms(v.fleet.p99Ms)}`} detail="waiting in the queue adds up" />
        <MetricTile label="Requests so far" value={formatNumber(v.arrivals)} detail={`${formatNumber(v.fleet.served)} served by the fleet`} />
      </MetricGrid>

      <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
        Cost at this run&apos;s traffic: function <strong>{usd(v.fn.cost.perHour)} an hour</strong> (requests, GB-seconds
        of 1 GB environments including init{provisioned > 0 ? `, and ${provisioned} provisioned environments` : ""});
        containers <strong>{usd(v.fleet.costPerHour)} an hour</strong> whatever the traffic.
      </p>

      <Chart
        title={`Requests in flight per ${bucketSec} s`}
        summary={`The function's and the fleet's highest number of requests in service in each ${bucketSec}-second interval, next to Little's law (arrivals per second × mean work) and the fleet's slots.`}
        x={x}
        xLabel="second"
        yLabel="requests"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[
          { id: "fn", label: "function: peak concurrency", values: v.buckets.map((b) => b.fn.peakBusy), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "fleet", label: "fleet: peak busy slots", values: v.buckets.map((b) => b.fleet.peakBusy), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
          {
            id: "little",
            label: "Little's law: rate × work",
            values: v.buckets.map((b) => littleConcurrency(b.arrivals / bucketSec, config.durationMs)),
            colorClass: "stroke-slate-500 dark:stroke-slate-400",
            dash: "dotted",
          },
        ]}
      />
      <Chart
        title={`p99 latency per ${bucketSec} s`}
        summary={`The 99th-percentile latency of the requests each back end completed in each ${bucketSec}-second interval. Cold starts push up the function's; queueing pushes up the fleet's.`}
        x={x}
        xLabel="second"
        yLabel="ms"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[
          { id: "fn-p99", label: "function p99 (ms)", values: v.buckets.map((b) => b.fn.p99Ms ?? 0), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "fleet-p99", label: "fleet p99 (ms)", values: v.buckets.map((b) => b.fleet.p99Ms ?? 0), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
        ]}
      />
      <Chart
        title={`Cold starts and failures per second`}
        summary={`Per ${bucketSec}-second interval: the function's cold starts and throttled requests, and the fleet's failed requests, each per second.`}
        x={x}
        xLabel="second"
        yLabel="per s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[
          { id: "cold", label: "cold starts per s", values: v.buckets.map((b) => b.coldStarts / bucketSec), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "throttled", label: "function throttled (429) per s", values: v.buckets.map((b) => b.fn.failed / bucketSec), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
          { id: "fleet-failed", label: "fleet failed (503/504) per s", values: v.buckets.map((b) => b.fleet.failed / bucketSec), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dotted" },
        ]}
      />
    </WidgetFrame>
  );
}
