"use client";

import { useId } from "react";
import { LB_ALGORITHMS, type LbAlgorithm, type TargetHealth } from "@/lib/sim";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatDuration, formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricTile } from "../kit/metric-tile";
import { dangerButtonClass, smallButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  ALGORITHM_LABELS,
  DEFAULT_RACE,
  HEALTH_CHECKS,
  RACE_MS,
  SERVER_COUNT,
  SPEEDS,
  createRace,
  detectionMs,
  errorsPerSecond,
  offeredPerSec,
  serverAz,
  serverId,
  setServerUp,
  viewRace,
  type HealthCheckPreset,
  type RaceConfig,
  type RaceView,
  type SideView,
} from "./model";

export interface LoadBalancerRaceProps {
  /** "default": round robin vs least outstanding requests; "weighted": weighted round robin vs power of two choices. */
  preset?: "default" | "weighted";
  seed?: number;
}

const PRESETS: Record<NonNullable<LoadBalancerRaceProps["preset"]>, RaceConfig> = {
  default: DEFAULT_RACE,
  weighted: { ...DEFAULT_RACE, algorithmA: "weighted-round-robin", algorithmB: "power-of-two" },
};

const HEALTH_TEXT: Record<TargetHealth, string> = {
  initial: "checking",
  healthy: "healthy",
  unhealthy: "unhealthy",
  draining: "draining",
  unused: "not registered",
};

function ms(v: number | null | undefined): string {
  return v == null ? "—" : `${formatNumber(v, v < 10 ? 1 : 0)} ms`;
}

/** The plain-language status, announced politely: phases and learner actions, not every frame. */
export function raceStatus(config: RaceConfig, v: RaceView, ended: boolean): string {
  const a = ALGORITHM_LABELS[config.algorithmA];
  const b = ALGORITHM_LABELS[config.algorithmB];
  const offered = offeredPerSec(config);
  if (v.nowMs === 0) {
    return `Ready: ${offered} requests per second (${Math.round(config.loadFraction * 100)} % of capacity) go to two identical sets of servers. Load balancer A uses ${a}, B uses ${b}. Press Play.`;
  }
  const summary = (name: string, s: SideView) =>
    `${name}: p99 ${ms(s.service.totals.latency?.p99Ms)}, ${s.errors} errors (${formatPercent(s.errorRate)})`;
  if (ended) return `Race finished. ${summary(`A (${a})`, v.a)}. ${summary(`B (${b})`, v.b)}.`;
  const targets = v.a.service.targets;
  for (let i = 0; i < SERVER_COUNT; i++) {
    const t = targets[i];
    if (!t) continue;
    const id = serverId(i);
    if (!t.up) {
      const detected = detectionMs(v.a, id);
      return detected === null
        ? `${id} is down, but the load balancers have not noticed yet: requests they send it fail with 502 until it fails ${HEALTH_CHECKS[config.healthCheck].spec.unhealthyThreshold} health checks in a row.`
        : `Health checks marked ${id} unhealthy ${formatDuration(detected)} after it failed; the load balancers no longer send it traffic.`;
    }
    if (t.health === "unhealthy") {
      return `${id} is back up, but it gets traffic again only after ${HEALTH_CHECKS[config.healthCheck].spec.healthyThreshold} passing health checks in a row.`;
    }
  }
  const pa = v.a.service.totals.latency?.p95Ms;
  const pb = v.b.service.totals.latency?.p95Ms;
  if (pa == null || pb == null) return "Running.";
  if (Math.abs(pa - pb) < 0.1 * Math.min(pa, pb)) return "Running: so far both algorithms give about the same p95 latency.";
  return `Running: so far ${pa < pb ? `A (${a})` : `B (${b})`} has the lower p95 latency.`;
}

