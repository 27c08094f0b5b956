"use client";

import { useId, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  CACHE_HIT_RATIO,
  CACHE_PER_HOUR,
  DEFAULT_ARCHITECTURE,
  DEFAULT_TARGETS,
  DEMAND_PER_SEC,
  MIN_MS,
  RUN_END_MS,
  SEC_MS,
  SIZES,
  createRun,
  formatUsdCents,
  instanceCount,
  offeredUtilisation,
  statusMessage,
  verdicts,
  viewRun,
  type Architecture,
  type PillarView,
  type RunHandle,
  type SizeId,
  type Targets,
} from "./model";

export interface WellArchitectedExplorerProps {
  /** Number of AZs shown first (1–3). Default 1. */
  azCount?: number;
  seed?: number;
}

const AVAILABILITY_TARGETS = [0.95, 0.98, 0.985, 0.99] as const;
const P95_TARGETS = [150, 200, 250, 500] as const;
const COST_TARGETS = [0.5, 0.8, 1, 1.5] as const;
const UTILISATION_TARGETS = [0.15, 0.25, 0.4, 0.5] as const;

function verdictText(ok: boolean | null): string {
  return ok === null ? "not yet measured" : ok ? "target met" : "target missed";
}

function tone(ok: boolean | null): "neutral" | "good" | "bad" {
  return ok === null ? "neutral" : ok ? "good" : "bad";
}

