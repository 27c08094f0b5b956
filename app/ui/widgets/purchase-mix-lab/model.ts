/**
 * The pure simulation side of PurchaseMixLab: a web tier in an EC2 Auto Scaling group runs for a 30-day month of
 * diurnal and weekly demand, and a meter bills its instance-hours under a purchase mix — a Savings Plan commitment
 * (instance-equivalents per hour), Spot for a share of the capacity above it, On-Demand for the rest — plus data
 * transfer. Spot interruptions are drawn from a seeded stream and really terminate instances in the group, which
 * replaces them. React-free and deterministic, so it is unit-tested (tests/unit/widgets/purchase-mix-lab.test.ts).
 *
 * Prices are illustrative (a small general-purpose instance, 2026); the discount ranges the lesson quotes are AWS's.
 */
import {
  AutoScalingGroup,
  DAY_MS,
  HOUR_MS,
  Simulation,
  cpuUtilizationMetric,
  demandRateAt,
  type AutoscalingLogEntry,
  type DemandSeries,
} from "@/lib/sim";
import { formatNumber, formatPercent } from "../kit/format";
import { demandRpsAt, formatUsd2 } from "../kit/weekly-demand";

export const MINUTE_MS = 60_000;
export const RUN_DAYS = 30;
export const RUN_MS = RUN_DAYS * DAY_MS;
export const RUN_HOURS = RUN_DAYS * 24;
/** The meter (and the group's metric period): every 5 minutes. */
export const METER_MS = 5 * MINUTE_MS;

/** Illustrative On-Demand price of one instance-hour. */
export const ON_DEMAND_PER_HOUR = 0.1;
/** Illustrative Savings Plan discounts by term (AWS: "up to 72 %" for the deepest plans). */
export const COMMIT_DISCOUNT = { "1y": 0.3, "3y": 0.5 } as const;
/** Illustrative average Spot discount (AWS: "up to 90 %"). */
export const SPOT_DISCOUNT = 0.65;
/** Requests per second one instance serves at 100 % CPU (illustrative). */
export const RPS_PER_INSTANCE = 20;
/** The group's target-tracking target (average CPU %). */
export const TARGET_CPU = 60;
/** Batch workload: each instance runs back-to-back tasks of this length, without checkpoints. */
export const BATCH_TASK_MS = HOUR_MS;
/** Capacity pools a diversified group spreads its Spot instances over. */
export const SPOT_POOLS = 4;

/** Internet data transfer out (us-east-1, per GB, as listed in 2026): 100 GB free a month, then tiers. */
export const DTO_FREE_GB = 100;
export const DTO_TIERS: readonly { upToGb: number; perGb: number }[] = [
  { upToGb: 10_240, perGb: 0.09 },
  { upToGb: 51_200, perGb: 0.085 },
  { upToGb: 153_600, perGb: 0.07 },
  { upToGb: Infinity, perGb: 0.05 },
];
/** Between AZs of a Region: $0.01 per GB out of one AZ and $0.01 per GB into the other. */
export const INTER_AZ_PER_GB_EACH_WAY = 0.01;
/** With the database in one of three AZs and instances spread evenly, two requests in three cross an AZ boundary. */
export const CROSS_AZ_FRACTION = 2 / 3;

export type Term = keyof typeof COMMIT_DISCOUNT;
export type Workload = "web" | "batch";

export interface PurchaseMixConfig {
  /** Savings Plan commitment, in instance-equivalents per hour (0 = none). */
  commitInstances: number;
  term: Term;
  /** Share (0–100 %) of the capacity above the commitment that runs on Spot. */
  spotPercent: number;
  /** Spot interruptions per 1,000 Spot instance-hours (illustrative; real rates vary by pool and over time). */
  interruptionsPer1000h: number;
  workload: Workload;
  /** Spread the Spot instances over four capacity pools (instance types × AZs) instead of one. */
  diversified: boolean;
  /** Average response size sent to the internet, KB. */
  responseKB: number;
  /** The application reads each response's data from a database in one AZ (two in three reads cross AZs). */
  crossAzDatabase: boolean;
}

export const DEFAULT_CONFIG: PurchaseMixConfig = {
  commitInstances: 0,
  term: "1y",
  spotPercent: 0,
  interruptionsPer1000h: 3,
  workload: "web",
  diversified: false,
  responseKB: 10,
  crossAzDatabase: true,
};

/** The month's demand as hourly points, interpolated linearly (what the group's CPU metric reads). */
export const DEMAND: DemandSeries = {
  interpolation: "linear",
  points: Array.from({ length: RUN_HOURS + 1 }, (_, h): [number, number] => [h * HOUR_MS, demandRpsAt(h * HOUR_MS)]),
};

