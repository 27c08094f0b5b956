"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass, primaryButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  DB_INSTANCE_PER_HOUR,
  DEFAULT_CONFIG,
  FAILOVER_MS,
  LAB_END_MS,
  LAG_LEVELS,
  PROMOTE_MS,
  READ_BACK_MS,
  SEC_MS,
  WRITE_RATES,
  commitLatencyMs,
  costPerHour,
  createLab,
  crossRegionRttMs,
  failPrimaryAz,
  failRegion,
  formatSpan,
  instanceCount,
  promoteReplica,
  staleFraction,
  statusMessage,
  viewLab,
  type LabConfig,
  type LabHandle,
  type LabView,
  type LagLevel,
  type ReadTarget,
  type ReplicaPlace,
} from "./model";

export interface ReplicationLabProps {
  /** "default": Multi-AZ standby plus a same-Region read replica; "replica-only": no standby, so losing the AZ means promoting the replica. */
  preset?: "default" | "replica-only";
  seed?: number;
}

const PRESETS: Record<NonNullable<ReplicationLabProps["preset"]>, LabConfig> = {
  default: DEFAULT_CONFIG,
  "replica-only": { ...DEFAULT_CONFIG, standby: false, lag: "busy" },
};

const REPLICA_OPTIONS: { value: ReplicaPlace; label: string }[] = [
  { value: "none", label: "No read replica" },
  { value: "same-region", label: "Replica in us-east-1c (same Region)" },
  { value: "other-region", label: "Replica in us-west-2 (another Region)" },
];

interface Place {
  id: string;
  region: string;
  role: string;
  up: boolean;
  detail: string;
}

/** One card per location: which copy lives there and whether it is up. */
function places(config: LabConfig, v: LabView): Place[] {
  const out: Place[] = [];
  const isDown = (az: string) => (v.failedRegion && az.startsWith("us-east-1")) || (v.failedAz && az === "us-east-1a");
  for (const az of ["us-east-1a", "us-east-1b", "us-east-1c"]) {
    let role = "—";
    let detail = "";
    if (v.primaryAz === az) {
      role = "Primary";
      detail = v.acceptingWrites ? "takes reads and writes" : "cannot commit";
    } else if (az === "us-east-1a") {
      role = "Old primary";
      detail = "lost";
    } else if (az === "us-east-1b" && config.standby) {
      role = v.standby ? "Sync standby" : "Standby";
      detail = v.standby ? "same data, no reads" : v.phase === "failing-over" ? "taking over" : "gone";
    } else if (az === "us-east-1c" && config.replica === "same-region") {
      role = v.replica ? "Read replica" : "Replica";
      detail = v.replica ? `async, ${formatSpan(v.replica.lagMs)} behind` : "—";
    }
    out.push({ id: az, region: "us-east-1", role, up: !isDown(az), detail });
  }
  let westRole = "—";
  let westDetail = "";
  if (v.primaryAz === "us-west-2a") {
    westRole = "Primary";
    westDetail = "promoted replica";
  } else if (config.replica === "other-region") {
    westRole = "Read replica";
    westDetail = v.replica ? `async, ${formatSpan(v.replica.lagMs)} behind` : "—";
  }
  out.push({ id: "us-west-2a", region: "us-west-2", role: westRole, up: true, detail: westDetail });
  return out;
}

