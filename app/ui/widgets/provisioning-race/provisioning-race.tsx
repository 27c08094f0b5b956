"use client";

import { useId } from "react";
import {
  DAY_MS,
  ProvisioningModel,
  Simulation,
  type ProvisioningConfig,
  type ProvisioningLogEntry,
  type ProvisioningSeries,
  type ProvisioningView,
} from "@/lib/sim";
import { Chart } from "../kit/chart";
import { ComparisonTable } from "../kit/comparison-table";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent, formatUsd } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";

const RUN_DAYS = 120;
const CHART_POINTS = 480;
const SPIKE = { startDay: 60, durationDays: 4, extraServers: 60 };

interface RaceConfig {
  growthPercentPerDay: number;
  spike: boolean;
  leadTimeWeeks: number;
  lotSize: number;
  launchMinutes: number;
}

export interface ProvisioningRaceProps {
  /** "default": steady growth plus a launch-day spike; "no-spike": growth only. */
  preset?: "default" | "no-spike";
  seed?: number;
}

interface RaceHandle {
  sim: Simulation<ProvisioningLogEntry>;
  model: ProvisioningModel;
}

interface RaceView {
  race: ProvisioningView;
  /** The latest on-premises order or delivery, which the live region announces. */
  lastOnPrem: ProvisioningLogEntry | null;
}

function modelConfig(c: RaceConfig): ProvisioningConfig {
  return {
    demand: {
      baseServers: 20,
      growthPerDay: c.growthPercentPerDay / 100,
      dailySwingFraction: 0.3,
      spikes: c.spike ? [SPIKE] : [],
      noiseFraction: 0.05,
    },
    onPrem: {
      initialServers: 30,
      lotSize: c.lotSize,
      leadTimeDays: c.leadTimeWeeks * 7,
      reviewEveryDays: 7,
      headroomFraction: 0.3,
      costPerServerHour: 0.35,
    },
    cloud: { launchDelayMinutes: c.launchMinutes, headroomFraction: 0.1, minInstances: 2, costPerInstanceHour: 0.5 },
  };
}

function createRace(config: RaceConfig, seed: number): RaceHandle {
  const sim = new Simulation<ProvisioningLogEntry>({ seed, maxLogEntries: 2_000 });
  return { sim, model: new ProvisioningModel(sim, modelConfig(config)) };
}

function viewRace(h: RaceHandle): RaceView {
  const log = h.sim.log;
  let lastOnPrem: ProvisioningLogEntry | null = null;
  for (let i = log.length - 1; i >= 0 && !lastOnPrem; i--) {
    const e = log[i] as ProvisioningLogEntry;
    if (e.type === "onprem-ordered" || e.type === "onprem-delivered") lastOnPrem = e;
  }
  return { race: h.model.view(), lastOnPrem };
}

/** At most CHART_POINTS points: the maximum of each group, so short spikes stay visible. */
function downsample(series: ProvisioningSeries): { days: number[]; demand: number[]; onPrem: number[]; cloud: number[] } {
  const n = series.hours.length;
  const group = Math.max(1, Math.ceil(n / CHART_POINTS));
  const out = { days: [] as number[], demand: [] as number[], onPrem: [] as number[], cloud: [] as number[] };
  for (let i = 0; i < n; i += group) {
    const end = Math.min(n, i + group);
    out.days.push((series.hours[i] as number) / 24);
    out.demand.push(Math.max(...series.demand.slice(i, end)));
    out.onPrem.push(Math.max(...series.onPrem.slice(i, end)));
    out.cloud.push(Math.max(...series.cloud.slice(i, end)));
  }
  return out;
}

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

type Side = ProvisioningView["onPrem"] | ProvisioningView["cloud"];