/** Instances needed at the target CPU for each hour's mid-point demand; fixed, since demand does not depend on the mix. */
const NEEDED: readonly number[] = Array.from({ length: RUN_HOURS }, (_, i) => (100 * demandRpsAt((i + 0.5) * HOUR_MS)) / (RPS_PER_INSTANCE * TARGET_CPU));

/** Internet data-transfer-out charge for `gb` in a month (tiered, after the free allowance). */
export function dataTransferOutCost(gb: number): number {
  let left = Math.max(0, gb - DTO_FREE_GB);
  let below = 0;
  let cost = 0;
  for (const tier of DTO_TIERS) {
    const inTier = Math.min(left, tier.upToGb - below);
    cost += inTier * tier.perGb;
    left -= inTier;
    below = tier.upToGb;
    if (left <= 0) break;
  }
  return cost;
}

/** Hourly rates of the three purchase options under a configuration. */
export function rates(c: PurchaseMixConfig) {
  const committedRate = ON_DEMAND_PER_HOUR * (1 - COMMIT_DISCOUNT[c.term]);
  return {
    onDemand: ON_DEMAND_PER_HOUR,
    committed: committedRate,
    spot: ON_DEMAND_PER_HOUR * (1 - SPOT_DISCOUNT),
    /** What the commitment costs every hour, used or not. */
    commitmentPerHour: c.commitInstances * committedRate,
  };
}

interface LiveInstance {
  inServiceAtMs: number;
  failed: boolean;
}

export interface Interruption {
  atMs: number;
  instanceId: string;
  /** Instance-hours of unfinished task work lost (batch workload only). */
  lostHours: number;
}

/** The meter's running totals: instance-hours by purchase option, settled hour by hour as AWS settles coverage. */
interface Meter {
  cursor: number;
  lastMs: number;
  liveCount: number;
  live: Map<string, LiveInstance>;
  hourUsageMs: number;
  instanceHours: number;
  committedUsedHours: number;
  unusedCommitHours: number;
  onDemandHours: number;
  spotHours: number;
  shortMs: number;
  interruptions: Interruption[];
  requests: number;
  /** Average billed instances in each finished hour. */
  hourly: number[];
}

export interface PurchaseMixHandle {
  sim: Simulation<AutoscalingLogEntry>;
  group: AutoScalingGroup;
  config: PurchaseMixConfig;
  meter: Meter;
}

export function createPurchaseMix(config: PurchaseMixConfig, seed: number): PurchaseMixHandle {
  const sim = new Simulation<AutoscalingLogEntry>({ seed, maxLogEntries: 5_000 });
  const initial = Math.ceil((100 * demandRpsAt(0)) / (RPS_PER_INSTANCE * TARGET_CPU));
  const group = new AutoScalingGroup(
    sim,
    {
      id: "web",
      minSize: 4,
      maxSize: 40,
      desiredCapacity: initial,
      launchTimeMs: 3 * MINUTE_MS,
      instanceWarmupMs: 5 * MINUTE_MS,
      metricPeriodMs: METER_MS,
      costPerInstanceHour: ON_DEMAND_PER_HOUR,
      azIds: ["az-a", "az-b", "az-c"],
      policies: [{ kind: "target-tracking", id: "cpu", targetValue: TARGET_CPU }],
    },
    cpuUtilizationMetric({ demand: DEMAND, capacityPerInstanceRps: RPS_PER_INSTANCE }),
  );
  const meter: Meter = {
    cursor: 0,
    lastMs: 0,
    liveCount: 0,
    live: new Map(),
    hourUsageMs: 0,
    instanceHours: 0,
    committedUsedHours: 0,
    unusedCommitHours: 0,
    onDemandHours: 0,
    spotHours: 0,
    shortMs: 0,
    interruptions: [],
    requests: 0,
    hourly: [],
  };
  // The group's first instances exist from t = 0 (already InService, never logged as launches).
  for (const inst of group.view().instances) {
    meter.live.set(inst.id, { inServiceAtMs: inst.inServiceAtMs, failed: inst.state === "failed" });
    meter.liveCount++;
  }
  meter.cursor = sim.logTotal;
  const handle: PurchaseMixHandle = { sim, group, config, meter };
  const tick = sim.defineEvent("purchase-mix/meter", (_a, _b, atMs) => {
    meterTo(handle, atMs);
    interruptSpot(handle, atMs);
    if (atMs + METER_MS <= RUN_MS) sim.schedule(atMs + METER_MS, tick, 0, 0, 2);
  });
  // After the group's own tick at the same instant (priority 1), so the meter reads the settled state.
  sim.schedule(METER_MS, tick, 0, 0, 2);
  return handle;
}

