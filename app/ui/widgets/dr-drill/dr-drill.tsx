"use client";

import { useId, useState } from "react";
import { DR_STRATEGIES, type DrStrategy } from "@/lib/sim";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BACKUP_COPY_DELAY_MS,
  BACKUP_INTERVALS_MS,
  DATA_SIZES_GIB,
  DEFAULT_CONFIG,
  DRILL_COSTS,
  DRILL_END_MS,
  LAG_LEVELS,
  MIN_MS,
  RPO_CHOICES_MS,
  RTO_CHOICES_MS,
  STRATEGY_BLURBS,
  STRATEGY_LABELS,
  WRITES_PER_SEC,
  configCostPerHour,
  createDrill,
  crossRegionRttMs,
  failPrimaryRegion,
  formatSpan,
  formatUsdCents,
  phaseText,
  plannedRtoMs,
  statusMessage,
  timeline,
  verdict,
  viewDrill,
  worstCaseRpoMs,
  type DrillConfig,
  type DrillHandle,
  type LagLevel,
  type Objectives,
} from "./model";

export interface DrDrillProps {
  /** First strategy shown. Default "backup-restore". */
  strategy?: DrStrategy;
  seed?: number;
}

const BAR_COLOURS: Record<string, string> = {
  detect: "bg-amber-500 dark:bg-amber-400",
  decide: "bg-rose-500 dark:bg-rose-400",
  database: "bg-sky-600 dark:bg-sky-400",
  application: "bg-indigo-600 dark:bg-indigo-400",
  switch: "bg-emerald-600 dark:bg-emerald-400",
};

