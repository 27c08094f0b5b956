"use client";

import { useId } from "react";
import { CAPSTONE_CHECK_INTERVALS_MS, CAPSTONE_DATABASES, CAPSTONE_TIMELINE, type CapstoneDatabase, type CapstoneDr } from "@/lib/sim";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { TopologyView } from "../kit/topology-view";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BRIEFS,
  DEFAULT_CONFIG,
  costLine,
  createLab,
  endMs,
  formatCapstoneDuration,
  statusMessage,
  viewLab,
  type BriefId,
  type LabCheck,
  type LabConfig,
  type LabHandle,
  type LabView,
} from "./model";

export interface CapstoneLabProps {
  /** Which brief the targets come from: "shop" (default), "booking" or "reporting". */
  brief?: BriefId;
  seed?: number;
}

const DR_OPTIONS: { value: CapstoneDr; label: string }[] = [
  { value: "none", label: "None (nothing outside us-east-1)" },
  { value: "backup-restore", label: "Backup and restore" },
  { value: "pilot-light", label: "Pilot light" },
  { value: "warm-standby", label: "Warm standby" },
  { value: "active-active", label: "Multi-site active/active" },
];

const T = CAPSTONE_TIMELINE;
const MIN = 60_000;

/** Each check's mark, its words for screen readers (a not-run check's measured text says so) and its border. */
const CHECK_LOOK: Record<LabCheck["state"], { mark: string; srText: string; border: string }> = {
  met: { mark: "✓ ", srText: " met", border: "border-emerald-400 dark:border-emerald-600" },
  missed: { mark: "✗ ", srText: " not met", border: "border-rose-300 dark:border-rose-700" },
  "not-run": { mark: "– ", srText: "", border: "border-slate-300 dark:border-slate-600" },
};