/** Settles one clock hour: the commitment covers usage up to its size; the rest splits into Spot and On-Demand. */
function settleHour(h: PurchaseMixHandle): void {
  const m = h.meter;
  const usage = m.hourUsageMs / HOUR_MS;
  const covered = Math.min(h.config.commitInstances, usage);
  const above = usage - covered;
  const spot = (above * h.config.spotPercent) / 100;
  m.committedUsedHours += covered;
  m.unusedCommitHours += h.config.commitInstances - covered;
  m.spotHours += spot;
  m.onDemandHours += above - spot;
  m.hourly.push(usage);
  m.hourUsageMs = 0;
}

/** Integrates billed instances (launch to termination, as EC2 bills) from the last reading to `toMs`. */
function accrue(h: PurchaseMixHandle, toMs: number): void {
  const m = h.meter;
  while (m.lastMs < toMs) {
    const hourEnd = (Math.floor(m.lastMs / HOUR_MS) + 1) * HOUR_MS;
    const until = Math.min(toMs, hourEnd);
    const ms = m.liveCount * (until - m.lastMs);
    m.hourUsageMs += ms;
    m.instanceHours += ms / HOUR_MS;
    m.lastMs = until;
    if (until === hourEnd) settleHour(h);
  }
}

function meterTo(h: PurchaseMixHandle, atMs: number): void {
  const m = h.meter;
  const from = m.lastMs;
  for (const e of h.sim.logSince(m.cursor)) {
    accrue(h, e.atMs);
    if (e.type === "asg-launch") {
      m.live.set(e.instanceId, { inServiceAtMs: -1, failed: false });
      m.liveCount++;
    } else if (e.type === "asg-in-service") {
      const inst = m.live.get(e.instanceId);
      if (inst) inst.inServiceAtMs = e.atMs;
    } else if (e.type === "asg-instance-failed") {
      const inst = m.live.get(e.instanceId);
      if (inst) inst.failed = true;
    } else if (e.type === "asg-terminate") {
      if (m.live.delete(e.instanceId)) m.liveCount--;
    }
  }
  m.cursor = h.sim.logTotal;
  accrue(h, atMs);
  // Requests in the period (trapezoid over the period's ends) and whether the serving instances fell short.
  const span = atMs - from;
  if (span > 0) {
    m.requests += ((demandRpsAt(from) + demandRpsAt(atMs)) / 2) * (span / 1000);
    const demand = demandRateAt(DEMAND, atMs);
    if (servingCount(h) * RPS_PER_INSTANCE < demand) m.shortMs += span;
  }
}

function servingCount(h: PurchaseMixHandle): number {
  let n = 0;
  for (const inst of h.meter.live.values()) if (inst.inServiceAtMs >= 0 && !inst.failed) n++;
  return n;
}

/**
 * Spot interruptions for the next meter period. EC2 reclaims Spot capacity pool by pool (an instance type in an
 * AZ), so an interruption takes every Spot instance the group has in that pool at once. Each pool is reclaimed with
 * probability rate × period, which keeps the mean at `interruptionsPer1000h` per Spot instance-hour whether the
 * Spot instances sit in one pool or are diversified over four. The Spot instances are the newest in-service ones
 * above the commitment (a mixed-instances group fills its On-Demand base first). An interrupted instance gets its
 * 2-minute notice and is terminated; the group replaces it at its next health check.
 */
function interruptSpot(h: PurchaseMixHandle, atMs: number): void {
  const c = h.config;
  if (c.spotPercent <= 0 || c.interruptionsPer1000h <= 0 || atMs >= RUN_MS) return;
  const serving: [string, LiveInstance][] = [];
  for (const entry of h.meter.live) if (entry[1].inServiceAtMs >= 0 && !entry[1].failed) serving.push(entry);
  const above = Math.max(0, serving.length - c.commitInstances);
  const spotCount = Math.round((above * c.spotPercent) / 100);
  if (spotCount <= 0) return;
  const spot = serving.slice(serving.length - spotCount);
  const pools = c.diversified ? SPOT_POOLS : 1;
  const p = (c.interruptionsPer1000h / 1000) * (METER_MS / HOUR_MS);
  const rng = h.sim.stream("purchase-mix/spot-interruptions");
  for (let pool = 0; pool < pools; pool++) {
    if (rng.next() >= p) continue;
    spot.forEach(([id, inst], i) => {
      if (i % pools !== pool) return;
      const noticeEndMs = atMs + 2 * MINUTE_MS;
      const lostHours = c.workload === "batch" ? ((noticeEndMs - inst.inServiceAtMs) % BATCH_TASK_MS) / HOUR_MS : 0;
      if (h.group.crashInstance(id)) {
        inst.failed = true;
        h.meter.interruptions.push({ atMs, instanceId: id, lostHours });
      }
    });
  }
}

