"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  APP_MTBF_CHOICES,
  APP_MTTR_CHOICES,
  AZ_OUTAGE,
  DB_MTBF_HOURS,
  DB_MTTR_CHOICES,
  DEFAULT_CONFIG,
  HOUR_MS,
  LB,
  YEAR_CHOICES,
  YEAR_MS,
  appId,
  azOfInstance,
  createAvailabilityLab,
  describeConfig,
  downtimeHoursPerYear,
  formatAvailability,
  formatDowntime,
  normalize,
  runMs,
  standbyAz,
  viewAvailabilityLab,
  type AvailabilityLabConfig,
  type AvailabilityLabView,
} from "./model";

export interface AvailabilityLabProps {
  /** "single" (default): one of everything; "redundant": 3 instances (need 2) over 3 AZs with a standby database. */
  preset?: "single" | "redundant";
  seed?: number;
}

const PRESETS: Record<NonNullable<AvailabilityLabProps["preset"]>, AvailabilityLabConfig> = {
  single: DEFAULT_CONFIG,
  redundant: { ...DEFAULT_CONFIG, instances: 3, needed: 2, azs: 3, dbStandby: true },
};

function hoursLabel(h: number): string {
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 24 * 7) return `${h} h`;
  if (h < 8_760) return `${Math.round(h / 24)} days`;
  return `${h / 8_760} year${h === 8_760 ? "" : "s"}`;
}

const hourOptions = (hours: readonly number[]) => hours.map((h) => ({ value: h, label: hoursLabel(h) }));

function statusMessage(c: AvailabilityLabConfig, v: AvailabilityLabView, ended: boolean, playing: boolean): string {
  const measured = `measured ${formatAvailability(v.measured)} (${formatDowntime(downtimeHoursPerYear(v.measured))} down a year, ${v.outages} outage${v.outages === 1 ? "" : "s"})`;
  const formula = `the formula predicts ${formatAvailability(v.azAware)} (${formatDowntime(downtimeHoursPerYear(v.azAware))} a year)`;
  if (ended) return `After ${formatNumber(v.years)} simulated years: ${measured}; ${formula}.`;
  if (playing) return `Running ${c.years} simulated year${c.years === 1 ? "" : "s"}: the result is announced at the end.`;
  if (v.nowMs > 0) return `Paused at year ${formatNumber(v.years, 1)}: ${measured}; ${formula}.`;
  return `Ready: ${describeConfig(c)}. The formula predicts ${formatAvailability(v.azAware)}. Press Play to simulate.`;
}

function StateBadge(props: { up: boolean; label: string; detail?: string }) {
  return (
    <li
      className={`flex min-w-0 flex-col rounded-md border px-2 py-1 text-xs ${
        props.up
          ? "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-600 dark:bg-emerald-950 dark:text-emerald-100"
          : "border-rose-400 bg-rose-50 text-rose-950 dark:border-rose-600 dark:bg-rose-950 dark:text-rose-100"
      }`}
    >
      <span className="font-semibold">{props.label}</span>
      <span>
        {props.up ? "up" : "down"}
        {props.detail ? ` · ${props.detail}` : ""}
      </span>
    </li>
  );
}

