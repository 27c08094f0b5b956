"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { ChallengeList } from "../kit/challenge-list";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  CHALLENGES,
  COUNTS,
  CPU_MS,
  DEFAULT_CONFIG,
  FAMILY_LABEL,
  INSTANCE_TYPES,
  OS_MEMORY_GIB,
  RATES,
  RUN_MS,
  START_CREDITS,
  SURPLUS_USD_PER_VCPU_HOUR,
  TICK_MS,
  WORKING_SETS_GIB,
  createRightSizing,
  formatMs,
  instanceType,
  listPricePerHour,
  memoryFits,
  predictedUtilisation,
  statusMessage,
  vcpusNeeded,
  viewRightSizing,
  type RightSizingConfig,
  type RightSizingHandle,
  type RightSizingView,
} from "./model";

export interface RightSizingLabProps {
  /** Instance type to start with (an id such as "m.large"); default "c.large". */
  typeId?: string;
  /** Instances to start with; default 2. */
  count?: number;
  seed?: number;
}

function usd(v: number): string {
  return `$${v.toFixed(3)}`;
}

export function RightSizingLab(props: RightSizingLabProps) {
  const { config, update, controls } = useConfiguredSimulation<RightSizingConfig, RightSizingHandle, RightSizingView>({
    initialConfig: () => ({
      ...DEFAULT_CONFIG,
      typeId: INSTANCE_TYPES.some((t) => t.id === props.typeId) ? (props.typeId as string) : DEFAULT_CONFIG.typeId,
      count: COUNTS.includes(props.count as (typeof COUNTS)[number]) ? (props.count as number) : DEFAULT_CONFIG.count,
    }),
    create: createRightSizing,
    view: viewRightSizing,
    seed: props.seed,
    simMsPerSecond: 60_000,
    stepMs: 60_000,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const type = instanceType(config.typeId);
  const burstable = type.family === "burstable";
  const fits = memoryFits(config);
  const need = vcpusNeeded(config);
  const predicted = predictedUtilisation(config);
  const x = v.ticks.map((t) => t.endSec / 60);
  const minutes = (s: number) => `${formatNumber(s, s < 10 && s % 1 !== 0 ? 1 : 0)} min`;

  return (
    <WidgetFrame
      name="RightSizingLab"
      title="Right-sizing lab: pick an instance type and a count"
      intro={
        <p>
          A web application receives requests at a steady average rate (Poisson arrivals). Each request needs some CPU
          time on one vCPU, and every instance must hold the application&apos;s working set in memory. Choose an
          instance type and how many to run behind a load balancer, then run 20 simulated minutes: the engine queues
          requests for free vCPUs and measures CPU, latency and failures. Instance shapes follow real families (2, 4 or 8
          GiB per vCPU); prices and the {OS_MEMORY_GIB} GiB kept by the OS are illustrative, and every vCPU runs at the
          same speed.
        </p>
      }
    >
      <SettingsFieldset legend="Workload and fleet (changing them starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<number>
            id={`${uid}-rate`}
            label="Requests per second"
            value={config.ratePerSec}
            options={RATES.map((r) => ({ value: r, label: `${r} req/s` }))}
            onChange={(ratePerSec) => update({ ratePerSec })}
          />
          <SelectField<number>
            id={`${uid}-cpu`}
            label="CPU time per request"
            value={config.cpuMsPerRequest}
            options={CPU_MS.map((c) => ({ value: c, label: `${c} ms (mean)` }))}
            onChange={(cpuMsPerRequest) => update({ cpuMsPerRequest })}
          />
          <SelectField<number>
            id={`${uid}-mem`}
            label="Working set per instance"
            value={config.workingSetGiB}
            options={WORKING_SETS_GIB.map((g) => ({ value: g, label: `${g} GiB` }))}
            onChange={(workingSetGiB) => update({ workingSetGiB })}
          />
          <SelectField<string>
            id={`${uid}-type`}
            label="Instance type"
            value={config.typeId}
            options={INSTANCE_TYPES.map((t) => ({
              value: t.id,
              label: `${t.id} · ${FAMILY_LABEL[t.family]} · ${t.vcpu} vCPU, ${t.memoryGiB} GiB · $${t.usdPerHour.toFixed(3)}/h`,
            }))}
            onChange={(typeId) => update({ typeId })}
          />
          <SelectField<number>
            id={`${uid}-count`}
            label="Instances"
            value={config.count}
            options={COUNTS.map((n) => ({ value: n, label: String(n) }))}
            onChange={(count) => update({ count })}
          />
          {burstable ? (
            <div className="grid grid-cols-2 gap-3">
              <SelectField<RightSizingConfig["creditMode"]>
                id={`${uid}-mode`}
                label="Credit mode"
                value={config.creditMode}
                options={[
                  { value: "standard", label: "Standard" },
                  { value: "unlimited", label: "Unlimited" },
                ]}
                onChange={(creditMode) => update({ creditMode })}
              />
              <SelectField<number>
                id={`${uid}-credits`}
                label="Credits at start"
                value={config.startCredits}
                options={START_CREDITS.map((c) => ({ value: c, label: String(c) }))}
                onChange={(startCredits) => update({ startCredits })}
              />
            </div>
          ) : null}
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Load: {formatNumber(config.ratePerSec)} req/s × {config.cpuMsPerRequest} ms ≈{" "}
          <strong>{formatNumber(need, 1)} busy vCPUs</strong>; you provide {type.vcpu * config.count} (predicted CPU{" "}
          {formatPercent(predicted, 0)}). Memory: {fits ? "fits" : "does not fit"} ({config.workingSetGiB} GiB needed,{" "}
          {type.memoryGiB - OS_MEMORY_GIB} GiB free per instance). List price{" "}
          <strong>{usd(listPricePerHour(config))} an hour</strong>.
          {burstable
            ? ` Burstable: baseline ${formatPercent(type.baseline ?? 0, 0)} per vCPU, earns ${type.creditsPerHour} credits an hour (1 credit = 1 vCPU-minute at 100 %); surplus credits in unlimited mode cost $${SURPLUS_USD_PER_VCPU_HOUR.toFixed(2)} per vCPU-hour.`
            : ""}
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Results">
        <MetricTile
          label="CPU utilisation"
          value={formatPercent(v.recentCpu, 0)}
          detail={`run average ${formatPercent(v.cpu, 0)}`}
          tone={v.recentCpu === null ? "neutral" : v.recentCpu > 0.85 ? "bad" : "good"}
        />
        <MetricTile
          label="Latency p95"
          value={formatMs(v.p95Ms)}
          detail={`p50 ${formatMs(v.p50Ms)} · worst 10 s in the last minute ${formatMs(v.recentP95Ms)}`}
        />
        <MetricTile
          label="Failed requests"
          value={formatNumber(v.failed)}
          detail={`${fits ? "memory fits" : "out of memory"} · ${v.instancesUp} of ${config.count} up`}
          tone={v.failed > 0 ? "bad" : v.arrived > 0 ? "good" : "neutral"}
        />
        <MetricTile
          label="Cost per hour"
          value={usd(v.costPerHour)}
          detail={
            burstable
              ? `${v.credits === null ? "—" : formatNumber(v.credits, 1)} credits per instance${v.throttledInstances > 0 ? " · throttled" : ""}`
              : "on-demand list price (illustrative)"
          }
        />
      </MetricGrid>

      <Chart
        title={`p95 latency per ${TICK_MS / 1000} s`}
        summary={`The 95th-percentile latency of the requests completed in each ${TICK_MS / 1000}-second interval. It stays near the CPU time per request while vCPUs are free, and climbs steeply as they run out.`}
        x={x}
        xLabel="minute"
        yLabel="ms"
        formatX={minutes}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, RUN_MS / 60_000]}
        series={[
          {
            id: "p95",
            label: "p95 (ms)",
            values: v.ticks.map((t) => t.p95Ms ?? 0),
            colorClass: "stroke-amber-600 dark:stroke-amber-400",
          },
        ]}
      />
      <Chart
        title={burstable ? "CPU utilisation and credit balance" : "CPU utilisation"}
        summary={
          burstable
            ? "Average CPU utilisation of the running instances (percent of their vCPUs) and the average CPU credit balance per instance. When the balance reaches zero in standard mode, the instance is held to its baseline."
            : "Average CPU utilisation of the running instances, as a percent of their vCPUs."
        }
        x={x}
        xLabel="minute"
        yLabel={burstable ? "% / credits" : "%"}
        formatX={minutes}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, RUN_MS / 60_000]}
        yMax={burstable ? Math.max(100, ...v.ticks.map((t) => t.credits ?? 0)) : 100}
        series={[
          {
            id: "cpu",
            label: "CPU (%)",
            values: v.ticks.map((t) => (t.cpu ?? 0) * 100),
            colorClass: "stroke-sky-600 dark:stroke-sky-400",
          },
          ...(burstable
            ? [
                {
                  id: "credits",
                  label: "credits per instance",
                  values: v.ticks.map((t) => t.credits ?? 0),
                  colorClass: "stroke-emerald-600 dark:stroke-emerald-400",
                  dash: "dashed" as const,
                },
                {
                  id: "baseline",
                  label: "baseline (%)",
                  values: v.ticks.map(() => (type.baseline ?? 0) * 100),
                  colorClass: "stroke-slate-500 dark:stroke-slate-400",
                  dash: "dotted" as const,
                },
              ]
            : []),
        ]}
      />

      <ChallengeList
        checkedWhen="a run ends"
        ended={controls.ended}
        items={CHALLENGES.map((ch) => ({ id: ch.id, label: ch.label, met: ch.met(config, v, controls.ended) }))}
      />
    </WidgetFrame>
  );
}
