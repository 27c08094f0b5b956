"use client";

import { useId } from "react";
import { DAY_MS } from "@/lib/sim";
import { ChallengeList } from "../kit/challenge-list";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { formatUsd2 } from "../kit/weekly-demand";
import { WidgetFrame } from "../kit/widget-frame";
import {
  ARM_DISCOUNT,
  BASELINE,
  CHALLENGES,
  COLD_GB,
  HOT_GB,
  MAX_ERROR_RATE,
  NONPROD_INSTANCES,
  RUN_DAYS,
  RUN_HOURS,
  RUN_MS,
  SIZES,
  SLO_P95_MS,
  STORAGE_TIERS,
  X86_PER_VCPU_HOUR,
  baselineWeeklyCost,
  createCostLevers,
  describeConfig,
  pricePerInstanceHour,
  viewCostLevers,
  type CapacityMode,
  type CostLeversConfig,
  type CostLeversView,
  type Family,
  type Size,
  type StorageTier,
} from "./model";

export interface CostLeversLabProps {
  /** "baseline": what the team found (fixed, oversized, always on); "elastic": target tracking on large instances. */
  preset?: "baseline" | "elastic";
  seed?: number;
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const SIZE_OPTIONS: { value: Size; label: string }[] = (Object.keys(SIZES) as Size[]).map((s) => ({
  value: s,
  label: `${SIZES[s].label}: ${SIZES[s].vcpu} vCPU`,
}));
const FAMILY_OPTIONS: { value: Family; label: string }[] = [
  { value: "x86", label: "x86 (Intel/AMD)" },
  { value: "arm", label: `Arm-based, Graviton-like (illustrative ${ARM_DISCOUNT * 100} % cheaper)` },
];
const CAPACITY_OPTIONS: { value: CapacityMode; label: string }[] = [
  { value: "fixed", label: "Fixed fleet, sized by hand" },
  { value: "target-tracking", label: "Auto Scaling: target tracking on CPU" },
];
const TIER_OPTIONS: { value: StorageTier; label: string }[] = (Object.keys(STORAGE_TIERS) as StorageTier[]).map((t) => ({
  value: t,
  label: t === "standard" ? "No rule: everything stays in S3 Standard" : `After 30 days → ${STORAGE_TIERS[t].label}`,
}));

const dayOf = (ms: number) => Math.min(RUN_DAYS - 1, Math.floor(ms / DAY_MS));

function statusMessage(config: CostLeversConfig, v: CostLeversView, ended: boolean): string {
  const t = v.totals;
  const base = baselineWeeklyCost();
  if (ended) {
    const met = CHALLENGES.filter((c) => c.met(config, v)).map((c) => `“${c.label}”`);
    const slo = t.sloMet
      ? `every hour's p95 under ${SLO_P95_MS} ms (worst ${formatNumber(t.worstP95Ms ?? 0)} ms)`
      : `objective missed: ${t.hoursOverSlo} hour${t.hoursOverSlo === 1 ? "" : "s"} with p95 over ${SLO_P95_MS} ms, ${formatPercent(t.errorRate, 2)} errors`;
    return (
      `Week finished: ${formatUsd2(t.total)}, ${formatPercent(1 - t.total / base)} below the starting ${formatUsd2(base)}; ${slo}` +
      (t.coldReadsInstant ? ". " : "; old reports now take hours to restore. ") +
      (met.length > 0 ? `Challenge met: ${met.join(" and ")}.` : "No challenge met yet: change a lever and run again.")
    );
  }
  if (v.nowMs > 0) {
    const day = dayOf(v.nowMs);
    return (
      `${DAY_NAMES[day]} (day ${day + 1} of ${RUN_DAYS}): ` +
      (t.hoursOverSlo > 0
        ? `${t.hoursOverSlo} hour${t.hoursOverSlo === 1 ? "" : "s"} so far with p95 over ${SLO_P95_MS} ms.`
        : `no hour over the ${SLO_P95_MS} ms objective so far.`)
    );
  }
  return `Ready: ${describeConfig(config)}. Press Play to run the week.`;
}

function formatHour(h: number): string {
  const day = Math.floor(h / 24);
  const hour = Math.floor(h % 24);
  return `${(DAY_NAMES[day % 7] ?? "").slice(0, 3)} ${String(hour).padStart(2, "0")}:00`;
}

export function CostLeversLab(props: CostLeversLabProps) {
  const { config, update, controls } = useConfiguredSimulation({
    initialConfig: (): CostLeversConfig =>
      props.preset === "elastic" ? { ...BASELINE, size: "large", capacity: "target-tracking", targetCpu: 50 } : BASELINE,
    create: createCostLevers,
    view: viewCostLevers,
    seed: props.seed,
    simMsPerSecond: DAY_MS / 3,
    stepMs: DAY_MS,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const t = v.totals;
  const uid = useId();
  const base = baselineWeeklyCost();
  const price = pricePerInstanceHour(config.size, config.family);
  const fixed = config.capacity === "fixed";

  return (
    <WidgetFrame
      name="CostLeversLab"
      title="Cost levers lab: a cheaper week without breaking the service"
      intro={
        <p>
          A web tier and its staging copy run for a week of demand: busy afternoons, quiet nights, quieter weekends.
          Every hour the lab replays 20 seconds of that hour&rsquo;s traffic through the instances then in service and
          measures p95 latency. The objective: p95 under {SLO_P95_MS} ms in every hour and at most{" "}
          {formatPercent(MAX_ERROR_RATE)} of requests failing. Pull the levers and compare the week&rsquo;s bill with
          the {formatUsd2(base)} the team started from. Instance prices ({formatUsd2(X86_PER_VCPU_HOUR)} per vCPU-hour
          on x86) and performance are illustrative; the storage prices are S3&rsquo;s us-east-1 list prices.
        </p>
      }
    >
      <SettingsFieldset legend="Cost levers (changing one starts a fresh week)">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            id={`${uid}-size`}
            label={`Instance size (${formatUsd2(price)} per instance-hour)`}
            value={config.size}
            options={SIZE_OPTIONS}
            onChange={(size) => update({ size })}
          />
          <SelectField id={`${uid}-family`} label="Instance family" value={config.family} options={FAMILY_OPTIONS} onChange={(family) => update({ family })} />
          <SelectField
            id={`${uid}-capacity`}
            label="Production capacity"
            value={config.capacity}
            options={CAPACITY_OPTIONS}
            onChange={(capacity) => update({ capacity })}
          />
          {fixed ? (
            <RangeField
              id={`${uid}-fixed`}
              label="Fixed fleet"
              display={`${config.fixedInstances}`}
              unit={`instance${config.fixedInstances === 1 ? "" : "s"}, 24×7`}
              value={config.fixedInstances}
              min={1}
              max={16}
              onChange={(fixedInstances) => update({ fixedInstances })}
            />
          ) : (
            <RangeField
              id={`${uid}-target`}
              label="Target average CPU"
              display={`${config.targetCpu} %`}
              unit="(at least 2 instances)"
              value={config.targetCpu}
              min={30}
              max={90}
              step={10}
              onChange={(targetCpu) => update({ targetCpu })}
            />
          )}
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.scheduleNonProd}
              onChange={(e) => update({ scheduleNonProd: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Run staging ({NONPROD_INSTANCES} instances) only on weekdays 08:00–20:00
          </label>
          <SelectField
            id={`${uid}-tier`}
            label={`Lifecycle rule for ${formatNumber(COLD_GB / 1000)} TB of data older than 30 days`}
            value={config.coldTier}
            options={TIER_OPTIONS}
            onChange={(coldTier) => update({ coldTier })}
          />
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} stepLabel="Step 1 day" />
      <LiveRegion message={statusMessage(config, v, controls.ended)} />

      <MetricGrid label="The week so far">
        <MetricTile
          label="Bill so far"
          value={formatUsd2(t.total)}
          detail={
            controls.ended
              ? `${formatPercent(1 - t.total / base)} below ${formatUsd2(base)}`
              : `day ${dayOf(v.nowMs) + 1} of ${RUN_DAYS}; start: ${formatUsd2(base)} a week`
          }
          tone={controls.ended ? (t.total <= 0.5 * base ? "good" : "neutral") : "neutral"}
        />
        <MetricTile label="Production compute" value={formatUsd2(t.prodCompute)} detail={`${formatNumber(v.instances.at(-1) ?? 0)} instances now`} />
        <MetricTile
          label="Staging compute"
          value={formatUsd2(t.nonProdCompute)}
          detail={config.scheduleNonProd ? "weekdays 08:00–20:00" : "24×7, idle most of the time"}
        />
        <MetricTile
          label="Storage"
          value={formatUsd2(t.storage + t.retrieval)}
          detail={`${formatNumber(HOT_GB / 1000)} TB hot + ${formatNumber(COLD_GB / 1000)} TB old; retrievals ${formatUsd2(t.retrieval)}`}
          tone={t.coldReadsInstant ? "neutral" : "bad"}
        />
        <MetricTile
          label="Worst hour's p95"
          value={t.worstP95Ms === null ? "—" : `${formatNumber(Math.min(t.worstP95Ms, 99_999))} ms`}
          detail={t.worstHour === null ? `objective < ${SLO_P95_MS} ms` : `${formatHour(t.worstHour)}; ${t.hoursOverSlo} h over ${SLO_P95_MS} ms`}
          tone={t.worstP95Ms === null ? "neutral" : t.hoursOverSlo > 0 ? "bad" : "good"}
        />
        <MetricTile
          label="Errors"
          value={formatPercent(t.errorRate, 2)}
          detail={`budget ${formatPercent(MAX_ERROR_RATE)} (timeouts after 2 s)`}
          tone={t.errorRate > MAX_ERROR_RATE ? "bad" : "neutral"}
        />
        <MetricTile
          label="Average CPU"
          value={formatPercent(t.utilisation, 0)}
          detail="busy ÷ paid-for production vCPUs"
          tone={t.utilisation !== null && t.utilisation < 0.3 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Unit cost"
          value={t.costPerMillion === null ? "—" : formatUsd2(t.costPerMillion)}
          detail="production compute per million requests served"
        />
      </MetricGrid>

      {!t.coldReadsInstant ? (
        <p className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
          Cheapest storage, broken requirement: objects in S3 Glacier Flexible Retrieval must be restored before they can be
          read, which takes minutes to hours, but people read old reports every week and expect them at once.
        </p>
      ) : null}

      <Chart
        title="p95 latency in each hour"
        summary={`The 95th-percentile latency measured in each of the first ${v.hours.length} hours of the week, against the ${SLO_P95_MS} ms objective.`}
        x={v.hours}
        xLabel="hour"
        yLabel="ms"
        formatX={formatHour}
        formatY={(y) => `${formatNumber(y)} ms`}
        xDomain={[0, RUN_HOURS]}
        yMax={Math.max(400, ...v.p95.map((p) => Math.min(p, 1_000)))}
        series={[
          { id: "p95", label: "p95 latency", values: v.p95.map((p) => Math.min(p, 1_000)), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          {
            id: "slo",
            label: "Objective",
            values: v.hours.map(() => SLO_P95_MS),
            colorClass: "stroke-rose-600 dark:stroke-rose-400",
            dash: "dashed",
          },
        ]}
      />
      <Chart
        title="Production vCPUs paid for and vCPUs busy"
        summary={`vCPUs in service and vCPUs doing work in each of the first ${v.hours.length} hours; the gap between them is capacity paid for and idle.`}
        x={v.hours}
        xLabel="hour"
        yLabel="vCPUs"
        formatX={formatHour}
        formatY={(y) => formatNumber(y, 1)}
        xDomain={[0, RUN_HOURS]}
        yMax={Math.max(34, ...v.vcpus)}
        series={[
          { id: "paid", label: "vCPUs paid for", values: v.vcpus, colorClass: "stroke-amber-600 dark:stroke-amber-400", step: true },
          { id: "busy", label: "vCPUs busy", values: v.busyVcpus, colorClass: "stroke-slate-600 dark:stroke-slate-300", dash: "dotted" },
        ]}
      />

      <ChallengeList
        checkedWhen="the week ends"
        ended={controls.ended}
        items={CHALLENGES.map((c) => ({ id: c.id, label: c.label, met: controls.ended && c.met(config, v) }))}
      />
    </WidgetFrame>
  );
}
