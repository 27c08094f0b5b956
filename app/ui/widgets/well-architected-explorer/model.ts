/**
 * The Well-Architected trade-off explorer's pure logic: an architecture (AZs, instances per AZ, instance size,
 * cache) → a lib/sim ServiceModel behind a load balancer with ALB-default health checks, a scripted AZ outage, and
 * the pillar measures read from the run: reliability (availability by requests through the outage), performance
 * efficiency (p95 latency), cost optimisation (cost per hour) and sustainability (how busy the paid-for capacity is).
 * No React, so it is unit-tested. Prices and service times are illustrative.
 */
import { ServiceModel, Simulation, type LogEntry, type ServiceLogEntry, type ServiceView } from "@/lib/sim";
import { formatNumber, formatPercent } from "../kit/format";

export const SEC_MS = 1000;
export const MIN_MS = 60 * SEC_MS;

export const REGION_ID = "us-east-1";
export const AZ_IDS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;

/** Requests per second (Poisson) from users. */
export const DEMAND_PER_SEC = 120;
/** The run: 20 simulated minutes; AZ us-east-1a fails from minute 8 to minute 13. */
export const RUN_END_MS = 20 * MIN_MS;
export const OUTAGE_AT_MS = 8 * MIN_MS;
export const OUTAGE_MS = 5 * MIN_MS;
/** A request that has waited and worked this long is abandoned by its client (counted as a failure). */
export const TIMEOUT_MS = 2_000;
export const BUCKET_MS = 10 * SEC_MS;

/** Server time of a request that must do the work (a cache miss, or every request without a cache). */
export const MISS_MEAN_MS = 80;
/** Server time of a request answered from the cache. */
export const HIT_MS = 4;
/** Fraction of requests the cache answers once it is warm (illustrative). */
export const CACHE_HIT_RATIO = 0.7;

export type SizeId = "large" | "xlarge";

/** Illustrative on-demand prices in the range of general-purpose instances in us-east-1 (2 and 4 vCPUs). */
export const SIZES: Record<SizeId, { label: string; workers: number; perHour: number }> = {
  large: { label: "large (2 vCPU)", workers: 2, perHour: 0.096 },
  xlarge: { label: "xlarge (4 vCPU)", workers: 4, perHour: 0.192 },
};
/** An in-memory cache cluster (two small nodes in two AZs, illustrative). */
export const CACHE_PER_HOUR = 0.136;
/** The load balancer's hourly charge (illustrative; capacity units extra). */
export const LB_PER_HOUR = 0.0225;

export interface Architecture {
  azCount: 1 | 2 | 3;
  perAz: number;
  size: SizeId;
  cache: boolean;
}

export const DEFAULT_ARCHITECTURE: Architecture = { azCount: 1, perAz: 3, size: "xlarge", cache: false };

export function instanceCount(a: Architecture): number {
  return a.azCount * a.perAz;
}

export function costPerHour(a: Architecture): number {
  return instanceCount(a) * SIZES[a.size].perHour + (a.cache ? CACHE_PER_HOUR : 0) + LB_PER_HOUR;
}

/** Mean worker-milliseconds one request needs. */
export function meanWorkMs(a: Pick<Architecture, "cache">): number {
  return a.cache ? CACHE_HIT_RATIO * HIT_MS + (1 - CACHE_HIT_RATIO) * MISS_MEAN_MS : MISS_MEAN_MS;
}

/** Offered load ÷ capacity (ρ) for a number of up instances; ≥ 1 means the queue grows without bound. */
export function offeredUtilisation(a: Architecture, upInstances: number): number {
  const workers = upInstances * SIZES[a.size].workers;
  return workers === 0 ? Infinity : (DEMAND_PER_SEC * meanWorkMs(a)) / 1000 / workers;
}

