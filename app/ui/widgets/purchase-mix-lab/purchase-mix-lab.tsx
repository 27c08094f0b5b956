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
  CHALLENGES,
  COMMIT_DISCOUNT,
  DEFAULT_CONFIG,
  ON_DEMAND_PER_HOUR,
  RUN_DAYS,
  RUN_HOURS,
  RUN_MS,
  SPOT_DISCOUNT,
  createPurchaseMix,
  dayOf,
  rates,
  statusMessage,
  viewPurchaseMix,
  type PurchaseMixConfig,
  type PurchaseMixHandle,
  type PurchaseMixView,
  type Term,
  type Workload,
} from "./model";

export interface PurchaseMixLabProps {
  /** Savings Plan commitment to start with, in instance-equivalents (default 0). */
  commit?: number;
  /** Share of the capacity above the commitment on Spot, 0–100 (default 0). */
  spotPercent?: number;
  seed?: number;
}

const TERMS: { value: Term; label: string }[] = [
  { value: "1y", label: `1 year, no upfront (illustrative ${COMMIT_DISCOUNT["1y"] * 100} % off)` },
  { value: "3y", label: `3 years, no upfront (illustrative ${COMMIT_DISCOUNT["3y"] * 100} % off)` },
];
const WORKLOADS: { value: Workload; label: string }[] = [
  { value: "web", label: "Stateless web requests (drain within the 2-minute notice)" },
  { value: "batch", label: "Hour-long batch tasks, no checkpoints" },
];
const RESPONSE_SIZES: { value: number; label: string }[] = [
  { value: 2, label: "2 KB (small API responses)" },
  { value: 10, label: "10 KB (typical web pages and JSON)" },
  { value: 50, label: "50 KB (images and downloads)" },
];

