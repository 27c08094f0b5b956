"use client";

import { useId } from "react";
import { ChallengeList } from "../kit/challenge-list";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BASE_RPS,
  CHALLENGES,
  DEFAULT_CONFIG,
  HOT_CPU,
  MINUTE_MS,
  PEAK_RPS,
  PRICE_PER_INSTANCE_HOUR,
  RPS_PER_INSTANCE,
  RUN_MINUTES,
  RUN_MS,
  SPIKE,
  challengeMet,
  createScalingLab,
  describePolicy,
  formatCost,
  viewScalingLab,
  type PolicyMode,
  type ScalingLabConfig,
  type ScalingLabView,
} from "./model";

export interface AutoScalingLabProps {
  /** "target-tracking" (default), "step" or "fixed": the policy the lab starts with. */
  preset?: PolicyMode;
  seed?: number;
}

const MODES: { id: PolicyMode; label: string; hint: string }[] = [
  { id: "fixed", label: "Fixed capacity", hint: "no scaling: the same number of instances all the time" },
  { id: "target-tracking", label: "Target tracking", hint: "hold average CPU near a target value" },
  { id: "step", label: "Step scaling", hint: "add 1, 2 or 4 instances as CPU passes a threshold" },
];

const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);

function statusMessage(config: ScalingLabConfig, v: ScalingLabView, ended: boolean): string {
  const t = v.totals;
  if (ended) {
    const met = CHALLENGES.filter((c) => challengeMet(c, v)).map((c) => `“${c.label}”`);
    return (
      `Run finished after ${RUN_MINUTES} minutes. ${t.hotMinutes} minute${t.hotMinutes === 1 ? "" : "s"} above ${HOT_CPU} % CPU, ` +
      `${formatPercent(1 - t.servedFraction)} of requests unserved, peak ${t.peakInService} instances, cost ${formatCost(t.costUsd)}. ` +
      (met.length > 0 ? `Challenge met: ${met.join(" and ")}.` : "No challenge met yet: change the policy and run again.")
    );
  }
  const a = v.lastActivity;
  if (a) {
    const dir = a.toDesired > a.fromDesired ? "out" : "in";
    const why = a.cause === "scheduled" ? "a scheduled action" : a.cause === "manual" ? "a manual change" : `policy ${a.cause}`;
    const cpu = a.metric === null ? "" : ` at ${formatNumber(a.metric)} % CPU`;
    return `Minute ${minuteOf(a.atMs)}: scale ${dir} by ${why}${cpu}, desired capacity ${a.fromDesired} → ${a.toDesired}.`;
  }
  if (v.nowMs > 0) {
    return `Minute ${minuteOf(v.nowMs)}: ${v.group.inService} instances in service, no scaling activity yet.`;
  }
  return `Ready: ${describePolicy(config)}. Press Play to send the traffic spike.`;
}