function targetIds(a: Architecture): { id: string; azId: string }[] {
  const out: { id: string; azId: string }[] = [];
  for (let z = 0; z < a.azCount; z++) for (let i = 1; i <= a.perAz; i++) out.push({ id: `${AZ_IDS[z]}-${i}`, azId: AZ_IDS[z]! });
  return out;
}

export function createRun(a: Architecture, seed: number) {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 2_000 });
  const size = SIZES[a.size];
  const targets = targetIds(a);
  const service = new ServiceModel(sim as unknown as Simulation<ServiceLogEntry>, {
    regionId: REGION_ID,
    azIds: AZ_IDS.slice(0, a.azCount),
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: DEMAND_PER_SEC } }],
    classes: a.cache
      ? [
          { id: "hit", weight: CACHE_HIT_RATIO, serviceTime: { kind: "deterministic", ms: HIT_MS }, timeoutMs: TIMEOUT_MS },
          { id: "miss", weight: 1 - CACHE_HIT_RATIO, serviceTime: { kind: "lognormal", meanMs: MISS_MEAN_MS, sigma: 0.6 }, timeoutMs: TIMEOUT_MS },
        ]
      : [{ id: "request", serviceTime: { kind: "lognormal", meanMs: MISS_MEAN_MS, sigma: 0.6 }, timeoutMs: TIMEOUT_MS }],
    targets: targets.map((t) => ({ id: t.id, azId: t.azId, workers: size.workers, maxQueue: 500, costPerHour: size.perHour })),
    loadBalancer: { algorithm: "round-robin" },
    bucketMs: BUCKET_MS,
  });
  // The reliability test: the whole of us-east-1a fails for five minutes.
  for (const t of targets) {
    if (t.azId !== AZ_IDS[0]) continue;
    service.scheduleInstance(OUTAGE_AT_MS, t.id, "fail");
    service.scheduleInstance(OUTAGE_AT_MS + OUTAGE_MS, t.id, "recover");
  }
  return { sim, service, architecture: a };
}

export type RunHandle = ReturnType<typeof createRun>;

export interface PillarView {
  nowMs: number;
  outage: "before" | "during" | "after";
  arrived: number;
  failed: number;
  /** Reliability: completed ÷ (completed + failed), over the run so far. */
  availability: number | null;
  /** Performance efficiency: p95 of completed requests, over the run so far. */
  p95Ms: number | null;
  /** Cost optimisation: the design's cost per hour (instances, cache, load balancer). */
  costPerHour: number;
  /** Sustainability proxy: busy worker-time ÷ provisioned worker-time, over the run so far. */
  utilisation: number | null;
  instances: number;
  instancesUp: number;
  series: { x: number[]; p95Ms: (number | null)[]; failedPerSec: number[]; utilisation: (number | null)[] };
}

function fleetUtilisation(view: ServiceView, workers: number, buckets: number): { total: number | null; perBucket: (number | null)[] } {
  const perBucket: (number | null)[] = [];
  let sum = 0;
  let n = 0;
  for (let b = 0; b < buckets; b++) {
    let busy = 0;
    for (const t of view.targets) {
      const u = view.series.utilisationByTarget[t.id]?.[b];
      if (u !== null && u !== undefined) busy += u * t.workers;
    }
    // Down instances are still paid for (until replaced), so they count as provisioned, idle capacity.
    const value = busy / workers;
    perBucket.push(value);
    sum += value;
    n++;
  }
  return { total: n === 0 ? null : sum / n, perBucket };
}

