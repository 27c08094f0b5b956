"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { buttonClass } from "./styles";

/**
 * A topology diagram: Regions › AZs › hosts / targets / instances, an optional load balancer above the AZs with an
 * edge to every target, and requests flowing along those edges as dots (or, under reduced motion, as static
 * "requests per second" labels). Plain data in, no lib/sim types: `topology-adapters.ts` maps `ServiceModel.view()`
 * and `InfrastructureModel.view()` onto these props.
 *
 * The dots are a pure function of `timeMs` (the widget's simulated clock from `useSimulation`): this component never
 * starts an animation frame of its own, so it moves exactly when the simulation does and freezes when it pauses.
 */

export type TopologyStatus = "up" | "down" | "unhealthy" | "draining" | "pending";

export interface TopologyNode {
  id: string;
  /** Shown instead of the id. */
  label?: string;
  status: TopologyStatus;
  /** A short note shown under the name and in the table ("LB still thinks it is healthy", "6 / 8 vCPU"). */
  detail?: string;
  /** 0…1; shown as a bar with its percentage. Omit (or null) for none. */
  utilisation?: number | null;
  /** Requests waiting; omit (or null) for none. */
  queue?: number | null;
  /** Requests per second the load balancer sends this node: the flow on its edge. Omit for no flow. */
  throughputPerSec?: number;
  /** Of those, how many fail per second (drawn as crosses instead of dots). */
  failingPerSec?: number;
  /** Instances on a host (drawn as chips inside it). */
  children?: readonly TopologyNode[];
}

export interface TopologyAz {
  id: string;
  label?: string;
  /** Defaults to "down" when every node in it is down, otherwise none is shown beyond the counts. */
  status?: TopologyStatus;
  nodes: readonly TopologyNode[];
}

export interface TopologyLoadBalancer {
  label?: string;
  status?: TopologyStatus;
  detail?: string;
  /** Requests per second arriving at the load balancer. */
  inPerSec?: number;
}

export interface TopologyRegion {
  id: string;
  label?: string;
  status?: TopologyStatus;
  /** When present, drawn above the AZs with an edge to every node of the Region. */
  loadBalancer?: TopologyLoadBalancer;
  azs: readonly TopologyAz[];
}

/** What the adapters return: spread it into `<TopologyView {...data} />`. */
export interface TopologyData {
  regions: readonly TopologyRegion[];
  /** Instances not running anywhere (waiting for capacity, lost): listed under the Regions. */
  unplaced?: readonly TopologyNode[];
}

export interface TopologyViewProps extends TopologyData {
  title: string;
  /** The simulated clock (`controls.nowMs`): the dots' positions are a function of it. */
  timeMs: number;
  /** Simulated milliseconds a dot takes to cross an edge (default 1 000). Pick about one real second at 1×. */
  dotTravelMs?: number;
  /** Requests one dot stands for; default: a round number that puts about six dots on the busiest edge. */
  requestsPerDot?: number;
  /** Static throughput labels instead of moving dots. Default: the user's `prefers-reduced-motion`. */
  reducedMotion?: boolean;
  /** What a node is called in the description: "target" (default), "instance", "host". */
  nodeNoun?: string;
  /** An extra sentence appended to the generated description. */
  summary?: string;
}

export const STATUS_TEXT: Record<TopologyStatus, string> = {
  up: "up",
  down: "down",
  unhealthy: "unhealthy",
  draining: "draining",
  pending: "pending",
};

