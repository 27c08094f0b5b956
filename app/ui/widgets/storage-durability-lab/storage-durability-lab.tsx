"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatUsd } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { buttonClass, dangerButtonClass, labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  AFR_CHOICES,
  AZ_IDS,
  AZ_OUTAGES,
  DEFAULT_CONFIG,
  MANUAL_OUTAGE_HOURS,
  PRICES,
  REBUILD_HOURS,
  RESTORE_HOURS,
  SNAPSHOT_CHOICES,
  STEPS_PER_RUN,
  VOLUME_CHOICES,
  VOLUME_GIB,
  WRITE_GIB_PER_HOUR,
  YEAR_CHOICES,
  YEAR_MS,
  burnAz,
  createStorageLab,
  formatAfr,
  formatAvailability,
  formatGiB,
  formatHours,
  runMs,
  snapshotLabel,
  statusMessage,
  stepLabel,
  takeAzDown,
  viewStorageLab,
  type AzOutageLevel,
  type StorageLabConfig,
} from "./model";

export interface StorageDurabilityLabProps {
  /** How many datasets (each on its own volume, or in the bucket) the run starts with: one of VOLUME_CHOICES. Default 100. */
  volumes?: StorageLabConfig["volumes"];
  /** Simulated period in years: one of YEAR_CHOICES (1, 10 or 100). Default 10. */
  years?: number;
  seed?: number;
}

const SERIES_STYLE = [
  { colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "solid" as const },
  { colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" as const },
  { colorClass: "stroke-sky-700 dark:stroke-sky-300", dash: "dotted" as const },
];

const AFR_LABELS: Record<number, string> = {
  0.001: "0.001 % (io2 Block Express design)",
  0.1: "0.1 % (gp3, best case)",
  0.2: "0.2 % (gp3, worst case)",
  1: "1 % (exaggerated)",
  5: "5 % (exaggerated)",
};

/** The kit's whole dollars, except below $100, where a small fleet's bill would round to almost nothing. */
function money(usd: number): string {
  return usd < 100 ? usd.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 }) : formatUsd(usd);
}

