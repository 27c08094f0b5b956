"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatDuration } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  DEFAULT_CONFIG,
  INTERVALS_SEC,
  LAG_LEVELS,
  MIN_MS,
  MODE_BLURBS,
  MODE_LABELS,
  REGIONS,
  REGION_NAMES,
  RUN_END_MS,
  SEC_MS,
  TTLS_SEC,
  WRITES_PER_SEC,
  createLab,
  formatMs,
  predictedDetectMs,
  predictedWorstRecoveryMs,
  statusMessage,
  viewLab,
  type LabConfig,
  type LabHandle,
  type LabView,
  type LagLevel,
  type Mode,
  type RegionId,
} from "./model";

export interface MultiRegionFailoverLabProps {
  /** Routing shown first. Default "active-passive". */
  mode?: Mode;
  /** DNS record TTL in seconds shown first (10, 60 or 300). Default 300. */
  ttlSec?: number;
  seed?: number;
}

const MODES: Mode[] = ["active-passive", "active-active"];

export function MultiRegionFailoverLab(props: MultiRegionFailoverLabProps) {
  const { config, update, controls } = useConfiguredSimulation<LabConfig, LabHandle, LabView>({
    initialConfig: () => ({
      ...DEFAULT_CONFIG,
      mode: props.mode ?? DEFAULT_CONFIG.mode,
      ttlSec: (TTLS_SEC as readonly number[]).includes(props.ttlSec ?? -1) ? (props.ttlSec as number) : DEFAULT_CONFIG.ttlSec,
    }),
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 30 * SEC_MS,
    stepMs: 10 * SEC_MS,
    endMs: RUN_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const errorPct = v.requests > 0 ? (v.errors / v.requests) * 100 : 0;
  const worst = predictedWorstRecoveryMs(config);

  return (
    <WidgetFrame
      name="MultiRegionFailoverLab"
      title="Multi-Region failover: health checks, DNS TTLs and lost writes"
      intro={
        <p>
          Users in six cities reach an application deployed in <strong>us-east-1</strong> and <strong>eu-west-1</strong>{" "}
          through DNS. Route 53-style health checkers probe both Regions; resolvers cache each answer for the record&apos;s
          TTL. At a time drawn from the seed, one Region fails. Watch who gets errors, for how long, and what data was
          not yet replicated. Round trips are modelled from distance; timings are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Architecture and DNS (changing them starts a fresh run)">
        <div role="radiogroup" aria-label="Routing" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {MODES.map((m) => (
            <label
              key={m}
              className={`flex cursor-pointer gap-2 rounded-md border p-2 text-sm ${
                config.mode === m
                  ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950"
                  : "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"
              }`}
            >
              <input
                type="radio"
                name={`${uid}-mode`}
                value={m}
                checked={config.mode === m}
                onChange={() => update({ mode: m })}
                className="mt-1 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
              />
              <span className="min-w-0">
                <span className="font-semibold">{MODE_LABELS[m]}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">{MODE_BLURBS[m]}</span>
              </span>
            </label>
          ))}
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField
            id={`${uid}-interval`}
            label="Health check interval"
            value={config.intervalSec}
            options={INTERVALS_SEC.map((s) => ({ value: s, label: s === 30 ? "30 s (standard, default)" : "10 s (fast)" }))}
            onChange={(intervalSec) => update({ intervalSec })}
          />
          <RangeField
            id={`${uid}-threshold`}
            label="Failure threshold"
            value={config.threshold}
            unit={config.threshold === 1 ? "check" : "checks"}
            min={1}
            max={10}
            onChange={(threshold) => update({ threshold })}
          />
          <SelectField
            id={`${uid}-ttl`}
            label="DNS record TTL"
            value={config.ttlSec}
            options={TTLS_SEC.map((s) => ({ value: s, label: s >= 60 ? `${s / 60} min (${s} s)` : `${s} s` }))}
            onChange={(ttlSec) => update({ ttlSec })}
          />
          <SelectField<LagLevel>
            id={`${uid}-lag`}
            label="Async replication lag"
            value={config.lag}
            options={(Object.keys(LAG_LEVELS) as LagLevel[]).map((k) => ({ value: k, label: LAG_LEVELS[k].label }))}
            onChange={(lag) => update({ lag })}
          />
          <SelectField<RegionId>
            id={`${uid}-fail`}
            label="Region that fails"
            value={config.failRegion}
            options={REGIONS.map((r) => ({ value: r, label: `${r} (${REGION_NAMES[r]})` }))}
            onChange={(failRegion) => update({ failRegion })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Plan predicts: the health check fails within about <strong>{formatDuration(predictedDetectMs(config))}</strong>{" "}
          (threshold × interval); the last user stops getting errors within about <strong>{formatDuration(worst)}</strong>{" "}
          (detection plus the TTL). {WRITES_PER_SEC} writes a second are replicated asynchronously to the other Region.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Outage results">
        <MetricTile
          label="Outage"
          value={v.failed ? `${config.failRegion} down` : "none yet"}
          detail={`${config.failRegion} fails at ${formatDuration(v.failAtMs)}`}
          tone={v.failed ? "bad" : "neutral"}
        />
        <MetricTile
          label="Health check failed after"
          value={v.detectedAfterMs === null ? "—" : formatDuration(v.detectedAfterMs)}
          detail={`Route 53 sees: us-east-1 ${v.healthy[0] ? "healthy" : "unhealthy"}, eu-west-1 ${v.healthy[1] ? "healthy" : "unhealthy"}`}
        />
        <MetricTile
          label="Errors"
          value={v.errors.toLocaleString("en-US")}
          detail={`${errorPct.toFixed(1)} % of ${v.requests.toLocaleString("en-US")} requests`}
          tone={!v.failed ? "neutral" : v.errors === 0 ? "good" : "bad"}
        />
        <MetricTile
          label="Last error after the failure"
          value={v.lastErrorAfterMs === null ? "—" : formatDuration(v.lastErrorAfterMs)}
          detail={`predicted worst case ${formatDuration(worst)}`}
          tone={v.lastErrorAfterMs === null ? "neutral" : v.lastErrorAfterMs <= worst ? "good" : "bad"}
        />
        <MetricTile
          label="Writes lost (RPO)"
          value={v.loss ? v.loss.lostWrites.toLocaleString("en-US") : v.failed ? "0" : "—"}
          detail={v.loss ? `RPO ${formatDuration(v.loss.rpoMs)}: not yet replicated` : "async replication to the other Region"}
          tone={!v.failed ? "neutral" : v.loss && v.loss.lostWrites > 0 ? "bad" : "good"}
        />
        <MetricTile label="DNS queries to Route 53" value={v.dnsQueries.toLocaleString("en-US")} detail={`TTL ${config.ttlSec} s: shorter means more queries`} />
      </MetricGrid>

      <div className="overflow-x-auto">
        <table className="w-full min-w-80 text-left text-sm tabular-nums">
          <caption className="sr-only">Per city: where its resolvers send users now, errors, and p95 latency before and after the failure</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">Users in</th>
              <th scope="col" className="py-1 pr-2 font-medium">Resolvers send to</th>
              <th scope="col" className="py-1 pr-2 font-medium">Errors</th>
              <th scope="col" className="py-1 pr-2 font-medium">p95 before</th>
              <th scope="col" className="py-1 font-medium">p95 after</th>
            </tr>
          </thead>
          <tbody>
            {v.cities.map((c) => (
              <tr key={c.id} className="border-b border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {c.name}
                </th>
                <td className="py-1 pr-2 text-xs">
                  {c.resolversOn[0] + c.resolversOn[1] === 0 ? (
                    "—"
                  ) : (
                    <>
                      <span className="font-mono">us-east-1</span> {c.resolversOn[0]}, <span className="font-mono">eu-west-1</span>{" "}
                      {c.resolversOn[1]}
                    </>
                  )}
                </td>
                <td className={`py-1 pr-2 ${c.errors > 0 ? "font-semibold text-rose-700 dark:text-rose-300" : ""}`}>{c.errors.toLocaleString("en-US")}</td>
                <td className="py-1 pr-2">{formatMs(c.p95BeforeMs)}</td>
                <td className="py-1">{formatMs(c.p95AfterMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Chart
        title="Requests per second, by outcome"
        summary={`Served by each Region and failed, per 10-second interval, over the ${RUN_END_MS / MIN_MS}-minute run; the failure is at ${formatDuration(v.failAtMs)}.`}
        x={v.series.x}
        xLabel="Time (min)"
        yLabel="Requests per second"
        xDomain={[0, RUN_END_MS / MIN_MS]}
        formatX={(x) => x.toFixed(1)}
        series={[
          { id: "us", label: "Served by us-east-1", values: v.series.servedPerSec[0], colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "eu", label: "Served by eu-west-1", values: v.series.servedPerSec[1], colorClass: "stroke-indigo-600 dark:stroke-indigo-300", dash: "dashed" },
          { id: "err", label: "Failed", values: v.series.errorsPerSec, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dotted" },
        ]}
      />
    </WidgetFrame>
  );
}