export function DrDrill(props: DrDrillProps) {
  const [objectives, setObjectives] = useState<Objectives>({ rtoMs: 4 * 60 * MIN_MS, rpoMs: 24 * 60 * MIN_MS });
  const { config, update, controls } = useConfiguredSimulation<DrillConfig, DrillHandle, ReturnType<typeof viewDrill>>({
    initialConfig: () => ({ ...DEFAULT_CONFIG, strategy: props.strategy ?? DEFAULT_CONFIG.strategy }),
    create: createDrill,
    view: viewDrill,
    seed: props.seed,
    simMsPerSecond: 5 * MIN_MS,
    stepMs: 5 * MIN_MS,
    endMs: DRILL_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const incident = v.incident;
  const usesReplica = config.strategy !== "backup-restore";
  const segments = incident ? timeline(incident, config.strategy) : [];
  const span = incident ? Math.max(incident.rtoMs, 1) : 1;
  const ok = incident ? verdict(incident, objectives) : null;
  const restored = v.phase === "restored";

  return (
    <WidgetFrame
      name="DrDrill"
      title="Disaster-recovery drill: lose a whole Region"
      intro={
        <p>
          An online shop writes {WRITES_PER_SEC} orders a second to a database in <strong>us-east-1</strong>. Choose a DR
          strategy for the recovery Region <strong>us-west-2</strong>, press Play, then fail all of us-east-1 and watch
          the recovery. RTO and RPO are measured from the run. Timings and prices are illustrative, in the ranges the
          AWS DR whitepaper describes.
        </p>
      }
    >
      <SettingsFieldset legend="Your DR plan (changing it starts a fresh run)">
        <div role="radiogroup" aria-label="DR strategy" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {DR_STRATEGIES.map((s) => (
            <label
              key={s}
              className={`flex cursor-pointer gap-2 rounded-md border p-2 text-sm ${
                config.strategy === s
                  ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950"
                  : "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"
              }`}
            >
              <input
                type="radio"
                name={`${uid}-strategy`}
                value={s}
                checked={config.strategy === s}
                onChange={() => update({ strategy: s })}
                className="mt-1 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
              />
              <span className="min-w-0">
                <span className="font-semibold">{STRATEGY_LABELS[s]}</span>{" "}
                <span className="tabular-nums text-slate-600 dark:text-slate-300">
                  ({formatUsdCents(configCostPerHour({ ...config, strategy: s }))}/h)
                </span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">{STRATEGY_BLURBS[s]}</span>
              </span>
            </label>
          ))}
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField
            id={`${uid}-backup`}
            label="Backup every (copied to us-west-2 10 min later)"
            value={config.backupIntervalMs}
            options={BACKUP_INTERVALS_MS.map((ms) => ({ value: ms, label: formatSpan(ms) }))}
            onChange={(backupIntervalMs) => update({ backupIntervalMs })}
          />
          <SelectField<LagLevel>
            id={`${uid}-lag`}
            label={usesReplica ? "Async replication lag to us-west-2" : "Async replication (not used by backup & restore)"}
            value={config.lag}
            options={(Object.keys(LAG_LEVELS) as LagLevel[]).map((k) => ({ value: k, label: LAG_LEVELS[k].label }))}
            onChange={(lag) => update({ lag })}
            disabled={!usesReplica}
          />
          <SelectField
            id={`${uid}-size`}
            label="Database size"
            value={config.dataGiB}
            options={DATA_SIZES_GIB.map((g) => ({ value: g, label: `${g} GiB` }))}
            onChange={(dataGiB) => update({ dataGiB })}
          />
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.automated}
              onChange={(e) => update({ automated: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>Automate the failover decision (1 min instead of a human call)</span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.multiAz}
              onChange={(e) => update({ multiAz: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>Multi-AZ synchronous standby in us-east-1b (+{formatUsdCents(DRILL_COSTS.dbInstancePerHour)}/h)</span>
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Plan predicts: RTO about <strong>{formatSpan(plannedRtoMs(config))}</strong>, worst-case RPO about{" "}
          <strong>{formatSpan(worstCaseRpoMs(config))}</strong>. Making replication synchronous across these Regions would
          add about {Math.round(crossRegionRttMs())} ms to every write (one round trip between the Regions).
        </p>
      </SettingsFieldset>

      <SettingsFieldset legend="Business objectives" gap="gap-2">
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            id={`${uid}-rto`}
            label="RTO: back within"
            value={objectives.rtoMs}
            options={RTO_CHOICES_MS.map((ms) => ({ value: ms, label: formatSpan(ms) }))}
            onChange={(rtoMs) => setObjectives((o) => ({ ...o, rtoMs }))}
          />
          <SelectField
            id={`${uid}-rpo`}
            label="RPO: lose at most"
            value={objectives.rpoMs}
            options={RPO_CHOICES_MS.map((ms) => ({ value: ms, label: formatSpan(ms) }))}
            onChange={(rpoMs) => setObjectives((o) => ({ ...o, rpoMs }))}
          />
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={incident !== null || controls.ended}
          onClick={() => controls.act((h) => void failPrimaryRegion(h))}
        >
          Fail us-east-1 (whole Region)
        </button>
        <p className="text-sm">
          <span className="font-semibold">Phase:</span> {phaseText(v.phase)}
          {v.serving ? "" : " — customers get errors"}
        </p>
      </div>
      <LiveRegion message={statusMessage(config, v, objectives, controls.ended)} />

      <MetricGrid label="Drill results">
        <MetricTile
          label="RTO (measured)"
          value={incident ? (restored ? formatSpan(incident.rtoMs) : `≥ ${formatSpan(v.nowMs - incident.failedAtMs)}`) : "—"}
          tone={ok && restored ? (ok.rtoMet ? "good" : "bad") : "neutral"}
          detail={ok && restored ? `${ok.rtoMet ? "meets" : "misses"} ${formatSpan(objectives.rtoMs)}` : `target ${formatSpan(objectives.rtoMs)}`}
        />
        <MetricTile
          label="RPO (measured)"
          value={incident ? formatSpan(incident.rpoMs) : "—"}
          tone={ok ? (ok.rpoMet ? "good" : "bad") : "neutral"}
          detail={ok ? `${ok.rpoMet ? "meets" : "misses"} ${formatSpan(objectives.rpoMs)}` : `target ${formatSpan(objectives.rpoMs)}`}
        />
        <MetricTile
          label="Orders lost"
          value={incident ? incident.lostWrites.toLocaleString("en-US") : "—"}
          tone={incident ? (incident.lostWrites > 0 ? "bad" : "good") : "neutral"}
          detail={incident ? `recovered from the ${incident.loss?.source ?? "nothing"}` : `${v.committedWrites.toLocaleString("en-US")} written`}
        />
        <MetricTile
          label="DR cost per hour"
          value={formatUsdCents(v.costPerHour.total)}
          detail={`us-east-1 ${formatUsdCents(v.costPerHour.primary)} + us-west-2 ${formatUsdCents(v.costPerHour.recovery)}`}
        />
      </MetricGrid>

      <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="inline font-medium">Newest backup in us-west-2: </dt>
          <dd className="inline tabular-nums">
            {v.latestBackupAsOfMs === null ? "none yet" : `taken at t = ${formatSpan(v.latestBackupAsOfMs)}`}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Replica behind by: </dt>
          <dd className="inline tabular-nums">
            {!usesReplica ? "no replica" : v.replicaLagMs === null ? "—" : formatSpan(v.replicaLagMs)}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Orders rejected while down: </dt>
          <dd className="inline tabular-nums">{v.rejectedWrites.toLocaleString("en-US")}</dd>
        </div>
      </dl>

      <figure className="flex min-w-0 flex-col gap-2">
        <figcaption className="text-sm font-semibold">Recovery timeline (from the failure)</figcaption>
        {incident ? (
          <ol className="flex flex-col gap-1.5" aria-label="Recovery steps">
            {segments.map((s) => {
              const width = ((s.endMs - s.startMs) / span) * 100;
              const done = v.nowMs - incident.failedAtMs >= s.endMs;
              return (
                <li key={s.id} className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] items-center gap-2 text-xs sm:grid-cols-[14rem_minmax(0,1fr)]">
                  <span className="min-w-0">
                    {s.label}{" "}
                    <span className="tabular-nums text-slate-600 dark:text-slate-300">
                      {formatSpan(s.startMs)}–{formatSpan(s.endMs)}
                      {done ? " ✓" : ""}
                    </span>
                  </span>
                  <span className="relative h-3 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                    <span
                      className={`absolute inset-y-0 rounded ${BAR_COLOURS[s.id]} ${done ? "" : "opacity-40"}`}
                      style={{ left: `${(s.startMs / span) * 100}%`, width: `${Math.max(width, 0.8)}%` }}
                    />
                  </span>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            No disaster yet. Backups are taken every {formatSpan(config.backupIntervalMs)} and usable in us-west-2{" "}
            {formatSpan(BACKUP_COPY_DELAY_MS)} later.
          </p>
        )}
      </figure>
    </WidgetFrame>
  );
}