export function StorageDurabilityLab(props: StorageDurabilityLabProps) {
  const { config, update, controls } = useConfiguredSimulation({
    initialConfig: (): StorageLabConfig => ({
      ...DEFAULT_CONFIG,
      // Only the offered choices: any other value would leave its select on the wrong option.
      volumes: (VOLUME_CHOICES as readonly number[]).includes(props.volumes ?? -1) ? (props.volumes as number) : DEFAULT_CONFIG.volumes,
      years: (YEAR_CHOICES as readonly number[]).includes(props.years ?? -1) ? (props.years as number) : DEFAULT_CONFIG.years,
    }),
    create: createStorageLab,
    view: viewStorageLab,
    seed: props.seed,
    simMsPerSecond: (config) => runMs(config) / 12,
    stepMs: (config) => runMs(config) / STEPS_PER_RUN,
    endMs: runMs,
  });
  const c = config;
  const v = controls.view;
  const uid = useId();
  const formatYears = (y: number) => (c.years === 1 ? `${formatNumber(y * 12, 1)} mo` : `${formatNumber(y, 1)} y`);
  const x = v.samples.map((s) => s.years);

  return (
    <WidgetFrame
      name="StorageDurabilityLab"
      title="Storage durability lab: one volume, snapshots, or object storage"
      intro={
        <p>
          A fleet of {VOLUME_GIB} GiB datasets is kept three ways under the same random failures: on block volumes in
          one AZ each, on the same volumes with snapshots to regional storage, and in object storage spread over three
          AZs. Run simulated years, or break things yourself, and compare data lost, time unavailable and the monthly
          bill. Failure rates, outages, repair times and prices are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Fleet and failures (changing anything starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            id={`${uid}-n`}
            label="Datasets (one volume each)"
            value={c.volumes}
            options={VOLUME_CHOICES.map((n) => ({ value: n, label: formatNumber(n) }))}
            onChange={(volumes) => update({ volumes })}
          />
          <SelectField
            id={`${uid}-afr`}
            label="Volume annual failure rate"
            value={c.afrPercent}
            options={AFR_CHOICES.map((p) => ({ value: p, label: AFR_LABELS[p] ?? formatAfr(p) }))}
            onChange={(afrPercent) => update({ afrPercent })}
          />
          <SelectField
            id={`${uid}-snap`}
            label="Snapshot schedule"
            value={c.snapshotHours}
            options={SNAPSHOT_CHOICES.map((h) => ({ value: h, label: snapshotLabel(h) }))}
            onChange={(snapshotHours) => update({ snapshotHours })}
          />
          <SelectField<AzOutageLevel>
            id={`${uid}-az`}
            label="Whole-AZ outages"
            value={c.azOutages}
            options={[
              { value: "off", label: "Off" },
              { value: "rare", label: AZ_OUTAGES.rare.label },
              { value: "frequent", label: AZ_OUTAGES.frequent.label },
            ]}
            onChange={(azOutages) => update({ azOutages })}
          />
          <SelectField
            id={`${uid}-years`}
            label="Simulated period"
            value={c.years}
            options={YEAR_CHOICES.map((y) => ({ value: y, label: `${y} year${y === 1 ? "" : "s"}` }))}
            onChange={(years) => update({ years })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Fixed: each dataset gets {WRITE_GIB_PER_HOUR} GiB of new writes an hour; a lost volume-only dataset takes{" "}
          {REBUILD_HOURS} h to rebuild (empty), a snapshot restore {RESTORE_HOURS} h. Volumes sit round-robin in AZs a, b
          and c. Prices per GiB-month: volume ${PRICES.volume}, snapshot ${PRICES.snapshot}, object ${PRICES.object}.
        </p>
      </SettingsFieldset>

      <ControlBar
        controls={controls}
        stepLabel={`Step ${stepLabel(c.years)}`}
        formatTime={(ms) => (c.years === 1 ? `${formatNumber(ms / (YEAR_MS / 12), 1)} months` : `${formatNumber(ms / YEAR_MS, 1)} years`)}
      />

      <div role="group" aria-label="Break something" className="flex flex-col gap-2">
        <span className={labelClass}>Break something now</span>
        <div className="flex flex-wrap gap-2">
          {AZ_IDS.map((z, az) => (
            <button
              key={z}
              type="button"
              className={buttonClass}
              disabled={controls.ended}
              onClick={() => controls.act((h) => takeAzDown(h, az))}
            >
              AZ {z} down for {MANUAL_OUTAGE_HOURS} h
            </button>
          ))}
          <button type="button" className={dangerButtonClass} disabled={controls.ended} onClick={() => controls.act((h) => burnAz(h, 0))}>
            Fire in AZ a: destroy its storage
          </button>
        </div>
        <ul aria-label="Availability Zones now" className="flex flex-wrap gap-2 text-xs">
          {AZ_IDS.map((z, az) => (
            <li
              key={z}
              className={`rounded-md border px-2 py-1 ${
                v.azDown[az]
                  ? "border-rose-400 bg-rose-50 text-rose-950 dark:border-rose-600 dark:bg-rose-950 dark:text-rose-100"
                  : "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-600 dark:bg-emerald-950 dark:text-emerald-100"
              }`}
            >
              AZ {z}: {v.azDown[az] ? "down" : "up"}
            </li>
          ))}
        </ul>
      </div>

      <LiveRegion message={statusMessage(v, c, controls.ended, controls.playing)} />

      <MetricGrid label="Fleet so far">
        <MetricTile label="Volume failures" value={formatNumber(v.volumeFailures)} detail={`about ${formatNumber(v.expectedFailures, v.expectedFailures < 10 ? 2 : 0)} expected by now`} />
        <MetricTile
          label="Worst snapshot loss"
          value={formatHours(v.worstSnapshotLossHours)}
          detail="of writes, in one failure"
          tone={v.worstSnapshotLossHours > 0 ? "bad" : "neutral"}
        />
        <MetricTile label="Object copies re-created" value={formatNumber(v.objectCopiesLost)} detail="from the other AZs" />
        <MetricTile label="Simulated" value={formatYears(v.years)} detail={`of ${c.years} year${c.years === 1 ? "" : "s"}`} />
      </MetricGrid>

      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-left text-sm tabular-nums">
          <caption className="sr-only">The three storage options under the same failures</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                Option
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Data lost
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Unavailable a year (per dataset)
              </th>
              <th scope="col" className="py-1 font-medium">
                Cost a month
              </th>
            </tr>
          </thead>
          <tbody>
            {v.options.map((o) => (
              <tr key={o.id} className="border-b border-slate-200 align-top dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 font-normal text-slate-700 dark:text-slate-300">
                  {o.label}
                  {o.unavailableNow > 0 ? (
                    <span className="block text-xs text-rose-700 dark:text-rose-300">{formatNumber(o.unavailableNow)} unavailable now</span>
                  ) : null}
                </th>
                <td className="py-1 pr-2">
                  {formatGiB(o.lostGiB)}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {o.lossEvents} loss{o.lossEvents === 1 ? "" : "es"}; expected ≈ {formatGiB(o.expectedLostGiBPerYear)}/yr
                  </span>
                </td>
                <td className="py-1 pr-2">
                  {formatHours(o.unavailablePerYear)}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {formatAvailability(o.availability)}; formula {formatHours(o.expectedUnavailablePerYear)}
                  </span>
                </td>
                <td className="py-1">{money(o.monthlyCost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Chart
        title="Data lost so far (whole fleet)"
        summary="Cumulative GiB lost by each option over the run. Object storage stays at zero unless every copy is destroyed."
        x={x}
        xLabel={c.years === 1 ? "months" : "years"}
        yLabel="GiB lost"
        formatX={formatYears}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, c.years]}
        series={v.options.map((o, k) => ({
          id: o.id,
          label: o.label,
          values: v.samples.map((s) => s.lostGiB[k] as number),
          step: true,
          ...SERIES_STYLE[k]!,
        }))}
      />
      <Chart
        title="Hours unavailable so far (per dataset)"
        summary="Cumulative hours each option's data could not be read, averaged over the datasets."
        x={x}
        xLabel={c.years === 1 ? "months" : "years"}
        yLabel="hours"
        formatX={formatYears}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, c.years]}
        series={v.options.map((o, k) => ({
          id: `${o.id}-down`,
          label: o.label,
          values: v.samples.map((s) => s.unavailable[k] as number),
          ...SERIES_STYLE[k]!,
        }))}
      />
    </WidgetFrame>
  );
}
