"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatDuration, formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  ALARM_PERIOD_MS,
  ALARM_THRESHOLD,
  BAD_V2_ERROR_RATE,
  BATCHES,
  BUCKET_MS,
  CANARY_MINUTES,
  CANARY_PCTS,
  DEFAULT_CONFIG,
  FLEET_SIZE,
  INSTANCE_PER_HOUR,
  INSTANCE_RPS,
  isBlueGreen,
  KEEP_OLD_MS,
  LAB_END_MS,
  LAUNCH_MS,
  NEW_VERSIONS,
  RATE_PER_SEC,
  SEC_MS,
  STRATEGIES,
  createDeployLab,
  phaseLabel,
  rollBack,
  statusMessage,
  viewDeployLab,
  type DeployConfig,
  type DeployHandle,
  type DeployView,
  type NewVersion,
  type Strategy,
} from "./model";

export interface DeploymentStrategyLabProps {
  /** "default": rolling, 2 at a time, with a bad v2 and automatic rollback; "canary": a 10 % canary instead. */
  preset?: "default" | "canary";
  seed?: number;
}

const PRESETS: Record<NonNullable<DeploymentStrategyLabProps["preset"]>, DeployConfig> = {
  default: DEFAULT_CONFIG,
  canary: { ...DEFAULT_CONFIG, strategy: "canary" },
};

const STATE_LABEL = { "in-service": "serving", updating: "updating", launching: "launching", terminated: "gone" } as const;