export function ReplicationLab(props: ReplicationLabProps) {
  const { config, update, controls } = useConfiguredSimulation<LabConfig, LabHandle, LabView>({
    initialConfig: () => PRESETS[props.preset ?? "default"],
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 20 * SEC_MS,
    stepMs: 10 * SEC_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const stale = staleFraction(v.reads);
  const used = v.loss?.usedCopy ?? null;
  const hasReplica = config.replica !== "none";

  return (
    <WidgetFrame
      name="ReplicationLab"
      title="Replication lab: standby, read replica, and what a failure costs"
      intro={
        <p>
          An orders database in <strong>us-east-1a</strong> commits a steady stream of writes. Give it a synchronous
          standby, an asynchronous read replica, or both; press Play; then fail the primary&apos;s AZ or the whole
          Region. The run counts committed and lost writes (RPO), how long writes were refused, and how many
          read-after-write reads the replica answered with stale data. Timings and prices are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Your database (changing it starts a fresh run)">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.standby}
            onChange={(e) => update({ standby: e.target.checked })}
            className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
          />
          <span>
            Synchronous standby in us-east-1b (Multi-AZ): every commit waits for it; takes over automatically in about{" "}
            {formatSpan(FAILOVER_MS)}
          </span>
        </label>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField<ReplicaPlace>
            id={`${uid}-replica`}
            label="Asynchronous read replica"
            value={config.replica}
            options={REPLICA_OPTIONS}
            onChange={(replica) => update({ replica })}
          />
          <SelectField<LagLevel>
            id={`${uid}-lag`}
            label="Replica lag"
            value={config.lag}
            options={(Object.keys(LAG_LEVELS) as LagLevel[]).map((k) => ({ value: k, label: LAG_LEVELS[k].label }))}
            onChange={(lag) => update({ lag })}
            disabled={!hasReplica}
          />
          <SelectField<number>
            id={`${uid}-writes`}
            label="Writes per second"
            value={config.writesPerSec}
            options={WRITE_RATES.map((w) => ({ value: w, label: `${formatNumber(w)} writes/s` }))}
            onChange={(writesPerSec) => update({ writesPerSec })}
          />
          <SelectField<ReadTarget>
            id={`${uid}-reads`}
            label={`Users read their own write back ${formatSpan(READ_BACK_MS)} later, from`}
            value={config.readsFrom}
            options={[
              { value: "replica", label: "the read replica (offloads the primary)" },
              { value: "primary", label: "the primary (always up to date)" },
            ]}
            onChange={(readsFrom) => update({ readsFrom })}
            disabled={!hasReplica}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {instanceCount(config)} database instance{instanceCount(config) === 1 ? "" : "s"} at{" "}
          {formatNumber(DB_INSTANCE_PER_HOUR, 2)} $/h each = <strong>${formatNumber(costPerHour(config), 2)} an hour</strong>.
          Each commit takes about <strong>{formatNumber(commitLatencyMs(config), 1)} ms</strong>
          {config.standby ? " (including one round trip to the standby in another AZ)" : ""}; a synchronous copy in us-west-2
          would add about {Math.round(crossRegionRttMs())} ms to every commit instead.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div role="group" aria-label="Failures and recovery" className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={v.failedAz || v.failedRegion || controls.ended}
          onClick={() => controls.act((h) => void failPrimaryAz(h))}
        >
          Fail us-east-1a (primary&apos;s AZ)
        </button>
        <button
          type="button"
          className={dangerButtonClass}
          disabled={v.failedRegion || controls.ended}
          onClick={() => controls.act((h) => void failRegion(h))}
        >
          Fail all of us-east-1
        </button>
        <button
          type="button"
          className={primaryButtonClass}
          disabled={!v.canPromote || controls.ended}
          onClick={() => controls.act((h) => void promoteReplica(h))}
        >
          Promote the replica (takes {formatSpan(PROMOTE_MS)})
        </button>
      </div>
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <ul aria-label="Where the copies are" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {places(config, v).map((p) => (
          <li
            key={p.id}
            className={`min-w-0 rounded-lg border px-2 py-1.5 text-xs ${
              p.up
                ? "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"
                : "border-rose-400 bg-rose-50 dark:border-rose-700 dark:bg-rose-950"
            }`}
          >
            <span className="block font-semibold">
              {p.id} <span className="font-normal text-slate-600 dark:text-slate-300">{p.up ? "up" : "DOWN"}</span>
            </span>
            <span className="block">{p.role}</span>
            {p.detail ? <span className="block text-slate-600 dark:text-slate-300">{p.detail}</span> : null}
          </li>
        ))}
      </ul>

      <MetricGrid label="Run results">
        <MetricTile
          label="Writes committed"
          value={formatNumber(v.committedWrites)}
          detail={`${formatNumber(v.rejectedWrites)} refused while down`}
          tone={v.rejectedWrites > 0 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Committed writes lost"
          value={used ? formatNumber(used.lostWrites) : v.phase === "no-copy" ? "all at risk" : "—"}
          detail={used ? `RPO ${formatSpan(used.rpoMs)} (from the ${used.source})` : v.loss?.replicaCopy ? `replica lacks ${formatSpan(v.loss.replicaCopy.rpoMs)}` : "nothing failed yet"}
          tone={used ? (used.lostWrites > 0 ? "bad" : "good") : v.phase === "no-copy" ? "bad" : "neutral"}
        />
        <MetricTile
          label="Writes refused for"
          value={v.loss ? (v.writeOutageMs !== null ? formatSpan(v.writeOutageMs) : `≥ ${formatSpan(v.nowMs - v.loss.atMs)}`) : "—"}
          detail={v.loss ? (v.writeOutageMs !== null ? "failover time" : "still down") : "no outage"}
          tone={v.loss ? (v.writeOutageMs !== null ? "good" : "bad") : "neutral"}
        />
        <MetricTile
          label="Stale read-after-write reads"
          value={config.readsFrom === "replica" && hasReplica ? formatPercent(stale) : "0 %"}
          detail={`${formatNumber(v.reads.stale)} stale, ${formatNumber(v.reads.fresh)} fresh${v.reads.failed ? `, ${formatNumber(v.reads.failed)} failed` : ""}`}
          tone={v.reads.stale > 0 ? "bad" : "neutral"}
        />
      </MetricGrid>

      <Chart
        title="Writes committed per second"
        summary="Committed writes in each second of the run; a gap means the database refused writes (failover or promotion)."
        x={v.series.sec}
        xLabel="second"
        yLabel="writes"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        yMax={config.writesPerSec * 1.25}
        series={[{ id: "commits", label: "writes/s", values: v.series.commitsPerSec, colorClass: "stroke-sky-600 dark:stroke-sky-400", step: true }]}
      />
      {hasReplica ? (
        <Chart
          title="Replica lag (seconds behind the primary)"
          summary={`How far the read replica is behind, each second, against the ${formatSpan(READ_BACK_MS)} after which users read their own writes: above that line, those reads are stale. Zero while the replica is down or promoted.`}
          x={v.series.sec}
          xLabel="second"
          yLabel="s"
          formatX={(s) => `${s} s`}
          formatY={(y) => y.toFixed(1)}
          xDomain={[0, LAB_END_MS / SEC_MS]}
          series={[
            { id: "lag", label: "replica lag (s)", values: v.series.lagSec.map((x) => x ?? 0), colorClass: "stroke-amber-600 dark:stroke-amber-400" },
            { id: "readback", label: "read-back delay (s)", values: v.series.sec.map(() => READ_BACK_MS / SEC_MS), colorClass: "stroke-slate-500 dark:stroke-slate-400", dash: "dashed" },
          ]}
        />
      ) : null}
    </WidgetFrame>
  );
}