function SidePanel(props: { label: string; algorithm: LbAlgorithm; side: SideView }) {
  const t = props.side.service.totals;
  const lat = t.latency;
  return (
    <section aria-label={`${props.label}: ${ALGORITHM_LABELS[props.algorithm]}`} className="flex min-w-0 flex-col gap-2">
      <h4 className="text-sm font-semibold">
        {props.label}: {ALGORITHM_LABELS[props.algorithm]}
      </h4>
      {/* Two columns at every width: the panels sit side by side from md up, so four tiles would not fit. */}
      <dl aria-label={`${props.label} latency and errors`} className="grid grid-cols-2 gap-2">
        <MetricTile label="p50" value={ms(lat?.p50Ms)} />
        <MetricTile label="p95" value={ms(lat?.p95Ms)} tone={lat && lat.p95Ms > 1000 ? "bad" : "neutral"} />
        <MetricTile label="p99" value={ms(lat?.p99Ms)} tone={lat && lat.p99Ms > 1000 ? "bad" : "neutral"} />
        <MetricTile
          label="Errors"
          value={formatNumber(props.side.errors)}
          tone={props.side.errors > 0 ? "bad" : "good"}
          detail={`${formatPercent(props.side.errorRate)} of ${formatNumber(t.completed + t.failed)}`}
        />
      </dl>
      <ul aria-label={`${props.label} servers`} className="flex flex-col gap-1.5">
        {props.side.service.targets.map((s) => {
          const u = s.utilisation ?? 0;
          return (
            <li key={s.id} className="rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs dark:border-slate-700 dark:bg-slate-800">
              <div className="flex flex-wrap items-center justify-between gap-x-2">
                <span className="font-medium">
                  {s.id} <span className="font-normal text-slate-600 dark:text-slate-400">({s.speed}× speed)</span>
                </span>
                <span
                  className={
                    !s.up
                      ? "font-semibold text-rose-700 dark:text-rose-300"
                      : s.health === "healthy"
                        ? "text-emerald-700 dark:text-emerald-300"
                        : "font-semibold text-amber-700 dark:text-amber-300"
                  }
                >
                  {s.up ? "up" : "down"} · LB: {HEALTH_TEXT[s.health]}
                </span>
              </div>
              <div className="mt-1 flex items-center gap-2">
                <div aria-hidden="true" className="h-2 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
                  <div
                    className={u > 0.95 ? "h-full bg-rose-500 dark:bg-rose-400" : "h-full bg-sky-600 dark:bg-sky-400"}
                    style={{ width: `${Math.min(100, u * 100)}%` }}
                  />
                </div>
                <span className="w-36 shrink-0 text-right tabular-nums">
                  busy {formatPercent(s.utilisation, 0)} · {s.queued} queued
                </span>
              </div>
              <div className="tabular-nums text-slate-600 dark:text-slate-400">
                served {formatNumber(s.completed)} · failed {formatNumber(s.failed)}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function LoadBalancerRace(props: LoadBalancerRaceProps) {
  const { config, update, controls } = useConfiguredSimulation({
    initialConfig: (): RaceConfig => PRESETS[props.preset ?? "default"],
    create: createRace,
    view: viewRace,
    seed: props.seed,
    simMsPerSecond: 10_000,
    stepMs: 5_000,
    endMs: RACE_MS,
  });
  const v = controls.view;
  const uid = useId();
  const setSpeed = (i: number, speed: number) => update({ speeds: config.speeds.map((s, j) => (j === i ? speed : s)) });

  const seconds = v.a.service.series.arrived.map((_, i) => i + 1);
  const p95 = (s: SideView) => s.service.series.latencyP95Ms.map((x) => x ?? 0);

  return (
    <WidgetFrame
      name="LoadBalancerRace"
      title="Load balancer race"
      intro={
        <p>
          Two load balancers, each in front of its own copy of the same four servers, receive exactly the same
          requests (same seed: same arrival times, same request sizes). Only the algorithm differs. Give the servers
          unequal speeds, set the load, and fail a server to watch health checks take it out. Numbers are
          illustrative: 4 workers per server, requests with a median of 40 ms at 1× speed, clients give up after 3 s.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh race)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(["algorithmA", "algorithmB"] as const).map((key, k) => (
            <SelectField
              key={key}
              id={`${uid}-${key}`}
              label={`Load balancer ${k === 0 ? "A" : "B"} algorithm`}
              value={config[key]}
              options={LB_ALGORITHMS.map((alg) => ({ value: alg, label: ALGORITHM_LABELS[alg] }))}
              onChange={(alg) => update({ [key]: alg })}
            />
          ))}
          <RangeField
            id={`${uid}-load`}
            label="Load"
            display={`${Math.round(config.loadFraction * 100)} %`}
            unit={`of capacity (${offeredPerSec(config)} requests/s)`}
            value={Math.round(config.loadFraction * 100)}
            min={30}
            max={110}
            step={5}
            onChange={(pct) => update({ loadFraction: pct / 100 })}
          />
          <SelectField
            id={`${uid}-hc`}
            label="Health checks"
            value={config.healthCheck}
            options={(Object.keys(HEALTH_CHECKS) as HealthCheckPreset[]).map((k) => ({ value: k, label: HEALTH_CHECKS[k].label }))}
            onChange={(healthCheck) => update({ healthCheck })}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.crossZone}
            onChange={(e) => update({ crossZone: e.target.checked })}
            className="size-4 accent-sky-700 dark:accent-sky-400"
          />
          Cross-zone load balancing (off: each AZ&apos;s load balancer node uses only its own AZ&apos;s servers)
        </label>
        <div role="group" aria-label="Servers" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {config.speeds.map((speed, i) => {
            const id = serverId(i);
            const up = v.a.service.targets[i]?.up ?? true;
            return (
              <div key={id} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
                <SelectField
                  width=""
                  id={`${uid}-speed-${i}`}
                  label={`${id} (${serverAz(i)}) speed`}
                  value={speed}
                  options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
                  onChange={(x) => setSpeed(i, x)}
                />
                <button
                  type="button"
                  className={up ? dangerButtonClass : smallButtonClass}
                  disabled={controls.ended}
                  onClick={() => controls.act((h) => setServerUp(h, i, !up))}
                >
                  {up ? `Fail ${id}` : `Recover ${id}`}
                </button>
              </div>
            );
          })}
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={raceStatus(config, v, controls.ended)} />

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SidePanel label="A" algorithm={config.algorithmA} side={v.a} />
        <SidePanel label="B" algorithm={config.algorithmB} side={v.b} />
      </div>

      <Chart
        title="p95 latency per second"
        summary="The 95th-percentile latency of the requests completed in each second, for load balancers A and B."
        x={seconds}
        xLabel="second"
        yLabel="ms"
        formatX={(s) => `${s} s`}
        formatY={(y) => `${Math.round(y)}`}
        xDomain={[1, RACE_MS / 1000]}
        series={[
          { id: "a", label: `A: ${ALGORITHM_LABELS[config.algorithmA]}`, values: p95(v.a), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "b", label: `B: ${ALGORITHM_LABELS[config.algorithmB]}`, values: p95(v.b), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="Errors per second"
        summary="Failed requests in each second (timeouts, 502s from a dead server not yet marked unhealthy, requests lost with a server), for A and B."
        x={seconds}
        xLabel="second"
        yLabel="errors"
        formatX={(s) => `${s} s`}
        xDomain={[1, RACE_MS / 1000]}
        series={[
          { id: "a", label: "A", values: errorsPerSecond(v.a.service), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "b", label: "B", values: errorsPerSecond(v.b.service), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
        ]}
      />
    </WidgetFrame>
  );
}