export function WellArchitectedExplorer(props: WellArchitectedExplorerProps) {
  const [targets, setTargets] = useState<Targets>(DEFAULT_TARGETS);
  const { config: arch, update, controls } = useConfiguredSimulation<Architecture, RunHandle, PillarView>({
    initialConfig: () => {
      const az = props.azCount === 2 || props.azCount === 3 ? props.azCount : DEFAULT_ARCHITECTURE.azCount;
      return { ...DEFAULT_ARCHITECTURE, azCount: az };
    },
    create: createRun,
    view: viewRun,
    seed: props.seed,
    simMsPerSecond: 40 * SEC_MS,
    stepMs: 30 * SEC_MS,
    endMs: RUN_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const ok = verdicts(v, targets);
  const rho = offeredUtilisation(arch, instanceCount(arch));
  const rhoOutage = offeredUtilisation(arch, instanceCount(arch) - arch.perAz);

  return (
    <WidgetFrame
      name="WellArchitectedExplorer"
      title="Well-Architected trade-offs: one architecture, four pillars"
      intro={
        <p>
          A web service takes {DEMAND_PER_SEC} requests a second in us-east-1. Choose how many AZs and instances it runs
          on, how big they are and whether a cache answers repeat requests. Press Play: at minute 8 the whole of{" "}
          <strong>us-east-1a</strong> fails for 5 minutes. The run measures four pillars. Prices and service times are
          illustrative; security and operational excellence are reviewed with questions, not measured here.
        </p>
      }
    >
      <SettingsFieldset legend="Architecture (changing it starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <RangeField
            id={`${uid}-azs`}
            label="Availability Zones"
            value={arch.azCount}
            min={1}
            max={3}
            onChange={(n) => update({ azCount: (n === 2 || n === 3 ? n : 1) as Architecture["azCount"] })}
          />
          <RangeField
            id={`${uid}-per-az`}
            label="Instances per AZ"
            value={arch.perAz}
            min={1}
            max={4}
            onChange={(perAz) => update({ perAz })}
          />
          <SelectField<SizeId>
            id={`${uid}-size`}
            label="Instance size"
            value={arch.size}
            options={(Object.keys(SIZES) as SizeId[]).map((s) => ({ value: s, label: `${SIZES[s].label}, ${formatUsdCents(SIZES[s].perHour)}/h` }))}
            onChange={(size) => update({ size })}
          />
          <label className="flex items-start gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={arch.cache}
              onChange={(e) => update({ cache: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>
              In-memory cache ({Math.round(CACHE_HIT_RATIO * 100)} % of requests answered from it, +{formatUsdCents(CACHE_PER_HOUR)}/h)
            </span>
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {instanceCount(arch)} instances, {formatUsdCents(v.costPerHour)} an hour. Planned load: the fleet would be{" "}
          <strong>{formatPercent(Math.min(rho, 9.99), 0)}</strong> busy normally and{" "}
          <strong>{Number.isFinite(rhoOutage) ? formatPercent(Math.min(rhoOutage, 9.99), 0) : "—"}</strong> busy on what is left
          when us-east-1a is down{rhoOutage >= 1 ? " — more work than capacity: queues grow and requests time out" : ""}.
        </p>
      </SettingsFieldset>

      <SettingsFieldset legend="Pillar targets (for the review below)" gap="gap-2">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <SelectField
            id={`${uid}-t-avail`}
            label="Availability at least"
            value={targets.minAvailability}
            options={AVAILABILITY_TARGETS.map((x) => ({ value: x, label: formatPercent(x, 1) }))}
            onChange={(minAvailability) => setTargets((t) => ({ ...t, minAvailability }))}
          />
          <SelectField
            id={`${uid}-t-p95`}
            label="p95 at most"
            value={targets.maxP95Ms}
            options={P95_TARGETS.map((x) => ({ value: x, label: `${x} ms` }))}
            onChange={(maxP95Ms) => setTargets((t) => ({ ...t, maxP95Ms }))}
          />
          <SelectField
            id={`${uid}-t-cost`}
            label="Cost at most"
            value={targets.maxCostPerHour}
            options={COST_TARGETS.map((x) => ({ value: x, label: `${formatUsdCents(x)}/h` }))}
            onChange={(maxCostPerHour) => setTargets((t) => ({ ...t, maxCostPerHour }))}
          />
          <SelectField
            id={`${uid}-t-util`}
            label="Utilisation at least"
            value={targets.minUtilisation}
            options={UTILISATION_TARGETS.map((x) => ({ value: x, label: formatPercent(x, 0) }))}
            onChange={(minUtilisation) => setTargets((t) => ({ ...t, minUtilisation }))}
          />
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(arch, v, targets, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Pillar measures, over the run so far">
        <MetricTile
          label="Reliability: availability"
          value={formatPercent(v.availability, 2)}
          detail={`${v.failed.toLocaleString("en-US")} of ${v.arrived.toLocaleString("en-US")} requests failed; ${verdictText(ok.reliability)}`}
          tone={tone(ok.reliability)}
        />
        <MetricTile
          label="Performance: p95 latency"
          value={v.p95Ms === null ? "—" : `${Math.round(v.p95Ms)} ms`}
          detail={`of completed requests; ${verdictText(ok.performance)}`}
          tone={tone(ok.performance)}
        />
        <MetricTile
          label="Cost: per hour"
          value={formatUsdCents(v.costPerHour)}
          detail={`instances, cache, load balancer; ${verdictText(ok.cost)}`}
          tone={tone(ok.cost)}
        />
        <MetricTile
          label="Sustainability: utilisation"
          value={formatPercent(v.utilisation, 0)}
          detail={`of the capacity you pay for; ${verdictText(ok.sustainability)}`}
          tone={tone(ok.sustainability)}
        />
      </MetricGrid>

      <p className="text-sm">
        <span className="font-semibold">Now:</span>{" "}
        {v.outage === "during" ? `us-east-1a is down — ${v.instancesUp} of ${v.instances} instances up` : `${v.instancesUp} of ${v.instances} instances up`}
        {v.outage === "after" ? " (us-east-1a has recovered)" : ""}.
      </p>

      <Chart
        title="p95 latency per 10 seconds"
        summary={`p95 latency of the requests completed in each 10-second interval over the ${RUN_END_MS / MIN_MS}-minute run; us-east-1a is down from minute 8 to minute 13.`}
        x={v.series.x}
        xLabel="Time (min)"
        yLabel="p95 latency (ms)"
        xDomain={[0, RUN_END_MS / MIN_MS]}
        formatX={(x) => x.toFixed(1)}
        formatY={(y) => `${Math.round(y)}`}
        series={[
          { id: "p95", label: "p95 (ms)", values: v.series.p95Ms.map((p) => p ?? 0), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
        ]}
      />
      <Chart
        title="Failed requests and utilisation per 10 seconds"
        summary="Failed requests per second and the fleet's utilisation (percent of paid-for capacity busy) in each 10-second interval."
        x={v.series.x}
        xLabel="Time (min)"
        yLabel="Failed per second / utilisation %"
        xDomain={[0, RUN_END_MS / MIN_MS]}
        formatX={(x) => x.toFixed(1)}
        formatY={(y) => `${Math.round(y)}`}
        series={[
          { id: "failed", label: "Failed per second", values: v.series.failedPerSec, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dotted" },
          {
            id: "util",
            label: "Utilisation (%)",
            values: v.series.utilisation.map((u) => (u ?? 0) * 100),
            colorClass: "stroke-emerald-600 dark:stroke-emerald-400",
            dash: "dashed",
          },
        ]}
      />
    </WidgetFrame>
  );
}