export function ProvisioningRace(props: ProvisioningRaceProps) {
  const { config, update, controls } = useConfiguredSimulation<RaceConfig, RaceHandle, RaceView>({
    initialConfig: () => ({
      growthPercentPerDay: 1,
      spike: props.preset !== "no-spike",
      leadTimeWeeks: 6,
      lotSize: 20,
      launchMinutes: 5,
    }),
    create: createRace,
    view: viewRace,
    seed: props.seed,
    simMsPerSecond: 10 * DAY_MS,
    stepMs: DAY_MS,
    endMs: RUN_DAYS * DAY_MS,
  });
  const { race, lastOnPrem } = controls.view;
  const uid = useId();
  const chart = downsample(race.series);

  const cheaper = race.cloud.costUsd < race.onPrem.costUsd ? "cloud" : "on-premises";
  const message = controls.ended
    ? `After ${RUN_DAYS} days: on-premises cost ${formatUsd(race.onPrem.costUsd)} and left ${formatPercent(1 - race.onPrem.servedFraction)} of demand unserved; cloud cost ${formatUsd(race.cloud.costUsd)} and left ${formatPercent(1 - race.cloud.servedFraction)} unserved. The ${cheaper} side was cheaper.`
    : lastOnPrem?.type === "onprem-ordered"
      ? `Day ${dayOf(lastOnPrem.atMs)}: on-premises ordered ${lastOnPrem.servers} servers; they arrive on day ${dayOf(lastOnPrem.arrivesAtMs)}.`
      : lastOnPrem?.type === "onprem-delivered"
        ? `Day ${dayOf(lastOnPrem.atMs)}: ${lastOnPrem.servers} on-premises servers delivered; ${lastOnPrem.capacity} owned now.`
        : "Ready: press Play to grow the business and watch both sides keep up.";

  const rows: { label: string; value: (s: Side) => string }[] = [
    { label: "Cost so far", value: (s) => formatUsd(s.costUsd) },
    {
      label: "Unserved demand",
      value: (s) => `${formatNumber(s.unservedServerHours)} server-h (${formatPercent(1 - s.servedFraction)})`,
    },
    { label: "Idle capacity paid for", value: (s) => `${formatNumber(s.idleServerHours)} server-h` },
    { label: "Servers now / peak", value: (s) => `${s.capacity} / ${s.peakCapacity}` },
    { label: "In flight", value: (s) => ("onOrder" in s ? `${s.onOrder} on order` : `${s.launching} launching`) },
  ];

  return (
    <WidgetFrame
      name="ProvisioningRace"
      title="Provisioning race: on-premises vs cloud"
      intro={
        <p>
          A startup&apos;s demand grows day by day{config.spike ? `, with a spike on day ${SPIKE.startDay}` : ""}.
          On-premises, servers come in lots that take weeks to arrive and are paid for from then on, used or not.
          In the cloud, instances launch in minutes and are billed per instance-hour only while they run. Costs are
          illustrative: ${formatNumber(0.35, 2)} per owned server-hour (hardware, power, space, staff) vs ${formatNumber(0.5, 2)}{" "}
          per cloud instance-hour.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh run)">
        <div className="flex flex-wrap gap-4">
          <RangeField
            id={`${uid}-growth`}
            width="min-w-40 flex-1"
            label="Growth"
            display={`${config.growthPercentPerDay.toFixed(1)} % a day`}
            value={config.growthPercentPerDay}
            min={0}
            max={3}
            step={0.5}
            onChange={(growthPercentPerDay) => update({ growthPercentPerDay })}
          />
          <RangeField
            id={`${uid}-lead`}
            width="min-w-40 flex-1"
            label="On-prem lead time"
            display={`${config.leadTimeWeeks} weeks`}
            value={config.leadTimeWeeks}
            min={1}
            max={12}
            onChange={(leadTimeWeeks) => update({ leadTimeWeeks })}
          />
          <RangeField
            id={`${uid}-lot`}
            width="min-w-40 flex-1"
            label="On-prem lot size"
            display={`${config.lotSize} servers`}
            value={config.lotSize}
            min={5}
            max={50}
            step={5}
            onChange={(lotSize) => update({ lotSize })}
          />
          <RangeField
            id={`${uid}-launch`}
            width="min-w-40 flex-1"
            label="Cloud launch time"
            display={`${config.launchMinutes} min`}
            value={config.launchMinutes}
            min={1}
            max={30}
            onChange={(launchMinutes) => update({ launchMinutes })}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.spike}
            onChange={(e) => update({ spike: e.target.checked })}
            className="size-4 accent-sky-700 dark:accent-sky-400"
          />
          Include a {SPIKE.durationDays}-day spike (+{SPIKE.extraServers} servers of demand) on day {SPIKE.startDay}
        </label>
      </SettingsFieldset>

      <ControlBar
        controls={controls}
        stepLabel="Step 1 day"
        formatTime={(ms) => `day ${formatNumber(ms / DAY_MS, ms % DAY_MS === 0 ? 0 : 1)}`}
      />
      <LiveRegion message={message} />

      <Chart
        title="Capacity vs demand"
        summary={`Demand and the servers each side had, over the first ${formatNumber(race.nowMs / DAY_MS)} days.`}
        x={chart.days}
        xLabel="day"
        yLabel="servers"
        formatX={(d) => `day ${formatNumber(d)}`}
        xDomain={[0, RUN_DAYS]}
        series={[
          { id: "demand", label: "Demand", values: chart.demand, colorClass: "stroke-slate-700 dark:stroke-slate-200" },
          { id: "onprem", label: "On-premises capacity", values: chart.onPrem, colorClass: "stroke-indigo-600 dark:stroke-indigo-400", dash: "dashed", step: true },
          { id: "cloud", label: "Cloud capacity", values: chart.cloud, colorClass: "stroke-sky-600 dark:stroke-sky-400", dash: "dotted", step: true },
        ]}
      />

      <ComparisonTable
        caption="On-premises and cloud results so far"
        columns={["On-premises", "Cloud"]}
        left={race.onPrem}
        right={race.cloud}
        rows={rows}
        minWidthClass="min-w-80"
      />
    </WidgetFrame>
  );
}