export function DeploymentStrategyLab(props: DeploymentStrategyLabProps) {
  const { config, update, controls } = useConfiguredSimulation<DeployConfig, DeployHandle, DeployView>({
    initialConfig: () => PRESETS[props.preset ?? "default"],
    create: createDeployLab,
    view: viewDeployLab,
    seed: props.seed,
    simMsPerSecond: 30 * SEC_MS,
    stepMs: BUCKET_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const x = v.buckets.map((b) => b.endSec);
  const bucketSec = BUCKET_MS / SEC_MS;
  const detectAfter = v.detectedAtMs !== null && v.firstV2AtMs !== null ? v.detectedAtMs - v.firstV2AtMs : null;
  const canRollBack = v.phase === "deploying" || v.phase === "canary" || v.phase === "switched";

  return (
    <WidgetFrame
      name="DeploymentStrategyLab"
      title="Deployment lab: rolling, blue/green and canary, with automatic rollback"
      intro={
        <p>
          {FLEET_SIZE} instances behind a load balancer serve {RATE_PER_SEC} requests per second; each can take{" "}
          {INSTANCE_RPS} a second, and beyond that sheds requests with 503. At 30 s, version 2 is deployed. Updating or
          launching an instance takes {LAUNCH_MS / SEC_MS} s. An alarm checks v2&apos;s error rate every{" "}
          {ALARM_PERIOD_MS / SEC_MS} s (above {ALARM_THRESHOLD * 100} % is a breach) until {KEEP_OLD_MS / 60_000}{" "}
          minutes after the last step. Timings, rates and prices are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Deployment (changing it starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<Strategy>
            id={`${uid}-strategy`}
            label="Strategy"
            value={config.strategy}
            options={(Object.keys(STRATEGIES) as Strategy[]).map((k) => ({ value: k, label: STRATEGIES[k] }))}
            onChange={(strategy) => update({ strategy })}
          />
          <SelectField<number>
            id={`${uid}-batch`}
            label="Rolling batch size"
            value={config.batch}
            disabled={config.strategy !== "rolling"}
            options={BATCHES.map((b) => ({ value: b, label: `${b} of ${FLEET_SIZE} at a time` }))}
            onChange={(batch) => update({ batch })}
          />
          <SelectField<NewVersion>
            id={`${uid}-version`}
            label="The new version (v2) is"
            value={config.newVersion}
            options={(Object.keys(NEW_VERSIONS) as NewVersion[]).map((k) => ({ value: k, label: NEW_VERSIONS[k] }))}
            onChange={(newVersion) => update({ newVersion })}
          />
          <SelectField<number>
            id={`${uid}-canary-pct`}
            label="Canary share of traffic"
            value={config.canaryPct}
            disabled={config.strategy !== "canary"}
            options={CANARY_PCTS.map((p) => ({ value: p, label: `${p} %` }))}
            onChange={(canaryPct) => update({ canaryPct })}
          />
          <SelectField<number>
            id={`${uid}-canary-min`}
            label="Canary lasts"
            value={config.canaryMinutes}
            disabled={config.strategy !== "canary"}
            options={CANARY_MINUTES.map((m) => ({ value: m, label: `${m} minutes` }))}
            onChange={(canaryMinutes) => update({ canaryMinutes })}
          />
          <label className="flex items-start gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.autoRollback}
              onChange={(e) => update({ autoRollback: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>Roll back automatically when the alarm fires</span>
          </label>
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={!canRollBack || controls.ended}
          onClick={() => controls.act((h) => rollBack(h))}
        >
          Roll back now
        </button>
        <p className="text-sm">
          Deployment: <strong>{phaseLabel(v.phase)}</strong>
          {v.doneAtMs !== null ? ` (at ${formatDuration(v.doneAtMs)})` : ""}
        </p>
      </div>
      <ul aria-label="Instances" className="flex flex-wrap gap-1.5">
        {v.instances.map((i) => (
          <li
            key={i.id}
            className={`rounded-md border px-2 py-1 text-xs tabular-nums ${
              i.state !== "in-service"
                ? "border-dashed border-slate-400 text-slate-600 dark:border-slate-500 dark:text-slate-300"
                : i.version === 2
                  ? "border-emerald-500 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950"
                  : "border-sky-500 bg-sky-50 dark:border-sky-500 dark:bg-sky-950"
            }`}
          >
            {isBlueGreen(config.strategy) ? i.fleet : "web"} {i.id + 1}: v{i.state === "in-service" ? i.version : i.target} {STATE_LABEL[i.state]}
          </li>
        ))}
      </ul>
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Results">
        <MetricTile
          label="Failed requests"
          value={formatNumber(v.failed)}
          detail={`${formatNumber(v.v2Errors)} from v2, ${formatNumber(v.versionErrors - v.v2Errors)} from v1, ${formatNumber(v.capacityErrors)} no capacity (503)`}
          tone={v.failed > 0.005 * Math.max(v.requests, 1) ? "bad" : v.requests > 0 ? "good" : "neutral"}
        />
        <MetricTile
          label="Alarm"
          value={v.detectedAtMs === null ? "not raised" : `at ${formatDuration(v.detectedAtMs)}`}
          detail={detectAfter === null ? `v2 served ${formatNumber(v.v2Requests)} requests` : `${formatDuration(detectAfter)} after v2's first request`}
          tone={v.detectedAtMs === null ? "neutral" : "bad"}
        />
        <MetricTile
          label="Lowest capacity"
          value={formatPercent(v.minCapacity, 0)}
          detail={`now ${formatPercent(v.capacity, 0)} of normal`}
          tone={v.minCapacity < 1 ? "bad" : "good"}
        />
        <MetricTile
          label="Extra cost"
          value={`$${formatNumber(v.extraCost, 3)}`}
          detail={`${formatNumber(v.extraInstanceHours, 2)} extra instance-hours at $${INSTANCE_PER_HOUR}`}
        />
      </MetricGrid>

      <Chart
        title={`Traffic on v2 and serving capacity, per ${bucketSec} s`}
        summary="The share of requests served by version 2, and the capacity of the instances that can receive traffic, as a percentage of the normal fleet (a second fleet can take it above 100 %)."
        x={x}
        xLabel="second"
        yLabel="%"
        formatX={(s) => `${s} s`}
        formatY={(y) => `${Math.round(y)} %`}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        yMax={200}
        series={[
          { id: "v2", label: "traffic on v2 (%)", values: v.buckets.map((b) => b.v2Share * 100), colorClass: "stroke-emerald-600 dark:stroke-emerald-400" },
          { id: "capacity", label: "serving capacity (% of normal)", values: v.buckets.map((b) => b.capacity * 100), colorClass: "stroke-sky-600 dark:stroke-sky-400", dash: "dashed", step: true },
        ]}
      />
      <Chart
        title={`Failed requests per second`}
        summary={`Requests that failed in each ${bucketSec}-second interval, per second: errors from either version (a bad v2 fails ${BAD_V2_ERROR_RATE * 100} % of its requests) and 503s when too few instances were serving.`}
        x={x}
        xLabel="second"
        yLabel="per s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[{ id: "failed", label: "failed requests per s", values: v.buckets.map((b) => b.failed / bucketSec), colorClass: "stroke-rose-600 dark:stroke-rose-400" }]}
      />
    </WidgetFrame>
  );
}