export function CapstoneLab(props: CapstoneLabProps) {
  const { config, update, controls } = useConfiguredSimulation<LabConfig, LabHandle, LabView>({
    initialConfig: () => ({ ...DEFAULT_CONFIG, brief: props.brief ?? DEFAULT_CONFIG.brief }),
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 60_000,
    stepMs: 5 * MIN,
    endMs,
  });
  const uid = useId();
  const v = controls.view;
  const m = v.measurement;
  const brief = BRIEFS[config.brief];
  const runMinutes = T.regionOutageAtMs / MIN;

  return (
    <WidgetFrame
      name="CapstoneLab"
      title="Capstone lab: design it, break it, defend it"
      intro={
        <p>
          Choose a brief and a design, then press Play. The drill runs {runMinutes} simulated minutes: an application crash at 15 min,
          a traffic spike from 40 to 70 min, the loss of us-east-1a (with the database&apos;s primary) from 50 to 80 min, then
          the loss of the whole Region. Traffic, prices and timings are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Brief and design (changing them starts a fresh run)">
        <SelectField
          id={`${uid}-brief`}
          label="Brief"
          value={config.brief}
          options={(Object.keys(BRIEFS) as BriefId[]).map((b) => ({ value: b, label: BRIEFS[b].label }))}
          onChange={(brief) => update({ brief })}
        />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id={`${uid}-az`}
            label="AZs for the web tier"
            value={config.azCount}
            options={[1, 2, 3].map((n) => ({ value: n, label: `${n} AZ${n > 1 ? "s" : ""}` }))}
            onChange={(n) => update({ azCount: n as 1 | 2 | 3 })}
          />
          <SelectField
            id={`${uid}-per`}
            label="Instances per AZ at the start"
            value={config.instancesPerAz}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: String(n) }))}
            onChange={(instancesPerAz) => update({ instancesPerAz })}
          />
          <SelectField
            id={`${uid}-scaling`}
            label="Auto Scaling"
            value={config.scaling}
            options={[
              { value: "fixed", label: "Fixed size (replaces failures)" },
              { value: "target-tracking", label: "Target tracking, 50 % CPU" },
            ]}
            onChange={(scaling) => update({ scaling })}
          />
          <SelectField
            id={`${uid}-hc`}
            label="Health check interval"
            value={config.checkIntervalMs}
            options={CAPSTONE_CHECK_INTERVALS_MS.map((ms) => ({ value: ms as number, label: `${ms / 1000} s${ms === 30_000 ? " (ALB default)" : ""}` }))}
            onChange={(checkIntervalMs) => update({ checkIntervalMs })}
          />
          <SelectField
            id={`${uid}-lb`}
            label="Load-balancing algorithm"
            value={config.algorithm}
            options={[
              { value: "round-robin", label: "Round robin" },
              { value: "least-outstanding", label: "Least outstanding requests" },
            ]}
            onChange={(algorithm) => update({ algorithm })}
          />
          <SelectField
            id={`${uid}-db`}
            label="Database"
            value={config.database}
            options={(Object.keys(CAPSTONE_DATABASES) as CapstoneDatabase[]).map((d) => ({ value: d, label: CAPSTONE_DATABASES[d].label }))}
            onChange={(database) => update({ database })}
          />
          <SelectField id={`${uid}-dr`} label="Disaster recovery (us-west-2)" value={config.dr} options={DR_OPTIONS} onChange={(dr) => update({ dr })} />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">{costLine(config)}</p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, controls.ended)} />

      <div className="min-w-0">
        <p className="text-sm font-semibold">Against the brief</p>
        <ul className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
          {v.checks.map((c) => (
            <li key={c.id} className={`flex min-w-0 flex-wrap justify-between gap-x-2 rounded-md border px-2 py-1 ${CHECK_LOOK[c.state].border}`}>
              <span>
                <span aria-hidden="true">{CHECK_LOOK[c.state].mark}</span>
                <span className="font-medium">{c.label}</span>
                {CHECK_LOOK[c.state].srText ? <span className="sr-only">{CHECK_LOOK[c.state].srText}</span> : null}
              </span>
              <span className="tabular-nums">
                {c.measured} <span className="text-xs text-slate-600 dark:text-slate-400">(target {c.target})</span>
              </span>
            </li>
          ))}
        </ul>
      </div>

      <TopologyView
        title="Web tier behind the load balancer"
        {...v.topology}
        timeMs={controls.nowMs}
        dotTravelMs={60_000}
        reducedMotion={controls.reducedMotion}
        nodeNoun="instance"
        summary={`The database's primary is in ${v.database.primaryAz ?? "no AZ"} (${v.database.accepting ? "accepting writes" : "not accepting writes"})${
          v.database.standby ? `, standby in ${v.database.standby}` : ""
        }. ${v.instances.inService} instances in service, ${v.instances.pending} launching, desired ${v.instances.desired}.`}
      />

      <MetricGrid label="Drill results">
        <MetricTile
          label="Availability"
          value={m.availability === null ? "—" : `${(m.availability * 100).toFixed(2)} %`}
          tone={m.availability === null ? "neutral" : m.availability >= brief.targets.minAvailability ? "good" : "bad"}
          detail={`${Math.round(m.failed).toLocaleString("en-US")} of ${m.requests.toLocaleString("en-US")} failed`}
        />
        <MetricTile
          label="p95 latency"
          value={m.p95Ms === null ? "—" : `${Math.round(m.p95Ms)} ms`}
          tone={m.p95Ms === null ? "neutral" : m.p95Ms <= brief.targets.maxP95Ms ? "good" : "bad"}
          detail={`database down ${formatCapstoneDuration(m.dbDowntimeMs)}`}
        />
        <MetricTile
          label="RTO / RPO"
          value={m.rtoMs === null ? "—" : `${formatCapstoneDuration(m.rtoMs)} / ${formatCapstoneDuration(m.rpoMs ?? 0)}`}
          tone={m.rtoMs === null ? (m.regionFailed ? "bad" : "neutral") : m.rtoMs <= brief.targets.maxRtoMs && (m.rpoMs ?? Infinity) <= brief.targets.maxRpoMs ? "good" : "bad"}
          detail={v.drPhase ? `DR phase: ${v.drPhase}` : m.regionFailed ? "no recovery Region" : "Region not failed yet"}
        />
        <MetricTile
          label="Cost"
          value={`$${m.cost.total.toFixed(2)}/h`}
          tone={m.cost.total <= brief.targets.maxCostPerHour ? "good" : "bad"}
          detail={`peak ${m.peakInService} instances`}
        />
      </MetricGrid>

      <Chart
        title="Requests per second"
        summary="Served and failed requests per second, in 10-second buckets; a request fails if the web tier fails it or the database cannot commit at that moment."
        x={v.series.minutes}
        xLabel="minute"
        yLabel="requests/s"
        formatX={(x) => `${Math.round(x)} min`}
        xDomain={[0, runMinutes]}
        yMax={brief.load.peakRps * 1.4}
        series={[
          { id: "served", label: "Served", values: v.series.servedPerSec, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "failed", label: "Failed", values: v.series.failedPerSec, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="p95 latency"
        summary="The web tier's p95 latency in each 10-second bucket (capped at 1 000 ms), against the brief's target."
        x={v.series.minutes}
        xLabel="minute"
        yLabel="ms"
        formatX={(x) => `${Math.round(x)} min`}
        xDomain={[0, runMinutes]}
        yMax={1_000}
        series={[
          { id: "p95", label: "p95 latency", values: v.series.p95Ms, colorClass: "stroke-amber-600 dark:stroke-amber-400" },
          {
            id: "target",
            label: "Target",
            values: v.series.minutes.map(() => brief.targets.maxP95Ms),
            colorClass: "stroke-slate-500 dark:stroke-slate-400",
            dash: "dotted",
          },
        ]}
      />
    </WidgetFrame>
  );
}