const STATUS_STYLE: Record<TopologyStatus, { box: string; badge: string; glyph: string; text: string; dash?: string }> = {
  up: {
    box: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-500",
    badge: "fill-emerald-600 dark:fill-emerald-400",
    glyph: "stroke-white dark:stroke-slate-950",
    text: "fill-emerald-800 dark:fill-emerald-300",
  },
  down: {
    box: "fill-rose-50 stroke-rose-600 dark:fill-rose-950 dark:stroke-rose-500",
    badge: "fill-rose-600 dark:fill-rose-400",
    glyph: "stroke-white dark:stroke-slate-950",
    text: "fill-rose-800 dark:fill-rose-300",
    dash: "5 3",
  },
  unhealthy: {
    box: "fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-500",
    badge: "fill-amber-500 dark:fill-amber-400",
    glyph: "stroke-slate-950",
    text: "fill-amber-900 dark:fill-amber-200",
    dash: "2 2",
  },
  draining: {
    box: "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-500",
    badge: "fill-sky-600 dark:fill-sky-400",
    glyph: "stroke-white dark:stroke-slate-950",
    text: "fill-sky-800 dark:fill-sky-300",
    dash: "6 2 1 2",
  },
  pending: {
    box: "fill-slate-100 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400",
    badge: "fill-slate-500 dark:fill-slate-400",
    glyph: "stroke-white dark:stroke-slate-950",
    text: "fill-slate-700 dark:fill-slate-300",
    dash: "2 3",
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Text: the description and number formatting (exported for tests and for widgets' own summaries)

const nameOf = (n: { id: string; label?: string }) => n.label ?? n.id;

export function formatRate(perSec: number): string {
  if (perSec >= 10 || perSec === 0) return String(Math.round(perSec));
  return perSec.toFixed(1);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The AZ's status: its own, or "down" when it has nodes and every one is down. */
export function azStatus(az: TopologyAz): TopologyStatus | undefined {
  if (az.status) return az.status;
  return az.nodes.length > 0 && az.nodes.every((n) => n.status === "down") ? "down" : undefined;
}

function countsText(nodes: readonly TopologyNode[], noun: string): string {
  const up = nodes.filter((n) => n.status === "up").length;
  const others = (["down", "unhealthy", "draining", "pending"] as const)
    .map((s) => [s, nodes.filter((n) => n.status === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${STATUS_TEXT[s]}`);
  return `${up} of ${plural(nodes.length, noun)} up${others.length > 0 ? ` (${others.join(", ")})` : ""}`;
}

/** One paragraph describing the whole diagram, for the SVG's accessible name. */
export function describeTopology(data: TopologyData, nodeNoun = "target"): string {
  const parts = data.regions.map((r) => {
    const lb = r.loadBalancer;
    const head = `Region ${nameOf(r)}${r.status && r.status !== "up" ? ` (${STATUS_TEXT[r.status]})` : ""}${
      lb
        ? `, behind a ${lb.label ?? "load balancer"}${lb.status && lb.status !== "up" ? ` (${STATUS_TEXT[lb.status]})` : ""}${
            lb.inPerSec !== undefined ? ` receiving ${formatRate(lb.inPerSec)} requests/s` : ""
          }`
        : ""
    }`;
    const azs = r.azs.map((az) => {
      const s = azStatus(az);
      if (az.nodes.length === 0) return `AZ ${nameOf(az)}${s ? ` ${STATUS_TEXT[s]}` : ""}: no ${nodeNoun}s`;
      return `AZ ${nameOf(az)}${s ? ` ${STATUS_TEXT[s]},` : ":"} ${countsText(az.nodes, nodeNoun)}`;
    });
    const flows: string[] = [];
    for (const az of r.azs)
      for (const n of az.nodes) {
        const failing = n.failingPerSec ?? 0;
        if (failing >= 0.5)
          flows.push(
            `${nameOf(n)} is ${STATUS_TEXT[n.status]} and ${formatRate(failing)} of the ${formatRate(
              n.throughputPerSec ?? failing,
            )} requests/s sent to it fail.`,
          );
      }
    return `${head}: ${azs.length > 0 ? azs.join("; ") : "no AZs"}.${flows.length > 0 ? ` ${flows.join(" ")}` : ""}`;
  });
  const unplaced = data.unplaced ?? [];
  if (unplaced.length > 0)
    parts.push(`Not running: ${unplaced.map((n) => `${nameOf(n)} (${n.detail ?? STATUS_TEXT[n.status]})`).join(", ")}.`);
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------------------------
// Layout (viewBox units). Two arrangements: "wide" puts a Region's AZs side by side, "narrow" stacks them; the
// component renders both and a container query shows the one that fits, so text stays readable at 360 px.

interface Pt {
  x: number;
  y: number;
}
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface ChildLayout {
  node: TopologyNode;
  box: Box;
}
interface NodeLayout {
  node: TopologyNode;
  box: Box;
  compact: boolean;
  children: ChildLayout[];
  /** LB → node, when the Region has a load balancer. */
  path: Pt[] | null;
  /** Where a static throughput label sits (the edge's last segment). */
  labelAt: Pt | null;
}
interface AzLayout {
  az: TopologyAz;
  box: Box;
  nodes: NodeLayout[];
}
interface RegionLayout {
  region: TopologyRegion;
  box: Box;
  lb: Box | null;
  azs: AzLayout[];
}
interface Layout {
  width: number;
  height: number;
  regions: RegionLayout[];
  unplaced: { box: Box; chips: ChildLayout[] } | null;
}

const PAD = 8;
const REGION_HEAD = 24;
const AZ_HEAD = 24;
/** Left part of an AZ box: the trunk the edges run down and room for throughput labels. */
const CHANNEL = 36;
const TRUNK = 12;
const NODE_GAP = 8;
const AZ_GAP = 10;
const AZ_W = 210;
const NARROW_W = 340;
const CHIP_H = 16;
const CHIP_W = 78;
const CHAR_W = 0.6; // average glyph width ÷ font size, for truncation

function truncate(text: string, widthUnits: number, fontSize: number): string {
  const max = Math.max(3, Math.floor(widthUnits / (fontSize * CHAR_W)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const hasMetrics = (n: TopologyNode) =>
  (n.utilisation !== undefined && n.utilisation !== null) || (n.queue !== undefined && n.queue !== null);

function chipsPerRow(width: number): number {
  return Math.max(1, Math.floor((width - 12) / (CHIP_W + 4)));
}

function nodeHeight(n: TopologyNode, w: number, compact: boolean): number {
  let h = 20; // name line
  if (!compact && n.detail) h += 13;
  if (hasMetrics(n)) h += 13;
  const kids = n.children?.length ?? 0;
  if (kids > 0) h += Math.ceil(kids / chipsPerRow(w)) * (CHIP_H + 3) + 2;
  return h + 4;
}

function layoutNodes(az: TopologyAz, box: Box, anchor: Pt | null): { nodes: NodeLayout[]; bottom: number } {
  const x = box.x + CHANNEL;
  const w = box.w - CHANNEL - PAD;
  const compact = w >= 240;
  const trunkX = box.x + TRUNK;
  let y = box.y + AZ_HEAD;
  const nodes = az.nodes.map((node) => {
    const h = nodeHeight(node, w, compact);
    const nb = { x, y, w, h };
    const midY = y + Math.min(h / 2, 14);
    let path: Pt[] | null = null;
    if (anchor) {
      path = [anchor];
      if (Math.abs(anchor.x - trunkX) > 0.5) path.push({ x: trunkX, y: box.y });
      path.push({ x: trunkX, y: midY }, { x, y: midY });
    }
    const perRow = chipsPerRow(w);
    const chipTop = y + h - 4 - Math.ceil((node.children?.length ?? 0) / perRow) * (CHIP_H + 3);
    const children = (node.children ?? []).map((c, i) => ({
      node: c,
      box: { x: x + 6 + (i % perRow) * (CHIP_W + 4), y: chipTop + Math.floor(i / perRow) * (CHIP_H + 3), w: CHIP_W, h: CHIP_H },
    }));
    y += h + NODE_GAP;
    return { node, box: nb, compact, children, path, labelAt: path ? { x: (trunkX + x) / 2, y: midY } : null };
  });
  if (az.nodes.length === 0) y += 22;
  return { nodes, bottom: y - (az.nodes.length > 0 ? NODE_GAP : 0) + PAD };
}

export function layoutTopology(data: TopologyData, mode: "wide" | "narrow"): Layout {
  const maxAzs = Math.max(1, ...data.regions.map((r) => r.azs.length));
  const width = mode === "wide" ? Math.max(NARROW_W, 2 * PAD + maxAzs * AZ_W + (maxAzs - 1) * AZ_GAP) : NARROW_W;
  let y = 0;
  const regions = data.regions.map((region) => {
    const top = y;
    let cursor = top + REGION_HEAD;
    let lb: Box | null = null;
    if (region.loadBalancer) {
      const w = mode === "wide" ? Math.min(300, width - 2 * PAD) : width - 2 * PAD;
      lb = { x: (width - w) / 2, y: cursor, w, h: 36 };
      cursor += lb.h + (mode === "wide" ? 30 : 12);
    }
    const n = region.azs.length;
    let azs: AzLayout[];
    if (mode === "wide") {
      const laid = region.azs.map((az, i) => {
        const box = { x: PAD + i * (AZ_W + AZ_GAP), y: cursor, w: AZ_W, h: 0 };
        const anchor = lb ? { x: lb.x + (lb.w * (i + 1)) / (n + 1), y: lb.y + lb.h } : null;
        const { nodes, bottom } = layoutNodes(az, box, anchor);
        return { az, box, nodes, bottom };
      });
      const bottom = Math.max(cursor + AZ_HEAD + 22, ...laid.map((l) => l.bottom));
      azs = laid.map(({ az, box, nodes }) => ({ az, box: { ...box, h: bottom - cursor }, nodes }));
      cursor = bottom;
    } else {
      azs = region.azs.map((az) => {
        const box = { x: PAD, y: cursor, w: width - 2 * PAD, h: 0 };
        const anchor = lb ? { x: box.x + TRUNK, y: lb.y + lb.h } : null;
        const { nodes, bottom } = layoutNodes(az, box, anchor);
        cursor = bottom + AZ_GAP;
        return { az, box: { ...box, h: bottom - box.y }, nodes };
      });
      if (n > 0) cursor -= AZ_GAP;
    }
    y = cursor + PAD;
    const box = { x: 0, y: top, w: width, h: y - top };
    y += AZ_GAP;
    return { region, box, lb, azs };
  });
  let unplaced: Layout["unplaced"] = null;
  const list = data.unplaced ?? [];
  if (list.length > 0) {
    const perRow = chipsPerRow(width - 2 * PAD);
    const rows = Math.ceil(list.length / perRow);
    const box = { x: 0, y, w: width, h: 24 + rows * (CHIP_H + 3) + 4 };
    const chips = list.map((node, i) => ({
      node,
      box: { x: PAD + (i % perRow) * (CHIP_W + 4), y: y + 22 + Math.floor(i / perRow) * (CHIP_H + 3), w: CHIP_W, h: CHIP_H },
    }));
    unplaced = { box, chips };
    y += box.h + AZ_GAP;
  }
  return { width, height: Math.max(y - AZ_GAP, 40), regions, unplaced };
}

// ---------------------------------------------------------------------------------------------------------------
// Flow: which dots are where at `timeMs`

/** Most dots drawn on one edge, so a busy edge stays legible. */
export const MAX_DOTS_PER_EDGE = 12;

/** A 1-2-5 round number of requests per dot that puts about six dots on the busiest edge. */
export function autoRequestsPerDot(maxPerSec: number, travelMs: number): number {
  const raw = (maxPerSec * travelMs) / 1000 / 6;
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

/** Dots on an edge: proportional to its throughput (at least one while anything flows), some drawn as failures. */
export function edgeDotCount(
  perSec: number,
  failingPerSec: number,
  travelMs: number,
  requestsPerDot: number,
): { dots: number; failing: number } {
  if (!(perSec > 0)) return { dots: 0, failing: 0 };
  const dots = Math.min(MAX_DOTS_PER_EDGE, Math.max(1, Math.round((perSec * travelMs) / 1000 / requestsPerDot)));
  const failing = Math.min(dots, Math.round((dots * Math.max(0, failingPerSec)) / perSec));
  return { dots, failing: failingPerSec > 0 && failing === 0 && failingPerSec / perSec >= 0.25 ? 1 : failing };
}

function pathLength(path: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Pt;
    const b = path[i] as Pt;
    len += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return len;
}

function pointAlong(path: readonly Pt[], fraction: number): Pt {
  let left = pathLength(path) * fraction;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as Pt;
    const b = path[i] as Pt;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= seg || i === path.length - 1) {
      const t = seg > 0 ? Math.min(1, left / seg) : 0;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= seg;
  }
  return path[0] ?? { x: 0, y: 0 };
}

const frac = (v: number) => v - Math.floor(v);
const fmt1 = (v: number) => Math.round(v * 10) / 10;

// ---------------------------------------------------------------------------------------------------------------
// Drawing

function StatusIcon(props: { status: TopologyStatus; x: number; y: number; r?: number }) {
  const { status, x, y } = props;
  const r = props.r ?? 6;
  const s = STATUS_STYLE[status];
  const k = r / 6;
  let glyph;
  switch (status) {
    case "up":
      glyph = <path d={`M${x - 3 * k} ${y + 0.2 * k} l${2.2 * k} ${2.2 * k} l${4 * k} ${-4.6 * k}`} />;
      break;
    case "down":
      glyph = <path d={`M${x - 2.6 * k} ${y - 2.6 * k} l${5.2 * k} ${5.2 * k} M${x + 2.6 * k} ${y - 2.6 * k} l${-5.2 * k} ${5.2 * k}`} />;
      break;
    case "unhealthy":
      glyph = <path d={`M${x} ${y - 3.4 * k} v${4 * k} M${x} ${y + 2.6 * k} v${0.4 * k}`} />;
      break;
    case "draining":
      glyph = <path d={`M${x} ${y - 3.4 * k} v${6.2 * k} M${x - 2.6 * k} ${y + 0.4 * k} l${2.6 * k} ${2.6 * k} l${2.6 * k} ${-2.6 * k}`} />;
      break;
    case "pending":
      glyph = <path d={`M${x} ${y - 3.2 * k} v${3.2 * k} h${2.6 * k}`} />;
      break;
  }
  return (
    <g aria-hidden="true">
      <circle cx={x} cy={y} r={r} className={s.badge} />
      <g fill="none" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" className={s.glyph}>
        {glyph}
      </g>
    </g>
  );
}

const textClass = "fill-slate-900 dark:fill-slate-100";
const mutedTextClass = "fill-slate-600 dark:fill-slate-300";
const haloClass = "stroke-white dark:stroke-slate-800";

function Chip(props: { chip: ChildLayout }) {
  const { node, box } = props.chip;
  const s = STATUS_STYLE[node.status];
  return (
    <g>
      <title>{`${nameOf(node)}: ${STATUS_TEXT[node.status]}${node.detail ? `, ${node.detail}` : ""}`}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} strokeWidth={1} strokeDasharray={s.dash} className={s.box} />
      <StatusIcon status={node.status} x={box.x + 8} y={box.y + box.h / 2} r={5} />
      <text x={box.x + 16} y={box.y + box.h / 2 + 3.5} fontSize={10} className={textClass}>
        {truncate(nameOf(node), box.w - 20, 10)}
      </text>
    </g>
  );
}

function NodeBox(props: { n: NodeLayout }) {
  const { node, box, compact } = props.n;
  const s = STATUS_STYLE[node.status];
  const statusWord = STATUS_TEXT[node.status];
  const nameMax = compact ? box.w * 0.45 : box.w - 26 - statusWord.length * 11 * CHAR_W - 10;
  const nameY = box.y + 15;
  const detailY = compact ? nameY : nameY + 13;
  const y = (compact || !node.detail ? nameY : detailY) + 13; // the metrics row
  const util = node.utilisation ?? null;
  const queue = node.queue ?? null;
  const metricText = [util !== null ? `${Math.round(util * 100)} %` : null, queue !== null ? `queue ${queue}` : null]
    .filter(Boolean)
    .join(" · ");
  const barW = util !== null ? Math.max(24, box.w - 22 - metricText.length * 10 * CHAR_W - 10) : 0;
  return (
    <g>
      <title>{`${nameOf(node)}: ${statusWord}${node.detail ? `, ${node.detail}` : ""}`}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} strokeWidth={1.5} strokeDasharray={s.dash} className={s.box} />
      <StatusIcon status={node.status} x={box.x + 11} y={box.y + 11} />
      <text x={box.x + 22} y={nameY} fontSize={12} fontWeight={600} className={textClass}>
        {truncate(nameOf(node), nameMax, 12)}
      </text>
      {compact ? (
        <text x={box.x + 22 + Math.min(nameOf(node).length * 12 * CHAR_W, nameMax) + 8} y={box.y + 15} fontSize={11} fontWeight={600} className={s.text}>
          {statusWord}
        </text>
      ) : (
        <text x={box.x + box.w - 6} y={box.y + 15} fontSize={11} fontWeight={600} textAnchor="end" className={s.text}>
          {statusWord}
        </text>
      )}
      {node.detail ? (
        compact ? (
          <text x={box.x + box.w - 6} y={detailY} fontSize={10} textAnchor="end" className={mutedTextClass}>
            {truncate(node.detail, box.w - 22 - Math.min(nameOf(node).length * 12 * CHAR_W, nameMax) - statusWord.length * 11 * CHAR_W - 20, 10)}
          </text>
        ) : (
          <text x={box.x + 22} y={detailY} fontSize={10} className={mutedTextClass}>
            {truncate(node.detail, box.w - 28, 10)}
          </text>
        )
      ) : null}
      {hasMetrics(node) ? (
        <g>
          {util !== null ? (
            <g>
              <rect x={box.x + 22} y={y - 6} width={barW} height={5} rx={2} className="fill-slate-200 dark:fill-slate-700" />
              <rect
                x={box.x + 22}
                y={y - 6}
                width={barW * Math.max(0, Math.min(1, util))}
                height={5}
                rx={2}
                className={util >= 0.9 ? "fill-rose-600 dark:fill-rose-400" : "fill-sky-600 dark:fill-sky-400"}
              />
            </g>
          ) : null}
          <text x={box.x + box.w - 6} y={y} fontSize={10} textAnchor="end" className={mutedTextClass}>
            {metricText}
          </text>
        </g>
      ) : null}
      {props.n.children.map((c) => (
        <Chip key={c.node.id} chip={c} />
      ))}
    </g>
  );
}

function Flow(props: {
  n: NodeLayout;
  index: number;
  timeMs: number;
  travelMs: number;
  requestsPerDot: number;
  reducedMotion: boolean;
}) {
  const { n, timeMs, travelMs } = props;
  if (!n.path) return null;
  const rate = n.node.throughputPerSec;
  const failing = n.node.failingPerSec ?? 0;
  const idle = rate === undefined || rate <= 0;
  const d = n.path.map((p, i) => `${i === 0 ? "M" : "L"}${fmt1(p.x)} ${fmt1(p.y)}`).join(" ");
  const edge = (
    <path
      d={d}
      fill="none"
      strokeWidth={1.5}
      strokeDasharray={idle ? "3 4" : undefined}
      className={idle ? "stroke-slate-300 dark:stroke-slate-600" : "stroke-slate-400 dark:stroke-slate-500"}
    />
  );
  if (rate === undefined) return edge;
  if (props.reducedMotion) {
    const at = n.labelAt as Pt;
    return (
      <g>
        {edge}
        <text
          data-flow="label"
          x={at.x}
          y={at.y - 3}
          fontSize={9}
          fontWeight={600}
          textAnchor="middle"
          strokeWidth={3}
          paintOrder="stroke"
          className={`${textClass} ${haloClass}`}
        >
          {`${formatRate(rate)}/s`}
        </text>
        {failing >= 0.05 ? (
          <text
            data-flow="label"
            x={at.x}
            y={at.y + 10}
            fontSize={9}
            fontWeight={600}
            textAnchor="middle"
            strokeWidth={3}
            paintOrder="stroke"
            className={`fill-rose-700 dark:fill-rose-300 ${haloClass}`}
          >
            {`✕${formatRate(failing)}`}
          </text>
        ) : null}
      </g>
    );
  }
  const { dots, failing: failDots } = edgeDotCount(rate, failing, travelMs, props.requestsPerDot);
  const base = timeMs / travelMs + props.index * 0.37;
  const marks = [];
  for (let i = 0; i < dots; i++) {
    const p = pointAlong(n.path, frac(base + i / dots));
    const fails = Math.floor(((i + 1) * failDots) / dots) - Math.floor((i * failDots) / dots) === 1;
    marks.push(
      fails ? (
        <path
          key={i}
          data-flow="dot"
          d={`M${fmt1(p.x - 3)} ${fmt1(p.y - 3)} l6 6 M${fmt1(p.x + 3)} ${fmt1(p.y - 3)} l-6 6`}
          strokeWidth={2}
          strokeLinecap="round"
          className="stroke-rose-600 dark:stroke-rose-400"
        />
      ) : (
        <circle key={i} data-flow="dot" cx={fmt1(p.x)} cy={fmt1(p.y)} r={3} className="fill-sky-600 dark:fill-sky-400" />
      ),
    );
  }
  return (
    <g>
      {edge}
      {marks}
    </g>
  );
}

function Diagram(props: {
  layout: Layout;
  label: string;
  timeMs: number;
  travelMs: number;
  requestsPerDot: number;
  reducedMotion: boolean;
  className: string;
}) {
  const { layout } = props;
  let edgeIndex = 0;
  return (
    <svg
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className={`h-auto w-full ${props.className}`}
      style={{ maxWidth: `${Math.round(layout.width * 1.25)}px` }}
    >
      {layout.regions.map((r) => {
        const rs = r.region.status;
        return (
          <g key={r.region.id}>
            <rect
              x={r.box.x + 0.5}
              y={r.box.y + 0.5}
              width={r.box.w - 1}
              height={r.box.h - 1}
              rx={8}
              strokeWidth={1}
              strokeDasharray={rs === "down" ? "5 3" : undefined}
              className="fill-slate-100 stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600"
            />
            {rs && rs !== "up" ? <StatusIcon status={rs} x={r.box.x + PAD + 6} y={r.box.y + 12} /> : null}
            <text x={r.box.x + PAD + (rs && rs !== "up" ? 16 : 0)} y={r.box.y + 16} fontSize={12} fontWeight={700} className={textClass}>
              {truncate(`Region ${nameOf(r.region)}${rs && rs !== "up" ? ` — ${STATUS_TEXT[rs]}` : ""}`, r.box.w - 2 * PAD - 16, 12)}
            </text>
            {r.azs.map((a) => {
              const s = azStatus(a.az);
              const count = a.az.nodes.length;
              const up = a.az.nodes.filter((x) => x.status === "up").length;
              const right = s === "down" ? "down" : count > 0 ? `${up}/${count} up` : "";
              return (
                <g key={a.az.id}>
                  <rect
                    x={a.box.x}
                    y={a.box.y}
                    width={a.box.w}
                    height={a.box.h}
                    rx={6}
                    strokeWidth={s === "down" ? 1.5 : 1}
                    strokeDasharray={s === "down" ? "5 3" : undefined}
                    className={
                      s === "down"
                        ? "fill-rose-50/60 stroke-rose-600 dark:fill-rose-950/40 dark:stroke-rose-500"
                        : "fill-white stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"
                    }
                  />
                  {s ? <StatusIcon status={s} x={a.box.x + CHANNEL + 5} y={a.box.y + 12} r={5} /> : null}
                  <text x={a.box.x + CHANNEL + (s ? 14 : 0)} y={a.box.y + 16} fontSize={11} fontWeight={600} className={textClass}>
                    {truncate(`AZ ${nameOf(a.az)}`, a.box.w - CHANNEL - 50, 11)}
                  </text>
                  <text
                    x={a.box.x + a.box.w - PAD}
                    y={a.box.y + 16}
                    fontSize={10}
                    fontWeight={600}
                    textAnchor="end"
                    className={s ? STATUS_STYLE[s].text : mutedTextClass}
                  >
                    {right}
                  </text>
                  {count === 0 ? (
                    <text x={a.box.x + CHANNEL} y={a.box.y + AZ_HEAD + 12} fontSize={10} className={mutedTextClass}>
                      empty
                    </text>
                  ) : null}
                </g>
              );
            })}
            {r.lb
              ? r.azs.map((a) =>
                  a.nodes.map((n) => (
                    <Flow
                      key={`flow-${a.az.id}-${n.node.id}`}
                      n={n}
                      index={edgeIndex++}
                      timeMs={props.timeMs}
                      travelMs={props.travelMs}
                      requestsPerDot={props.requestsPerDot}
                      reducedMotion={props.reducedMotion}
                    />
                  )),
                )
              : null}
            {r.lb && r.region.loadBalancer ? <LoadBalancerBox box={r.lb} lb={r.region.loadBalancer} /> : null}
            {r.azs.map((a) => a.nodes.map((n) => <NodeBox key={`${a.az.id}-${n.node.id}`} n={n} />))}
          </g>
        );
      })}
      {layout.unplaced ? (
        <g>
          <rect
            x={0.5}
            y={layout.unplaced.box.y + 0.5}
            width={layout.unplaced.box.w - 1}
            height={layout.unplaced.box.h - 1}
            rx={8}
            strokeDasharray="2 3"
            className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"
          />
          <text x={PAD} y={layout.unplaced.box.y + 15} fontSize={11} fontWeight={600} className={textClass}>
            Not running
          </text>
          {layout.unplaced.chips.map((c) => (
            <Chip key={c.node.id} chip={c} />
          ))}
        </g>
      ) : null}
    </svg>
  );
}

function LoadBalancerBox(props: { box: Box; lb: TopologyLoadBalancer }) {
  const { box, lb } = props;
  const status = lb.status ?? "up";
  const detail = [lb.detail, lb.inPerSec !== undefined ? `${formatRate(lb.inPerSec)} req/s in` : null].filter(Boolean).join(" · ");
  return (
    <g>
      <title>{`${lb.label ?? "Load balancer"}: ${STATUS_TEXT[status]}${detail ? `, ${detail}` : ""}`}</title>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={6}
        strokeWidth={1.5}
        strokeDasharray={STATUS_STYLE[status].dash}
        className={status === "up" ? "fill-white stroke-sky-600 dark:fill-slate-800 dark:stroke-sky-400" : STATUS_STYLE[status].box}
      />
      <StatusIcon status={status} x={box.x + 11} y={box.y + 11} />
      <text x={box.x + 22} y={box.y + 15} fontSize={12} fontWeight={600} className={textClass}>
        {truncate(`${lb.label ?? "Load balancer"}${status !== "up" ? ` — ${STATUS_TEXT[status]}` : ""}`, box.w - 28, 12)}
      </text>
      {detail ? (
        <text x={box.x + 22} y={box.y + 29} fontSize={10} className={mutedTextClass}>
          {truncate(detail, box.w - 28, 10)}
        </text>
      ) : null}
    </g>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Table (always in the page for screen readers; "Show table" makes it visible instead of the diagram)

interface Row {
  key: string;
  region: string;
  az: string;
  name: string;
  status: string;
  detail: string;
  utilisation: string;
  queue: string;
  rate: string;
  failing: string;
}

function rowsOf(data: TopologyData): Row[] {
  const rows: Row[] = [];
  const push = (key: string, region: string, az: string, name: string, n: TopologyNode) =>
    rows.push({
      key,
      region,
      az,
      name,
      status: STATUS_TEXT[n.status],
      detail: n.detail ?? "",
      utilisation: n.utilisation === undefined || n.utilisation === null ? "" : `${Math.round(n.utilisation * 100)} %`,
      queue: n.queue === undefined || n.queue === null ? "" : String(n.queue),
      rate: n.throughputPerSec === undefined ? "" : formatRate(n.throughputPerSec),
      failing: n.failingPerSec === undefined ? "" : formatRate(n.failingPerSec),
    });
  for (const r of data.regions) {
    const lb = r.loadBalancer;
    if (lb)
      rows.push({
        key: `${r.id}/lb`,
        region: nameOf(r),
        az: "—",
        name: lb.label ?? "Load balancer",
        status: STATUS_TEXT[lb.status ?? "up"],
        detail: lb.detail ?? "",
        utilisation: "",
        queue: "",
        rate: lb.inPerSec === undefined ? "" : formatRate(lb.inPerSec),
        failing: "",
      });
    for (const az of r.azs) {
      const s = azStatus(az);
      if (az.nodes.length === 0 || s === "down")
        rows.push({
          key: `${r.id}/${az.id}`,
          region: nameOf(r),
          az: nameOf(az),
          name: `AZ ${nameOf(az)}`,
          status: s ? STATUS_TEXT[s] : "",
          detail: az.nodes.length === 0 ? "empty" : "whole AZ",
          utilisation: "",
          queue: "",
          rate: "",
          failing: "",
        });
      for (const n of az.nodes) {
        push(`${r.id}/${az.id}/${n.id}`, nameOf(r), nameOf(az), nameOf(n), n);
        for (const c of n.children ?? []) push(`${r.id}/${az.id}/${n.id}/${c.id}`, nameOf(r), nameOf(az), `${nameOf(c)} (on ${nameOf(n)})`, c);
      }
    }
  }
  for (const n of data.unplaced ?? []) push(`unplaced/${n.id}`, "—", "—", nameOf(n), n);
  return rows;
}

const COLUMNS: { key: keyof Row; label: string; optional: boolean }[] = [
  { key: "region", label: "Region", optional: false },
  { key: "az", label: "AZ", optional: false },
  { key: "name", label: "Name", optional: false },
  { key: "status", label: "Status", optional: false },
  { key: "detail", label: "Detail", optional: true },
  { key: "utilisation", label: "Utilisation", optional: true },
  { key: "queue", label: "Queue", optional: true },
  { key: "rate", label: "Requests/s", optional: true },
  { key: "failing", label: "Failing/s", optional: true },
];

// ---------------------------------------------------------------------------------------------------------------
// Components

const REDUCED_MOTION_QUERY = "(prefers-reduced-motion: reduce)";

function subscribeReducedMotion(onChange: () => void): () => void {
  const mq = window.matchMedia(REDUCED_MOTION_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/** The topology view, with reduced motion decided by the caller (a widget passes `controls.reducedMotion`). */
export function TopologyDiagram(props: TopologyViewProps & { reducedMotion: boolean }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const data: TopologyData = { regions: props.regions, unplaced: props.unplaced };
  const travelMs = props.dotTravelMs ?? 1000;
  let maxRate = 0;
  for (const r of props.regions) for (const az of r.azs) for (const n of az.nodes) maxRate = Math.max(maxRate, n.throughputPerSec ?? 0);
  const requestsPerDot = props.requestsPerDot ?? autoRequestsPerDot(maxRate, travelMs);
  const description = `${props.title}. ${describeTopology(data, props.nodeNoun)}${props.summary ? ` ${props.summary}` : ""}`;
  const rows = rowsOf(data);
  const columns = COLUMNS.filter((c) => !c.optional || rows.some((r) => r[c.key] !== ""));
  const hasFlow = props.regions.some((r) => r.loadBalancer && r.azs.some((az) => az.nodes.some((n) => n.throughputPerSec !== undefined)));
  const common = { label: description, timeMs: props.timeMs, travelMs, requestsPerDot, reducedMotion: props.reducedMotion };

  return (
    <figure aria-labelledby={titleId} className="@container flex min-w-0 flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <figcaption id={titleId} className="text-sm font-semibold">
          {props.title}
        </figcaption>
        <button type="button" className={buttonClass} aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? "Show diagram" : "Show table"}
        </button>
      </div>
      {asTable ? null : (
        <div className="flex flex-col items-center gap-1">
          <Diagram layout={layoutTopology(data, "narrow")} className="@2xl:hidden" {...common} />
          <Diagram layout={layoutTopology(data, "wide")} className="hidden @2xl:block" {...common} />
          {hasFlow ? (
            <p className="flex flex-wrap items-center gap-x-4 gap-y-1 self-start text-xs text-slate-600 dark:text-slate-300">
              {props.reducedMotion ? (
                <span>Numbers on the lines: requests per second the load balancer sends each {props.nodeNoun ?? "target"}; ✕ of them failing.</span>
              ) : (
                <>
                  <span className="flex items-center gap-1">
                    <svg width="10" height="10" aria-hidden="true">
                      <circle cx={5} cy={5} r={3} className="fill-sky-600 dark:fill-sky-400" />
                    </svg>
                    {`≈ ${requestsPerDot.toLocaleString("en-US")} requests served`}
                  </span>
                  <span className="flex items-center gap-1">
                    <svg width="10" height="10" aria-hidden="true">
                      <path d="M2 2 l6 6 M8 2 l-6 6" strokeWidth={2} strokeLinecap="round" className="stroke-rose-600 dark:stroke-rose-400" />
                    </svg>
                    {`≈ ${requestsPerDot.toLocaleString("en-US")} failing`}
                  </span>
                  <span>dashed line: no traffic</span>
                </>
              )}
            </p>
          ) : null}
        </div>
      )}
      <div className={asTable ? "max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-700" : "sr-only"}>
        <table className="w-full text-left text-xs tabular-nums">
          <caption className="sr-only">{props.title}</caption>
          <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="px-2 py-1">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-200 dark:border-slate-700">
                {columns.map((c) =>
                  c.key === "name" ? (
                    <th key={c.key} scope="row" className="px-2 py-0.5 font-medium">
                      {r.name}
                    </th>
                  ) : (
                    <td key={c.key} className="px-2 py-0.5">
                      {r[c.key] === "" ? "—" : r[c.key]}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/**
 * Regions › AZs › nodes with requests flowing from an optional load balancer. Pass the simulated clock as `timeMs`;
 * reduced motion defaults to the user's setting (as `useSimulation` detects it).
 */
export function TopologyView(props: TopologyViewProps) {
  const detected = useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(REDUCED_MOTION_QUERY).matches,
    () => false,
  );
  return <TopologyDiagram {...props} reducedMotion={props.reducedMotion ?? detected} />;
}