export interface PurchaseMixTotals {
  instanceHours: number;
  committedUsedHours: number;
  unusedCommitHours: number;
  onDemandHours: number;
  spotHours: number;
  commitmentCost: number;
  unusedCommitmentCost: number;
  onDemandCost: number;
  spotCost: number;
  /** Interrupted batch work, redone on On-Demand. */
  lostWorkHours: number;
  rerunCost: number;
  computeCost: number;
  /** The same instance-hours all at On-Demand prices. */
  allOnDemandCost: number;
  computeSavings: number;
  interruptions: number;
  shortHours: number;
  requests: number;
  gbIn: number;
  gbOut: number;
  dataOutCost: number;
  interAzGb: number;
  interAzCost: number;
  total: number;
}

export interface PurchaseMixView {
  nowMs: number;
  /** Hours elapsed (x axis) and average billed instances in each. */
  hours: number[];
  billed: number[];
  /** Instances needed at the target CPU for the hour's demand. */
  needed: number[];
  totals: PurchaseMixTotals;
  inService: number;
  lastInterruption: Interruption | null;
}

/** The bill so far, from the meter's hours (pure arithmetic; also used by tests and the quiz). */
export function bill(c: PurchaseMixConfig, m: Pick<Meter, "instanceHours" | "committedUsedHours" | "unusedCommitHours" | "onDemandHours" | "spotHours" | "requests" | "interruptions" | "shortMs">, hoursElapsed: number): PurchaseMixTotals {
  const r = rates(c);
  const commitmentCost = r.commitmentPerHour * hoursElapsed;
  const unusedCommitmentCost = m.unusedCommitHours * r.committed;
  const onDemandCost = m.onDemandHours * r.onDemand;
  const spotCost = m.spotHours * r.spot;
  const lostWorkHours = m.interruptions.reduce((s, i) => s + i.lostHours, 0);
  const rerunCost = lostWorkHours * r.onDemand;
  const computeCost = commitmentCost + onDemandCost + spotCost + rerunCost;
  const allOnDemandCost = m.instanceHours * r.onDemand;
  const gbOut = (m.requests * c.responseKB) / 1e6;
  const gbIn = (m.requests * 1) / 1e6; // about 1 KB per request in: free
  const dataOutCost = dataTransferOutCost(gbOut);
  const interAzGb = c.crossAzDatabase ? gbOut * CROSS_AZ_FRACTION : 0;
  const interAzCost = interAzGb * INTER_AZ_PER_GB_EACH_WAY * 2;
  return {
    instanceHours: m.instanceHours,
    committedUsedHours: m.committedUsedHours,
    unusedCommitHours: m.unusedCommitHours,
    onDemandHours: m.onDemandHours,
    spotHours: m.spotHours,
    commitmentCost,
    unusedCommitmentCost,
    onDemandCost,
    spotCost,
    lostWorkHours,
    rerunCost,
    computeCost,
    allOnDemandCost,
    computeSavings: allOnDemandCost > 0 ? 1 - computeCost / allOnDemandCost : 0,
    interruptions: m.interruptions.length,
    shortHours: m.shortMs / HOUR_MS,
    requests: m.requests,
    gbIn,
    gbOut,
    dataOutCost,
    interAzGb,
    interAzCost,
    total: computeCost + dataOutCost + interAzCost,
  };
}

export function viewPurchaseMix(h: PurchaseMixHandle): PurchaseMixView {
  const m = h.meter;
  const hoursDone = m.hourly.length;
  return {
    nowMs: h.sim.nowMs,
    hours: Array.from({ length: hoursDone }, (_, i) => i + 1),
    billed: [...m.hourly],
    needed: NEEDED.slice(0, hoursDone),
    totals: bill(h.config, m, hoursDone),
    inService: servingCount(h),
    lastInterruption: m.interruptions.length > 0 ? (m.interruptions[m.interruptions.length - 1] as Interruption) : null,
  };
}