export function AvailabilityLab(props: AvailabilityLabProps) {
  const { config, setConfig, controls } = useConfiguredSimulation({
    initialConfig: (): AvailabilityLabConfig => PRESETS[props.preset ?? "single"],
    create: createAvailabilityLab,
    view: viewAvailabilityLab,
    seed: props.seed,
    // The run's length follows the chosen years; a twelfth of it per second, a twentieth per step.
    simMsPerSecond: (config) => runMs(normalize(config)) / 12,
    stepMs: (config) => runMs(normalize(config)) / 20,
    endMs: (config) => runMs(normalize(config)),
  });
  const c = normalize(config);
  const v = controls.view;
  const uid = useId();
  const update = (change: Partial<AvailabilityLabConfig>) => setConfig((old) => normalize({ ...old, ...change }));
  const up = new Map(v.componentsUp.map((x) => [x.id, x.up]));
  const expectedPerYearHours = (1 - v.azAware) * 8_760;
  const formatYears = (y: number) => (c.years === 1 ? `${formatNumber(y * 12, 1)} mo` : `${formatNumber(y, 1)} y`);

  return (
    <WidgetFrame
      name="AvailabilityLab"
      title="Availability lab: build it, break it, count the nines"
      intro={
        <p>
          A load balancer, a tier of app instances spread over Availability Zones, and a database with an optional
          standby. Every part fails at random (mean time between failures, MTBF) and is repaired (mean time to repair,
          MTTR). Run years of simulated time and compare the measured availability with the formula. All reliability
          figures are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="System (changing anything starts a fresh run)">
        <div className="flex flex-wrap gap-4">
          <RangeField width="min-w-32 flex-1" id={`${uid}-n`} label="App instances" value={c.instances} min={1} max={9} onChange={(instances) => update({ instances })} />
          <RangeField width="min-w-32 flex-1" id={`${uid}-k`} label="Instances needed for the load" value={c.needed} min={1} max={c.instances} onChange={(needed) => update({ needed })} />
          <div role="radiogroup" aria-label="Availability Zones used" className="flex flex-col gap-1">
            <span className={labelClass}>Availability Zones used</span>
            <div className="flex gap-3">
              {([1, 2, 3] as const).map((n) => (
                <label key={n} className="flex items-center gap-1 text-sm">
                  <input
                    type="radio"
                    name={`${uid}-azs`}
                    value={n}
                    checked={c.azs === n}
                    onChange={() => update({ azs: n })}
                    className="accent-sky-700 dark:accent-sky-400"
                  />
                  {n}
                </label>
              ))}
            </div>
          </div>
        </div>
        <div className="flex flex-wrap gap-4">
          <SelectField width="" id={`${uid}-mtbf`} label="App instance MTBF" value={c.appMtbfHours} options={hourOptions(APP_MTBF_CHOICES)} onChange={(appMtbfHours) => update({ appMtbfHours })} />
          <SelectField width="" id={`${uid}-mttr`} label="App instance MTTR" value={c.appMttrHours} options={hourOptions(APP_MTTR_CHOICES)} onChange={(appMttrHours) => update({ appMttrHours })} />
          <SelectField width="" id={`${uid}-dbmttr`} label="Database MTTR" value={c.dbMttrHours} options={hourOptions(DB_MTTR_CHOICES)} onChange={(dbMttrHours) => update({ dbMttrHours })} />
          <SelectField width="" id={`${uid}-years`} label="Simulated period" value={c.years} options={YEAR_CHOICES.map((y) => ({ value: y, label: `${y} year${y === 1 ? "" : "s"}` }))} onChange={(years) => update({ years })} />
        </div>
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={c.dbStandby} onChange={(e) => update({ dbStandby: e.target.checked })} className="size-4 accent-sky-700 dark:accent-sky-400" />
            Standby database in AZ {standbyAz(c.azs)} (failover assumed instant)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={c.azOutages} onChange={(e) => update({ azOutages: e.target.checked })} className="size-4 accent-sky-700 dark:accent-sky-400" />
            Whole-AZ outages (each AZ: MTBF {hoursLabel(AZ_OUTAGE.mtbfHours)}, MTTR {AZ_OUTAGE.mttrHours} h)
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Fixed: load balancer MTBF {hoursLabel(LB.mtbfHours)}, MTTR {LB.mttrHours * 60} min; database copy MTBF{" "}
          {hoursLabel(DB_MTBF_HOURS)}.
        </p>
      </SettingsFieldset>

      <ControlBar
        controls={controls}
        stepLabel={`Step ${c.years === 1 ? "≈18 days" : c.years === 10 ? "6 months" : "5 years"}`}
        formatTime={(ms) => (c.years === 1 ? `${formatNumber(ms / (YEAR_MS / 12), 1)} months` : `${formatNumber(ms / YEAR_MS, 1)} years`)}
      />
      <LiveRegion message={statusMessage(c, v, controls.ended, controls.playing)} />

      <section aria-label="Components now" className="flex flex-col gap-2 text-sm">
        <h4 className="font-semibold">Right now (t = {formatYears(v.years)})</h4>
        <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
          <div className="flex flex-col gap-1">
            <span className={labelClass}>Load balancer</span>
            <ul className="grid grid-cols-1 gap-1">
              <StateBadge up={up.get("lb") ?? true} label="Load balancer" detail="multi-AZ" />
            </ul>
          </div>
          <div className="flex flex-col gap-1">
            <span className={labelClass}>
              App tier: {c.needed} of {c.instances} needed
            </span>
            <ul className="grid grid-cols-3 gap-1">
              {Array.from({ length: c.instances }, (_, i) => (
                <StateBadge key={i} up={up.get(appId(i)) ?? true} label={`App ${i + 1}`} detail={`AZ ${azOfInstance(i, c.azs)}`} />
              ))}
            </ul>
          </div>
          <div className="flex flex-col gap-1">
            <span className={labelClass}>Database</span>
            <ul className="grid grid-cols-2 gap-1">
              <StateBadge up={up.get("db-primary") ?? true} label="Primary" detail="AZ a" />
              {c.dbStandby ? <StateBadge up={up.get("db-standby") ?? true} label="Standby" detail={`AZ ${standbyAz(c.azs)}`} /> : null}
            </ul>
          </div>
        </div>
      </section>

      <MetricGrid label="Availability of the whole system">
        <MetricTile
          label="Measured"
          value={formatAvailability(v.measured)}
          detail={`${formatDowntime(downtimeHoursPerYear(v.measured))} down a year`}
        />
        <MetricTile
          label={c.azOutages ? "Formula (with AZs)" : "Formula"}
          value={formatAvailability(v.azAware)}
          detail={`${formatDowntime(downtimeHoursPerYear(v.azAware))} a year`}
        />
        <MetricTile
          label="Formula, parts independent"
          value={formatAvailability(v.independent)}
          detail={c.azOutages ? "ignores AZ outages" : "same: no AZ outages"}
        />
        <MetricTile label="System outages" value={`${v.outages}`} detail={`${formatDowntime(v.downHours)} down in total`} tone={v.outages > 0 ? "bad" : "neutral"} />
      </MetricGrid>

      <div className="overflow-x-auto">
        <table className="w-full min-w-80 text-left text-sm tabular-nums">
          <caption className="sr-only">Availability by tier: formula and measured</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                Tier
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Formula (independent)
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Measured
              </th>
              <th scope="col" className="py-1 font-medium">
                Outages
              </th>
            </tr>
          </thead>
          <tbody>
            {v.tiers.map((t) => (
              <tr key={t.id} className="border-b border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 font-normal text-slate-700 dark:text-slate-300">
                  {t.label}
                </th>
                <td className="py-1 pr-2">{t.expected === null ? "—" : formatAvailability(t.expected)}</td>
                <td className="py-1 pr-2">{formatAvailability(t.measured)}</td>
                <td className="py-1">{t.failures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Chart
        title="Cumulative downtime of the whole system"
        summary={`Hours the system has been down since the start, against the ${formatDowntime(expectedPerYearHours)} a year the formula predicts.`}
        x={v.samples.map((s) => s.years)}
        xLabel={c.years === 1 ? "months" : "years"}
        yLabel="hours down"
        formatX={formatYears}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, c.years]}
        yMax={Math.max(1, expectedPerYearHours * c.years * 1.3, ...v.samples.map((s) => s.downHours))}
        series={[
          { id: "measured", label: "Measured", values: v.samples.map((s) => s.downHours), colorClass: "stroke-rose-600 dark:stroke-rose-400", step: true },
          {
            id: "expected",
            label: "Formula",
            values: v.samples.map((s) => s.years * expectedPerYearHours),
            colorClass: "stroke-slate-700 dark:stroke-slate-200",
            dash: "dashed",
          },
        ]}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Sampled {formatNumber(v.samples.length - 1)} times over the run ({formatNumber(runMs(c) / HOUR_MS / 200, 0)} h apart).
      </p>
    </WidgetFrame>
  );
}
