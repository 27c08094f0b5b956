"use client";

import { useId } from "react";
import { PLACES, REGION_LOCATIONS } from "@/lib/sim";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { fieldClass, labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  JITTER_SHARE,
  MAP_H,
  MAP_TOP_LAT,
  MAP_W,
  REGION_IDS,
  RUN_MS,
  TOTAL_RATE_PER_SEC,
  USER_BASES,
  createMap,
  mapStatus,
  project,
  viewMap,
  type MapConfig,
  type MapHandle,
  type MapView,
  type UserBaseId,
} from "./model";
import { CONTINENTS } from "./world-sketch";

export interface RegionLatencyMapProps {
  /** Where the users are: "global", "europe", "americas" or "asia-pacific". */
  userBase?: UserBaseId;
  /** Regions deployed at the start (ids such as "us-east-1"); default us-east-1 only. */
  regions?: string[];
  /** Start with edge caching on. */
  edge?: boolean;
  seed?: number;
}

const ms = (v: number | null) => (v === null ? "—" : `${formatNumber(v)} ms`);

function outline(points: readonly (readonly [number, number])[]): string {
  return points
    .map(([lat, lon], i) => {
      const p = project(lat, lon);
      return `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    })
    .join(" ")
    .concat(" Z");
}
const CONTINENT_PATHS = CONTINENTS.map(outline);
/** Cities whose labels would collide below them are labelled to one side instead. */
/** Where a city's label goes, for cities whose default spot (below) would collide with a neighbour or a Region. */
const LABEL_SIDE: Record<string, "left" | "right" | "above"> = {
  london: "above",
  berlin: "right",
  "new-york": "right",
  "san-francisco": "left",
};
const LABEL_AT = {
  left: { dx: -9, dy: -3, anchor: "end" },
  right: { dx: 9, dy: -3, anchor: "start" },
  above: { dx: 0, dy: -11, anchor: "middle" },
  below: { dx: 0, dy: 17, anchor: "middle" },
} as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label's box at font size 10 (about 5.6 units per character), from its anchor point. */
function labelBox(x: number, y: number, text: string, anchor: "start" | "middle" | "end"): Box {
  const w = text.length * 5.6;
  const left = anchor === "start" ? x : anchor === "middle" ? x - w / 2 : x - w;
  return { x: left, y: y - 9, w, h: 11 };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

interface RegionLabel {
  x: number;
  y: number;
  anchor: "start" | "end";
}

/** Where a Region's label may go, in order of preference: below left, above left, above right, below right. */
const REGION_LABEL_SPOTS = [
  { dx: -8, dy: 12, anchor: "end" },
  { dx: -8, dy: -6, anchor: "end" },
  { dx: 8, dy: -6, anchor: "start" },
  { dx: 8, dy: 12, anchor: "start" },
] as const;

/**
 * Which deployed Regions get a label, and where: Regions crowd together (six in Europe), so a label goes in the first
 * spot that overlaps no city label, no deployed Region's marker and no Region label placed before it, or nowhere.
 * Every marker keeps a tooltip, and the table below names every Region.
 */
function labelledRegions(view: MapView, config: MapConfig): Map<string, RegionLabel> {
  const taken: Box[] = view.cities.map((c) => {
    const p = project(PLACES[c.city]!.latitude, PLACES[c.city]!.longitude);
    const at = LABEL_AT[LABEL_SIDE[c.city] ?? "below"];
    return labelBox(p.x + at.dx, p.y + at.dy, `${c.name} ${formatNumber(c.route.rttMs)}`, at.anchor);
  });
  for (const rid of config.regions) {
    const r = REGION_LOCATIONS[rid]!;
    const p = project(r.latitude, r.longitude);
    taken.push({ x: p.x - 5, y: p.y - 5, w: 10, h: 10 });
  }
  const out = new Map<string, RegionLabel>();
  for (const rid of config.regions) {
    const r = REGION_LOCATIONS[rid]!;
    const p = project(r.latitude, r.longitude);
    for (const spot of REGION_LABEL_SPOTS) {
      const label = { x: p.x + spot.dx, y: p.y + spot.dy, anchor: spot.anchor };
      const box = labelBox(label.x, label.y, rid, label.anchor);
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      out.set(rid, label);
      break;
    }
  }
  return out;
}

function WorldSketch(props: { view: MapView; config: MapConfig }) {
  const id = useId();
  const { view, config } = props;
  const labelled = labelledRegions(view, config);
  const desc =
    `Sketch map. Deployed Regions: ${config.regions.map((r) => REGION_LOCATIONS[r]!.name).join(", ")}. ` +
    view.cities.map((c) => `${c.name} is routed to ${c.regionName}, ${formatNumber(c.route.rttMs)} ms round trip`).join("; ") +
    ".";
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${MAP_W} ${MAP_H}`}
      className="block h-auto w-full min-w-[42rem] rounded-md border border-slate-200 bg-sky-50 dark:border-slate-700 dark:bg-slate-950"
    >
      <title id={`${id}-t`}>Where the users are and which Region serves each city</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {[-60, -30, 0, 30, 60].map((lat) => (
        <line key={`lat${lat}`} x1={0} x2={MAP_W} y1={(MAP_TOP_LAT - lat) * 2} y2={(MAP_TOP_LAT - lat) * 2} strokeWidth={0.5} className="stroke-slate-300 dark:stroke-slate-700" />
      ))}
      {[-150, -120, -90, -60, -30, 0, 30, 60, 90, 120, 150].map((lon) => (
        <line key={`lon${lon}`} y1={0} y2={MAP_H} x1={(lon + 180) * 2} x2={(lon + 180) * 2} strokeWidth={0.5} className="stroke-slate-300 dark:stroke-slate-700" />
      ))}
      {CONTINENT_PATHS.map((d, i) => (
        <path key={i} d={d} strokeWidth={0.8} className="fill-slate-200 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-600" />
      ))}
      {view.cities.map((c) => {
        const a = project(PLACES[c.city]!.latitude, PLACES[c.city]!.longitude);
        const r = REGION_LOCATIONS[c.route.region]!;
        const b = project(r.latitude, r.longitude);
        return (
          <line key={`route-${c.city}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={1.5} strokeDasharray="4 3" className="stroke-amber-600 dark:stroke-amber-400" />
        );
      })}
      {REGION_IDS.map((rid) => {
        const r = REGION_LOCATIONS[rid]!;
        const p = project(r.latitude, r.longitude);
        const on = config.regions.includes(rid);
        const label = labelled.get(rid);
        return (
          <g key={rid}>
            <title>{`${rid} (${r.name})${on ? ", deployed" : ""}`}</title>
            <rect
              x={p.x - (on ? 5 : 3.5)}
              y={p.y - (on ? 5 : 3.5)}
              width={on ? 10 : 7}
              height={on ? 10 : 7}
              strokeWidth={1.2}
              className={on ? "fill-indigo-600 stroke-white dark:fill-indigo-400 dark:stroke-slate-950" : "fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400"}
            />
            {label ? (
              <text x={label.x} y={label.y} fontSize={10} fontWeight={600} textAnchor={label.anchor} className="fill-indigo-800 dark:fill-indigo-200">
                {rid}
              </text>
            ) : null}
          </g>
        );
      })}
      {view.cities.map((c) => {
        const p = project(PLACES[c.city]!.latitude, PLACES[c.city]!.longitude);
        const at = LABEL_AT[LABEL_SIDE[c.city] ?? "below"];
        return (
          <g key={c.city}>
            <circle cx={p.x} cy={p.y} r={3 + 6 * Math.sqrt(c.share)} strokeWidth={1} className="fill-amber-400/70 stroke-amber-700 dark:fill-amber-500/60 dark:stroke-amber-300" />
            <text
              x={p.x + at.dx}
              y={p.y + at.dy}
              fontSize={10}
              textAnchor={at.anchor}
              className="fill-slate-800 dark:fill-slate-100"
            >
              {c.name} {formatNumber(c.route.rttMs)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function RegionLatencyMap(props: RegionLatencyMapProps) {
  const { config, update, setConfig, controls } = useConfiguredSimulation<MapConfig, MapHandle, MapView>({
    initialConfig: () => {
      const chosen = REGION_IDS.filter((r) => props.regions?.includes(r));
      return {
        userBase: props.userBase ?? "global",
        regions: chosen.length > 0 ? chosen : ["us-east-1"],
        edge: props.edge ?? false,
        hitRatio: 0.8,
      };
    },
    create: createMap,
    view: viewMap,
    seed: props.seed,
    simMsPerSecond: 10_000,
    stepMs: 5_000,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const uid = useId();
  const toggleRegion = (rid: string, on: boolean) =>
    setConfig((c) => {
      const regions = on ? [...c.regions, rid] : c.regions.filter((r) => r !== rid);
      return regions.length === 0 ? c : { ...c, regions: REGION_IDS.filter((r) => regions.includes(r)) };
    });
  const edgeHits = v.cities.reduce((sum, c) => sum + (c.edgeHitShare ?? 0) * c.requests, 0);

  return (
    <WidgetFrame
      name="RegionLatencyMap"
      title="Region latency map: where should it run?"
      intro={
        <p>
          Users in several cities send {TOTAL_RATE_PER_SEC} requests a second in total. Choose the Regions your
          application runs in: latency-based routing sends each city to the deployed Region with the lowest round trip.
          Round trips are modelled as the great-circle distance at the speed of light in fibre (about 200 km per ms)
          plus 5 ms of fixed overhead, with random variation averaging {JITTER_SHARE * 100} % on top — a lower bound:
          real routes are longer. With edge caching on, cache hits are answered from an edge location in the
          user&apos;s own city.
        </p>
      }
    >
      <SettingsFieldset legend="Deployment (changing it starts a fresh run)">
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${uid}-users`} className={labelClass}>
            Users
          </label>
          <select
            id={`${uid}-users`}
            className={`${fieldClass} w-full max-w-md`}
            value={config.userBase}
            onChange={(e) => update({ userBase: e.target.value as UserBaseId })}
          >
            {(Object.keys(USER_BASES) as UserBaseId[]).map((id) => (
              <option key={id} value={id}>
                {USER_BASES[id].label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className={labelClass}>Regions to deploy in ({config.regions.length} chosen; at least one)</legend>
          <div className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 text-sm min-[420px]:grid-cols-2 md:grid-cols-3">
            {REGION_IDS.map((rid) => (
              <label key={rid} className="flex min-w-0 items-center gap-2">
                <input
                  type="checkbox"
                  checked={config.regions.includes(rid)}
                  onChange={(e) => toggleRegion(rid, e.target.checked)}
                  className="size-4 shrink-0 accent-indigo-700 dark:accent-indigo-400"
                />
                <span className="min-w-0">
                  <span className="font-mono text-xs">{rid}</span> {REGION_LOCATIONS[rid]!.name}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.edge}
              onChange={(e) => update({ edge: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Edge caching (CDN)
          </label>
          <RangeField
            width="min-w-40 flex-1"
            id={`${uid}-hit`}
            label="Cache hit ratio"
            display={`${Math.round(config.hitRatio * 100)} %`}
            value={Math.round(config.hitRatio * 100)}
            min={0}
            max={95}
            step={5}
            disabled={!config.edge}
            onChange={(pct) => update({ hitRatio: pct / 100 })}
          />
        </div>
      </SettingsFieldset>

      {/* On phones the map keeps a readable scale and scrolls sideways; the table below has the same figures. */}
      {/* Focusable, so keyboard users can scroll it too. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Latency map">
        <WorldSketch view={v} config={config} />
      </div>

      <ControlBar controls={controls} stepLabel="Step 5 s" />
      <LiveRegion message={mapStatus(v, config, controls.ended, controls.playing)} />

      <MetricGrid label="Latency across all users">
        <MetricTile label="p50 round trip" value={ms(v.p50Ms)} detail={`median; mean ${ms(v.meanMs)}`} />
        <MetricTile label="p95 round trip" value={ms(v.p95Ms)} detail="all requests, all cities" tone={v.p95Ms === null ? "neutral" : v.p95Ms <= 100 ? "good" : "bad"} />
        <MetricTile label="p99 round trip" value={ms(v.p99Ms)} detail="the slowest 1 % start here" />
        <MetricTile
          label="Served at the edge"
          value={config.edge ? formatPercent(v.requests === 0 ? null : edgeHits / v.requests, 0) : "off"}
          detail={`${formatNumber(v.requests)} requests; ${v.regionsUsed.length} of ${config.regions.length} Regions get traffic`}
        />
      </MetricGrid>

      <div className="overflow-x-auto">
        <table className="w-full min-w-80 text-left text-sm tabular-nums">
          <caption className="sr-only">Round trip per user city and the Region latency-based routing chooses</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">City (users)</th>
              <th scope="col" className="py-1 pr-2 font-medium">Routed to</th>
              <th scope="col" className="py-1 pr-2 font-medium">Modelled RTT</th>
              <th scope="col" className="py-1 font-medium">Measured p95</th>
            </tr>
          </thead>
          <tbody>
            {v.cities.map((c) => (
              <tr key={c.city} className="border-b border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {c.name} <span className="text-xs text-slate-600 dark:text-slate-400">({formatPercent(c.share, 0)})</span>
                </th>
                <td className="py-1 pr-2">
                  <span className="font-mono text-xs">{c.route.region}</span>{" "}
                  <span className="text-xs text-slate-600 dark:text-slate-400">{formatNumber(c.route.km)} km</span>
                </td>
                <td className="py-1 pr-2">{ms(c.route.rttMs)}</td>
                <td className="py-1">{ms(c.p95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </WidgetFrame>
  );
}