/** Runs a configuration for the whole month (tests, the lesson's numbers). */
export function runPurchaseMix(config: PurchaseMixConfig, seed = 1): PurchaseMixView & { handle: PurchaseMixHandle } {
  const handle = createPurchaseMix(config, seed);
  handle.sim.runUntil(RUN_MS);
  return { ...viewPurchaseMix(handle), handle };
}

export interface ChallengeSpec {
  id: string;
  label: string;
  met: (c: PurchaseMixConfig, v: PurchaseMixView) => boolean;
}

export const CHALLENGES: ChallengeSpec[] = [
  {
    id: "commit-20",
    label: "No Spot: compute at least 20 % below all On-Demand, with at most 5 % of the commitment unused",
    met: (c, v) =>
      c.spotPercent === 0 &&
      v.totals.computeSavings >= 0.2 &&
      v.totals.unusedCommitHours <= 0.05 * c.commitInstances * RUN_HOURS,
  },
  {
    id: "web-spot-50",
    label: "Web tier at 10 interruptions per 1,000 Spot hours: compute at least 50 % below all On-Demand, never short of capacity",
    met: (c, v) =>
      c.workload === "web" && c.interruptionsPer1000h >= 10 && v.totals.computeSavings >= 0.5 && v.totals.shortHours === 0,
  },
  {
    id: "batch-33",
    label: "Hour-long batch tasks at 10 interruptions per 1,000 Spot hours: at least 33 % below all On-Demand, under 5 instance-hours of work lost",
    met: (c, v) =>
      c.workload === "batch" && c.interruptionsPer1000h >= 10 && v.totals.computeSavings >= 0.33 && v.totals.lostWorkHours < 5,
  },
];

export function describeMix(c: PurchaseMixConfig): string {
  const commit =
    c.commitInstances > 0
      ? `a ${c.term === "1y" ? "1-year" : "3-year"} Savings Plan covering ${c.commitInstances} instance${c.commitInstances === 1 ? "" : "s"}`
      : "no commitment";
  const spot =
    c.spotPercent > 0
      ? `${c.spotPercent} % of the rest on Spot (${c.diversified ? `${SPOT_POOLS} pools` : "one pool"}, ${c.interruptionsPer1000h} interruptions per 1,000 h)`
      : "the rest On-Demand";
  return `${commit}, ${spot}; ${c.workload === "web" ? "web requests" : "hour-long batch tasks"}`;
}

/** The lab's component formats its bill with it too. */

/** The day of the month (0-based) an instant falls in. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * The aria-live summary. While the month plays it changes only with the phase (the day and the bill change twice a
 * second and would drown a screen reader); a pause and the end of the month announce the numbers.
 */
export function statusMessage(config: PurchaseMixConfig, v: PurchaseMixView, state: { playing: boolean; ended: boolean }): string {
  const t = v.totals;
  if (state.ended) {
    const met = CHALLENGES.filter((c) => c.met(config, v)).map((c) => `“${c.label}”`);
    return (
      `Month finished: compute ${formatUsd2(t.computeCost)}, ${formatPercent(t.computeSavings)} below all On-Demand ` +
      `(${formatUsd2(t.allOnDemandCost)}); ${formatNumber(t.unusedCommitHours)} committed instance-hours unused; ` +
      `${t.interruptions} Spot interruption${t.interruptions === 1 ? "" : "s"}; data transfer ${formatUsd2(t.dataOutCost + t.interAzCost)}; ` +
      `total ${formatUsd2(t.total)}. ` +
      (met.length > 0 ? `Challenge met: ${met.join(" and ")}.` : "No challenge met yet: change the mix and run again.")
    );
  }
  if (v.nowMs === 0) return `Ready: ${describeMix(config)}. Press Play to run the month.`;
  const last = v.lastInterruption;
  if (state.playing) {
    return last
      ? "Running the month: Spot instances are being interrupted and replaced by the group. Pause to hear the numbers."
      : `Running the month: ${describeMix(config)}. Pause to hear the numbers.`;
  }
  const interruption = last
    ? ` ${t.interruptions} Spot interruption${t.interruptions === 1 ? "" : "s"} so far; the last on day ${dayOf(last.atMs) + 1} (${last.instanceId}, terminated two minutes after its notice and replaced by the group${last.lostHours > 0 ? `, losing ${formatNumber(last.lostHours * 60)} minutes of task work` : ""}).`
    : "";
  return `Paused on day ${dayOf(v.nowMs) + 1}: ${v.inService} instances serving; compute so far ${formatUsd2(t.computeCost)} (${formatPercent(t.computeSavings)} below all On-Demand).${interruption}`;
}
