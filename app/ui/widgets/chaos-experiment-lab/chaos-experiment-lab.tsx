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
  CHECK_INTERVALS_MS,
  DEFAULT_CONFIG,
  DEMAND_RPS,
  FAULTS,
  FAULT_DURATION_MS,
  INJECT_AT_MS,
  INSTANCE_CAPACITY_RPS,
  LAYOUTS,
  RUN_MS,
  STEADY_SUCCESS,
  STOP_CONDITIONS,
  createExperiment,
  faultTargets,
  formatSuccess,
  statusMessage,
  verdict,
  viewExperiment,
  type ExperimentConfig,
  type ExperimentHandle,
  type ExperimentView,
  type FaultKind,
  type Layout,
  type StopCondition,
} from "./model";

export interface ChaosExperimentLabProps {
  /** Starting system: "3" (default) or "6" instances. */
  layout?: Layout;
  seed?: number;
}

export function ChaosExperimentLab(props: ChaosExperimentLabProps) {
  const { config, update, controls } = useConfiguredSimulation<ExperimentConfig, ExperimentHandle, ExperimentView>({
    initialConfig: () => ({ ...DEFAULT_CONFIG, layout: props.layout ?? DEFAULT_CONFIG.layout }),
    create: createExperiment,
    view: viewExperiment,
    seed: props.seed,
    simMsPerSecond: 20_000,
    stepMs: 10_000,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const n = LAYOUTS[config.layout].perAz * 3;
  const radius = faultTargets(config).length;
  const end = verdict(v);
  const stop = STOP_CONDITIONS[config.stop].minSuccess;
  const windowEnds = v.windows.map((w) => w.endMs / 1000);
  const success = v.windows.map((w) => (w.success === null ? 100 : w.success * 100));
  const faultActive = v.windows.map((w) =>
    v.injectedAtMs !== null && w.endMs > v.injectedAtMs && (v.rolledBackAtMs === null || w.endMs - 10_000 < v.rolledBackAtMs) ? 100 : 0,
  );

  return (
    <WidgetFrame
      name="ChaosExperimentLab"
      title="Chaos experiment: state a hypothesis, inject a fault, keep a stop condition"
      intro={
        <p>
          A web tier in three AZs serves {DEMAND_RPS} requests a second; each instance handles about {INSTANCE_CAPACITY_RPS}. The
          experiment injects its fault at {INJECT_AT_MS / 1000} s and rolls it back {FAULT_DURATION_MS / 1000} s later — or as
          soon as the stop condition fires. Steady-state hypothesis: at least {(STEADY_SUCCESS * 100).toFixed(1)} % of
          requests succeed from the injection to the end of the run.
        </p>
      }
    >
      <SettingsFieldset legend="System under test (changing it starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id={`${uid}-layout`}
            label="Instances"
            value={config.layout}
            options={(Object.keys(LAYOUTS) as Layout[]).map((l) => ({ value: l, label: LAYOUTS[l].label }))}
            onChange={(layout) => update({ layout })}
          />
          <SelectField
            id={`${uid}-checks`}
            label="Health check every (unhealthy after 2 failures)"
            value={config.checkIntervalMs}
            options={CHECK_INTERVALS_MS.map((ms) => ({ value: ms, label: `${ms / 1000} s${ms === 30_000 ? " (ALB default)" : ""}` }))}
            onChange={(checkIntervalMs) => update({ checkIntervalMs })}
          />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.retries}
            onChange={(e) => update({ retries: e.target.checked })}
            className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
          />
          <span>Clients retry a fast failure once, on another instance (an estimate)</span>
        </label>
      </SettingsFieldset>

      <SettingsFieldset legend="Experiment template (changing it starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id={`${uid}-fault`}
            label="Fault and blast radius"
            value={config.fault}
            options={(Object.keys(FAULTS) as FaultKind[]).map((f) => ({ value: f, label: FAULTS[f].label }))}
            onChange={(fault) => update({ fault })}
          />
          <SelectField
            id={`${uid}-stop`}
            label="Stop condition (halts and rolls back)"
            value={config.stop}
            options={(Object.keys(STOP_CONDITIONS) as StopCondition[]).map((s) => ({ value: s, label: STOP_CONDITIONS[s].label }))}
            onChange={(stop) => update({ stop })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Blast radius: {radius} of {n} instances ({Math.round((100 * radius) / n)} % of capacity).
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Experiment results">
        <MetricTile
          label="Hypothesis"
          value={end === "pending" ? "running" : end === "held" ? "held" : "refuted"}
          tone={end === "pending" ? "neutral" : end === "held" ? "good" : "bad"}
          detail={`success ≥ ${(STEADY_SUCCESS * 100).toFixed(1)} % after injection`}
        />
        <MetricTile
          label="Success since injection"
          value={formatSuccess(v.successSinceInjection)}
          tone={v.successSinceInjection === null ? "neutral" : v.successSinceInjection >= STEADY_SUCCESS ? "good" : "bad"}
          detail={`${Math.round(v.failedSinceInjection).toLocaleString("en-US")} failed${config.retries ? " after retries" : ""}`}
        />
        <MetricTile
          label="Stop condition"
          value={stop === null ? "none" : v.stoppedByAlarm ? "fired" : "quiet"}
          tone={v.stoppedByAlarm ? "bad" : "neutral"}
          detail={v.stoppedByAlarm && v.rolledBackAtMs !== null ? `halted at ${Math.round(v.rolledBackAtMs / 1000)} s` : v.rolledBackAtMs !== null ? "fault rolled back on schedule" : "—"}
        />
        <MetricTile
          label="Worst 10 s window"
          value={formatSuccess(v.worstWindow?.success ?? null)}
          detail={v.p99Ms === null ? "p99 —" : `run p99 ${Math.round(v.p99Ms)} ms`}
        />
      </MetricGrid>

      <Chart
        title="Success rate per 10-second window"
        summary={`Percentage of requests that succeeded in each window${config.retries ? " (after one retry, estimated)" : ""}, and when the fault was active.`}
        x={windowEnds}
        xLabel="second"
        yLabel="% succeeded"
        formatX={(s) => `${s} s`}
        xDomain={[10, RUN_MS / 1000]}
        yMax={100}
        series={[
          { id: "success", label: "Success rate", values: success, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "fault", label: "Fault active (100) / not (0)", values: faultActive, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dotted", step: true },
        ]}
      />
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Instance sizes and traffic are illustrative. A rolled-back instance comes back empty and must pass 5 health checks before the
        load balancer trusts it again, as on AWS.
      </p>
    </WidgetFrame>
  );
}