export function PurchaseMixLab(props: PurchaseMixLabProps) {
  const { config, update, controls } = useConfiguredSimulation<PurchaseMixConfig, PurchaseMixHandle, PurchaseMixView>({
    initialConfig: () => ({
      ...DEFAULT_CONFIG,
      commitInstances: props.commit ?? DEFAULT_CONFIG.commitInstances,
      spotPercent: props.spotPercent ?? DEFAULT_CONFIG.spotPercent,
    }),
    create: createPurchaseMix,
    view: viewPurchaseMix,
    seed: props.seed,
    simMsPerSecond: 2 * DAY_MS,
    stepMs: DAY_MS,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const t = v.totals;
  const uid = useId();
  const r = rates(config);
  const hoursDone = v.hours.length;
  const unusedShare = config.commitInstances > 0 && hoursDone > 0 ? t.unusedCommitHours / (config.commitInstances * hoursDone) : null;

  return (
    <WidgetFrame
      name="PurchaseMixLab"
      title="Purchase mix lab: pay for a month of compute"
      intro={
        <p>
          A web tier in an Auto Scaling group follows a month of demand: busy afternoons, quiet nights, quieter weekends.
          Choose how to buy its instance-hours: a Savings Plan commitment (paid every hour, used or not), Spot for a share
          of the rest, On-Demand for the remainder. On-Demand costs {formatUsd2(ON_DEMAND_PER_HOUR)} an instance-hour and
          Spot {SPOT_DISCOUNT * 100} % less; these prices and discounts are illustrative, not quotes.
        </p>
      }
    >
      <SettingsFieldset legend="Purchase mix (changing one starts a fresh month)">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <RangeField
            id={`${uid}-commit`}
            label="Savings Plan commitment"
            display={`${config.commitInstances}`}
            unit={`instance${config.commitInstances === 1 ? "" : "s"} (${formatUsd2(r.commitmentPerHour)}/h)`}
            value={config.commitInstances}
            min={0}
            max={20}
            onChange={(commitInstances) => update({ commitInstances })}
          />
          <SelectField id={`${uid}-term`} label="Term" value={config.term} options={TERMS} onChange={(term) => update({ term })} />
          <RangeField
            id={`${uid}-spot`}
            label="Spot share above the commitment"
            display={`${config.spotPercent} %`}
            value={config.spotPercent}
            min={0}
            max={100}
            step={10}
            onChange={(spotPercent) => update({ spotPercent })}
          />
          <RangeField
            id={`${uid}-rate`}
            label="Spot interruptions"
            display={`${config.interruptionsPer1000h}`}
            unit="per 1,000 Spot instance-hours"
            value={config.interruptionsPer1000h}
            min={0}
            max={20}
            onChange={(interruptionsPer1000h) => update({ interruptionsPer1000h })}
          />
          <SelectField id={`${uid}-workload`} label="Workload" value={config.workload} options={WORKLOADS} onChange={(workload) => update({ workload })} />
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.diversified}
              onChange={(e) => update({ diversified: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Diversify Spot over 4 capacity pools
          </label>
          <SelectField
            id={`${uid}-size`}
            label="Average response sent to the internet"
            value={config.responseKB}
            options={RESPONSE_SIZES}
            onChange={(responseKB) => update({ responseKB })}
          />
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.crossAzDatabase}
              onChange={(e) => update({ crossAzDatabase: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Read each response from a database in one AZ
          </label>
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} stepLabel="Step 1 day" />
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="The bill so far">
        <MetricTile
          label="Compute"
          value={formatUsd2(t.computeCost)}
          detail={`${formatPercent(t.computeSavings)} below all On-Demand (${formatUsd2(t.allOnDemandCost)})`}
          tone={t.computeSavings > 0.001 ? "good" : t.computeSavings < -0.001 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Commitment unused"
          value={formatUsd2(t.unusedCommitmentCost)}
          detail={unusedShare === null ? "no commitment" : `${formatPercent(unusedShare)} of committed hours`}
          tone={unusedShare !== null && unusedShare > 0.05 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Instance-hours by option"
          value={formatNumber(t.instanceHours)}
          detail={`plan ${formatNumber(t.committedUsedHours)} · On-Demand ${formatNumber(t.onDemandHours)} · Spot ${formatNumber(t.spotHours)}`}
        />
        <MetricTile
          label="Spot interruptions"
          value={`${t.interruptions}`}
          detail={config.workload === "batch" ? `${formatNumber(t.lostWorkHours, 1)} instance-h of work lost (${formatUsd2(t.rerunCost)} to redo)` : "requests drain within the notice"}
          tone={t.lostWorkHours >= 5 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Short of capacity"
          value={`${formatNumber(t.shortHours * 60)} min`}
          detail="serving instances below demand"
          tone={t.shortHours > 0 ? "bad" : "good"}
        />
        <MetricTile
          label="Data out to the internet"
          value={formatUsd2(t.dataOutCost)}
          detail={`${formatNumber(t.gbOut)} GB out · ${formatNumber(t.gbIn)} GB in (free)`}
        />
        <MetricTile label="Between AZs" value={formatUsd2(t.interAzCost)} detail={`${formatNumber(t.interAzGb)} GB, charged both ways`} />
        <MetricTile label="Total so far" value={formatUsd2(t.total)} detail={`day ${Math.min(RUN_DAYS, dayOf(v.nowMs) + 1)} of ${RUN_DAYS}`} />
      </MetricGrid>

      <Chart
        title="Instances billed each hour, and the commitment"
        summary={`Average instances billed in each of the first ${hoursDone} hours of the month, the instances needed at the target CPU, and the commitment level of ${config.commitInstances} instances.`}
        x={v.hours}
        xLabel="day"
        yLabel="instances"
        formatX={(h) => `day ${formatNumber(h / 24, 1)}`}
        formatY={(y) => formatNumber(y, 1)}
        xDomain={[0, RUN_HOURS]}
        yMax={Math.max(26, config.commitInstances + 2)}
        series={[
          { id: "billed", label: "Instances billed", values: v.billed, colorClass: "stroke-sky-600 dark:stroke-sky-400", step: true },
          { id: "needed", label: "Needed at 60 % CPU", values: v.needed, colorClass: "stroke-slate-600 dark:stroke-slate-300", dash: "dotted" },
          {
            id: "commit",
            label: "Commitment",
            values: v.hours.map(() => config.commitInstances),
            colorClass: "stroke-amber-600 dark:stroke-amber-400",
            dash: "dashed",
          },
        ]}
      />

      <ChallengeList
        checkedWhen="the month ends"
        ended={controls.ended}
        items={CHALLENGES.map((c) => ({ id: c.id, label: c.label, met: controls.ended && c.met(config, v) }))}
      />
    </WidgetFrame>
  );
}