export function AutoScalingLab(props: AutoScalingLabProps) {
  const { config, update, controls } = useConfiguredSimulation({
    initialConfig: (): ScalingLabConfig => ({ ...DEFAULT_CONFIG, mode: props.preset ?? DEFAULT_CONFIG.mode }),
    create: createScalingLab,
    view: viewScalingLab,
    seed: props.seed,
    simMsPerSecond: 6 * MINUTE_MS,
    stepMs: 5 * MINUTE_MS,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const uid = useId();
  const dynamic = config.mode !== "fixed";
  const t = v.totals;
  const cpuNow = v.cpu.length > 0 ? (v.cpu[v.cpu.length - 1] as number) : null;
  const g = v.group;

  return (
    <WidgetFrame
      name="AutoScalingLab"
      title="Auto scaling lab: absorb a 3× traffic spike"
      intro={
        <p>
          A web tier in an Auto Scaling group spread over three AZs. Demand sits at {BASE_RPS} requests/s, climbs to{" "}
          {PEAK_RPS} requests/s between minutes {SPIKE.rampStart} and {SPIKE.peakStart}, holds until minute{" "}
          {SPIKE.peakEnd} and is back to normal by minute {SPIKE.rampEnd}. Each instance serves {RPS_PER_INSTANCE}{" "}
          requests/s at 100 % CPU and costs {formatCost(PRICE_PER_INSTANCE_HOUR)} an hour (illustrative numbers). Pick
          a policy, then press Play.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh run)">
        <div role="radiogroup" aria-label="Scaling policy" className="flex flex-col gap-1">
          <span className={labelClass}>Scaling policy</span>
          {MODES.map((m) => (
            <label key={m.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={`${uid}-mode`}
                value={m.id}
                checked={config.mode === m.id}
                onChange={() => update({ mode: m.id })}
                className="mt-1 accent-sky-700 dark:accent-sky-400"
              />
              <span>
                <span className="font-medium">{m.label}</span> — {m.hint}
              </span>
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-4">
          {config.mode === "fixed" ? (
            <RangeField
              id={`${uid}-fixed`}
              width="min-w-36 flex-1"
              label="Instances"
              display={`${config.fixedCapacity}`}
              value={config.fixedCapacity}
              min={1}
              max={30}
              onChange={(fixedCapacity) => update({ fixedCapacity })}
            />
          ) : null}
          {config.mode === "target-tracking" ? (
            <RangeField
              id={`${uid}-target`}
              width="min-w-36 flex-1"
              label="Target average CPU"
              display={`${config.targetCpu} %`}
              value={config.targetCpu}
              min={30}
              max={90}
              step={5}
              onChange={(targetCpu) => update({ targetCpu })}
            />
          ) : null}
          {config.mode === "step" ? (
            <RangeField
              id={`${uid}-threshold`}
              width="min-w-36 flex-1"
              label="Scale-out alarm at CPU ≥"
              display={`${config.stepThreshold} %`}
              value={config.stepThreshold}
              min={40}
              max={90}
              step={5}
              onChange={(stepThreshold) => update({ stepThreshold })}
            />
          ) : null}
          {dynamic ? (
            <>
              <RangeField
                id={`${uid}-min`}
                width="min-w-36 flex-1"
                label="Minimum"
                display={`${config.minSize}`}
                value={config.minSize}
                min={1}
                max={10}
                onChange={(minSize) => update({ minSize, maxSize: Math.max(minSize, config.maxSize) })}
              />
              <RangeField
                id={`${uid}-max`}
                width="min-w-36 flex-1"
                label="Maximum"
                display={`${config.maxSize}`}
                value={config.maxSize}
                min={4}
                max={30}
                onChange={(maxSize) => update({ maxSize, minSize: Math.min(maxSize, config.minSize) })}
              />
              <RangeField
                id={`${uid}-warmup`}
                width="min-w-36 flex-1"
                label="Instance warm-up"
                display={`${config.warmupSeconds} s`}
                value={config.warmupSeconds}
                min={0}
                max={900}
                step={60}
                onChange={(warmupSeconds) => update({ warmupSeconds })}
              />
            </>
          ) : null}
          <RangeField
            id={`${uid}-launch`}
            width="min-w-36 flex-1"
            label="Launch time (to InService)"
            display={`${config.launchSeconds} s`}
            value={config.launchSeconds}
            min={30}
            max={600}
            step={30}
            onChange={(launchSeconds) => update({ launchSeconds })}
          />
        </div>
        {dynamic ? (
          <div className="flex flex-wrap items-end gap-4">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={config.scheduledBoost}
                onChange={(e) => update({ scheduledBoost: e.target.checked })}
                className="size-4 accent-sky-700 dark:accent-sky-400"
              />
              Scheduled action: raise the minimum at minute 15, restore it at minute {SPIKE.rampEnd}
            </label>
            {config.scheduledBoost ? (
              <RangeField
                id={`${uid}-sched`}
                width="min-w-36 flex-1"
                label="Scheduled minimum"
                display={`${config.scheduledMin}`}
                value={config.scheduledMin}
                min={2}
                max={24}
                onChange={(scheduledMin) => update({ scheduledMin })}
              />
            ) : null}
          </div>
        ) : null}
      </SettingsFieldset>

      <ControlBar controls={controls} stepLabel="Step 5 min" />
      <LiveRegion message={statusMessage(config, v, controls.ended)} />

      <MetricGrid label="Auto Scaling group now">
        <MetricTile
          label="Instances in service"
          value={`${g.inService}`}
          detail={`desired ${g.desired} · pending ${g.pending} · warming ${g.warmingUp}`}
        />
        <MetricTile
          label="Average CPU now"
          value={cpuNow === null ? "—" : `${formatNumber(cpuNow)} %`}
          tone={cpuNow === null ? "neutral" : cpuNow > HOT_CPU ? "bad" : "good"}
          detail={cpuNow !== null && cpuNow > HOT_CPU ? "hot: above 80 %" : "OK"}
        />
        <MetricTile
          label={`Minutes above ${HOT_CPU} % CPU`}
          value={`${t.hotMinutes}`}
          tone={t.hotMinutes > 5 ? "bad" : "neutral"}
          detail={`${t.overloadedMinutes} min with demand above capacity`}
        />
        <MetricTile
          label="Requests unserved"
          value={formatPercent(1 - t.servedFraction, 2)}
          tone={t.unserved > 0 ? "bad" : "neutral"}
          detail={`${formatNumber(t.unserved)} of ${formatNumber(t.requests)}`}
        />
        <MetricTile label="Cost so far" value={formatCost(t.costUsd)} detail={`${formatNumber(t.instanceHours, 1)} instance-hours`} />
        <MetricTile label="Peak in service" value={`${t.peakInService}`} detail={`${t.activities} scaling activities`} />
      </MetricGrid>

      <Chart
        title="Capacity vs demand"
        summary={`Requests per second demanded, and the capacity of the instances in service, minute by minute for the first ${minuteOf(v.nowMs)} minutes.`}
        x={v.minutes}
        xLabel="minute"
        yLabel="requests/s"
        formatX={(m) => `${formatNumber(m)} min`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, RUN_MINUTES]}
        yMax={Math.max(PEAK_RPS * 1.25, ...v.capacityRps, ...v.desired.map((d) => d * RPS_PER_INSTANCE))}
        series={[
          { id: "demand", label: "Demand", values: v.demandRps, colorClass: "stroke-slate-700 dark:stroke-slate-200" },
          {
            id: "capacity",
            label: "Capacity in service",
            values: v.capacityRps,
            colorClass: "stroke-sky-600 dark:stroke-sky-400",
            dash: "dashed",
            step: true,
          },
          {
            id: "desired",
            label: "Desired capacity",
            values: v.desired.map((d) => d * RPS_PER_INSTANCE),
            colorClass: "stroke-amber-600 dark:stroke-amber-400",
            dash: "dotted",
            step: true,
          },
        ]}
      />

      <Chart
        title="Average CPU of the instances in service"
        summary={`Average CPU per minute; the dashed line marks ${HOT_CPU} %.`}
        x={v.minutes}
        xLabel="minute"
        yLabel="CPU %"
        formatX={(m) => `${formatNumber(m)} min`}
        formatY={(y) => `${formatNumber(y)} %`}
        xDomain={[0, RUN_MINUTES]}
        yMax={100}
        series={[
          { id: "cpu", label: "Average CPU", values: v.cpu, colorClass: "stroke-rose-600 dark:stroke-rose-400" },
          {
            id: "hot",
            label: `${HOT_CPU} % line`,
            values: v.minutes.map(() => HOT_CPU),
            colorClass: "stroke-slate-400 dark:stroke-slate-500",
            dash: "dashed",
          },
        ]}
      />

      <ChallengeList
        checkedWhen="the run ends"
        ended={controls.ended}
        items={CHALLENGES.map((c) => ({ id: c.id, label: c.label, met: controls.ended && challengeMet(c, v) }))}
      />
    </WidgetFrame>
  );
}