export function viewRun(h: RunHandle): PillarView {
  const v = h.service.view();
  const a = h.architecture;
  const workers = instanceCount(a) * SIZES[a.size].workers;
  const buckets = v.series.arrived.length;
  const util = fleetUtilisation(v, workers, buckets);
  const now = v.nowMs;
  const failedPerBucket = Array.from({ length: buckets }, (_, b) => {
    let f = 0;
    for (const cause of Object.keys(v.series.failed) as (keyof typeof v.series.failed)[]) f += v.series.failed[cause][b] ?? 0;
    return f / (BUCKET_MS / SEC_MS);
  });
  return {
    nowMs: now,
    outage: now < OUTAGE_AT_MS ? "before" : now < OUTAGE_AT_MS + OUTAGE_MS ? "during" : "after",
    arrived: v.totals.arrived,
    failed: v.totals.failed,
    availability: v.totals.availabilityByRequests,
    p95Ms: v.totals.latency?.p95Ms ?? null,
    costPerHour: costPerHour(a),
    utilisation: util.total,
    instances: instanceCount(a),
    instancesUp: v.targets.filter((t) => t.up).length,
    series: {
      x: Array.from({ length: buckets }, (_, b) => ((b + 1) * BUCKET_MS) / MIN_MS),
      p95Ms: v.series.latencyP95Ms.slice(),
      failedPerSec: failedPerBucket,
      utilisation: util.perBucket,
    },
  };
}

/** Targets used by the lesson's challenges and the review panel. */
export interface Targets {
  minAvailability: number;
  maxP95Ms: number;
  maxCostPerHour: number;
  minUtilisation: number;
}

export const DEFAULT_TARGETS: Targets = { minAvailability: 0.99, maxP95Ms: 250, maxCostPerHour: 1, minUtilisation: 0.25 };

export interface PillarVerdicts {
  reliability: boolean | null;
  performance: boolean | null;
  cost: boolean;
  sustainability: boolean | null;
}

export function verdicts(v: PillarView, t: Targets): PillarVerdicts {
  return {
    reliability: v.availability === null ? null : v.availability >= t.minAvailability,
    performance: v.p95Ms === null ? null : v.p95Ms <= t.maxP95Ms,
    cost: v.costPerHour <= t.maxCostPerHour,
    sustainability: v.utilisation === null ? null : v.utilisation >= t.minUtilisation,
  };
}

export function describeArchitecture(a: Architecture): string {
  return `${instanceCount(a)} × ${a.size} in ${a.azCount} AZ${a.azCount === 1 ? "" : "s"}${a.cache ? " with a cache" : ", no cache"}`;
}

/** Hourly prices are fractions of a dollar, so they keep the cents the kit's whole-dollar formatUsd would drop. */
export function formatUsdCents(value: number): string {
  return `$${formatNumber(value, 2)}`;
}

/**
 * The aria-live summary. While the run plays it changes only with the outage's phase (availability and p95 change
 * every frame and would drown a screen reader); a pause and the end announce the pillar measures.
 */
export function statusMessage(a: Architecture, v: PillarView, t: Targets, state: { playing: boolean; ended: boolean }): string {
  const arch = `${describeArchitecture(a)}, ${formatUsdCents(v.costPerHour)} an hour`;
  if (v.nowMs === 0) return `${arch}. Press Play: us-east-1a fails at minute 8 for 5 minutes.`;
  if (state.playing) {
    const phase =
      v.outage === "before"
        ? `Before the outage: ${arch}. us-east-1a fails at minute 8.`
        : v.outage === "during"
          ? "us-east-1a is down until minute 13."
          : "us-east-1a is back after its 5-minute outage.";
    return `${phase} Pause to hear the numbers.`;
  }
  const ok = verdicts(v, t);
  const met = [ok.reliability, ok.performance, ok.cost, ok.sustainability].filter((x) => x === true).length;
  const scores = `availability ${formatPercent(v.availability, 2)}, p95 ${v.p95Ms === null ? "—" : `${Math.round(v.p95Ms)} ms`}, utilisation ${formatPercent(v.utilisation, 0)}`;
  if (state.ended) return `Run over: ${arch}; ${scores}. ${met} of 4 pillar targets met.`;
  if (v.outage === "during") return `us-east-1a is down: ${v.instancesUp} of ${v.instances} instances up. So far ${scores}.`;
  return `${v.outage === "before" ? "Before the outage" : "After the outage"}: ${arch}; ${scores}.`;
}
