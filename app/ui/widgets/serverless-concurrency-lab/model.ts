/**
 * The serverless concurrency lab's pure logic, composed from lib/sim's Simulation, seeded streams, service-time
 * distributions and latency histograms. One stream of requests (a steady rate with an optional spike) is sent, request
 * for request, to two back ends at once (common random numbers: the same arrivals, the same work):
 *
 * - a function (AWS Lambda-like): each request needs an execution environment to itself. A free warm environment
 *   serves it at once; otherwise a new environment starts (a cold start: the init phase, then the request) as long as
 *   the function's concurrency limit allows; beyond the limit the request is throttled (HTTP 429). Provisioned
 *   concurrency keeps that many environments initialised from the start. Idle environments are kept for the whole
 *   run (Lambda does not document how long it keeps them).
 * - a fixed fleet of containers: each handles up to CONTAINER_SLOTS requests at once; the rest wait in a bounded
 *   queue; a request that has waited longer than the client's timeout is dropped (504), and one that finds the queue
 *   full is rejected (503).
 *
 * No React, so it is unit-tested.
 */
import { LatencyHistogram, ServiceTimeSampler, Simulation, type LogEntry, type ServiceTimeSpec } from "@/lib/sim";

export const SEC_MS = 1_000;
export const LAB_END_MS = 240 * SEC_MS;
export const BUCKET_MS = 5 * SEC_MS;
export const SPIKE_START_MS = 60 * SEC_MS;

/** Each container serves this many requests at once (the work mostly waits on a database); illustrative. */
export const CONTAINER_SLOTS = 10;
/** Requests that may wait per container before the fleet rejects new ones. */
export const CONTAINER_QUEUE = 50;
/** The client gives up on a request that has waited this long for a container. */
export const CLIENT_TIMEOUT_MS = 3 * SEC_MS;

/** Function memory: 1,024 MB = 1 GB, so GB-seconds equal seconds. */
export const FUNCTION_MEMORY_GB = 1;

/**
 * Illustrative prices, close to AWS's published us-east-1 list prices for x86 (Lambda: per request and per GB-second;
 * provisioned concurrency: per GB-second configured plus a lower per-GB-second duration price; Fargate: per vCPU-hour
 * and GB-hour). Check the pricing pages before relying on them.
 */
export const PRICES = {
  perMillionRequests: 0.2,
  perGbSecond: 0.0000166667,
  provisionedPerGbSecond: 0.0000041667,
  provisionedDurationPerGbSecond: 0.0000097222,
  /** One Fargate task with 1 vCPU and 2 GB: 0.04048 + 2 × 0.004445 dollars an hour. */
  containerPerHour: 0.04048 + 2 * 0.004445,
} as const;

export type Spike = "none" | "x3" | "x10";
export const SPIKES: Record<Spike, { factor: number; durationMs: number; label: string }> = {
  none: { factor: 1, durationMs: 0, label: "None: steady all run" },
  x3: { factor: 3, durationMs: 60 * SEC_MS, label: "×3 for 60 s (a busy hour)" },
  x10: { factor: 10, durationMs: 30 * SEC_MS, label: "×10 for 30 s (a flash sale)" },
};

export type InitKind = "light" | "medium" | "heavy";
/** Cold-start (init phase) durations: lognormal around these means. Illustrative, not measurements. */
export const INITS: Record<InitKind, { meanMs: number; label: string }> = {
  light: { meanMs: 250, label: "≈ 250 ms (small package, interpreted runtime)" },
  medium: { meanMs: 1_000, label: "≈ 1 s (bigger dependencies, a JVM)" },
  heavy: { meanMs: 3_000, label: "≈ 3 s (large image, loads a model)" },
};

export const RATES_PER_SEC = [2, 5, 10, 20, 50, 100] as const;
export const DURATIONS_MS = [100, 250, 1_000] as const;
export const LIMITS = [10, 25, 50, 100, 200, 1_000] as const;
export const PROVISIONED = [0, 5, 10, 25, 50, 100] as const;
export const CONTAINER_COUNTS = [1, 2, 3, 4, 6, 8, 12, 16] as const;

export interface ServerlessConfig {
  ratePerSec: number;
  spike: Spike;
  /** Mean time one request runs (lognormal, σ 0.4). */
  durationMs: number;
  init: InitKind;
  /** The function's maximum concurrency (reserved concurrency, or what is left of the account's limit). */
  limit: number;
  /** Pre-initialised environments (at most the limit). */
  provisioned: number;
  containers: number;
}

export const DEFAULT_CONFIG: ServerlessConfig = {
  ratePerSec: 20,
  spike: "x10",
  durationMs: 250,
  init: "medium",
  limit: 1_000,
  provisioned: 0,
  containers: 2,
};

export function durationSpec(config: ServerlessConfig): ServiceTimeSpec {
  return { kind: "lognormal", meanMs: config.durationMs, sigma: 0.4 };
}

export function initSpec(config: ServerlessConfig): ServiceTimeSpec {
  return { kind: "lognormal", meanMs: INITS[config.init].meanMs, sigma: 0.3 };
}

/** Provisioned concurrency cannot exceed the function's concurrency limit. */
export function effectiveProvisioned(config: ServerlessConfig): number {
  return Math.min(config.provisioned, config.limit);
}

/** Arrival rate (requests per second) at time t. */
export function rateAt(config: ServerlessConfig, atMs: number): number {
  const s = SPIKES[config.spike];
  const inSpike = s.durationMs > 0 && atMs >= SPIKE_START_MS && atMs < SPIKE_START_MS + s.durationMs;
  return config.ratePerSec * (inSpike ? s.factor : 1);
}

/** Little's law: average concurrency = arrival rate × average time in the system. */
export function littleConcurrency(ratePerSec: number, durationMs: number): number {
  return (ratePerSec * durationMs) / SEC_MS;
}

/** Requests per second the fleet can serve with every slot busy. */
export function fleetCapacityPerSec(config: ServerlessConfig): number {
  return (config.containers * CONTAINER_SLOTS * SEC_MS) / config.durationMs;
}

export interface SideBucket {
  served: number;
  failed: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Highest number of requests in service during the bucket. */
  peakBusy: number;
}

export interface Bucket {
  endSec: number;
  arrivals: number;
  coldStarts: number;
  fn: SideBucket;
  fleet: SideBucket & { peakQueue: number };
}

export interface ServerlessHandle {
  sim: Simulation<LogEntry>;
  config: ServerlessConfig;
  duration: ServiceTimeSampler;
  init: ServiceTimeSampler;
  kinds: { arrive: number; fnDone: number; fleetDone: number };
  arrivals: number;
  fn: {
    /** Environments that exist; the first `provisioned` of them are provisioned. */
    envs: number;
    provisioned: number;
    idle: number[];
    busy: number;
    coldStarts: number;
    throttled: number;
    served: number;
    peakBusy: number;
    /** Time-integral of busy environments (ms × environments), for the average concurrency. */
    busyArea: number;
    lastChangeMs: number;
    /** Billed GB-seconds on on-demand and on provisioned environments. */
    onDemandGbSec: number;
    provisionedGbSec: number;
    latency: LatencyHistogram;
    bucketLatency: LatencyHistogram;
  };
  fleet: {
    slots: number;
    busy: number;
    queueArrivals: number[];
    queueSizes: number[];
    queueHead: number;
    maxQueue: number;
    served: number;
    rejected: number;
    timedOut: number;
    peakBusy: number;
    peakQueue: number;
    latency: LatencyHistogram;
    bucketLatency: LatencyHistogram;
  };
  bucket: { arrivals: number; coldStarts: number; fnServed: number; fnFailed: number; fnPeak: number; fleetServed: number; fleetFailed: number; fleetPeak: number; fleetPeakQueue: number };
  buckets: Bucket[];
}

function emptyBucket(h: ServerlessHandle) {
  return {
    arrivals: 0,
    coldStarts: 0,
    fnServed: 0,
    fnFailed: 0,
    fnPeak: h.fn.busy,
    fleetServed: 0,
    fleetFailed: 0,
    fleetPeak: h.fleet.busy,
    fleetPeakQueue: h.fleet.queueArrivals.length - h.fleet.queueHead,
  };
}

export function createServerlessLab(config: ServerlessConfig, seed: number): ServerlessHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 100 });
  const provisioned = effectiveProvisioned(config);
  const h: ServerlessHandle = {
    sim,
    config,
    duration: new ServiceTimeSampler(durationSpec(config)),
    init: new ServiceTimeSampler(initSpec(config)),
    kinds: { arrive: -1, fnDone: -1, fleetDone: -1 },
    arrivals: 0,
    fn: {
      envs: provisioned,
      provisioned,
      idle: Array.from({ length: provisioned }, (_, i) => provisioned - 1 - i),
      busy: 0,
      coldStarts: 0,
      throttled: 0,
      served: 0,
      peakBusy: 0,
      busyArea: 0,
      lastChangeMs: 0,
      onDemandGbSec: 0,
      provisionedGbSec: 0,
      latency: new LatencyHistogram(),
      bucketLatency: new LatencyHistogram(),
    },
    fleet: {
      slots: config.containers * CONTAINER_SLOTS,
      busy: 0,
      queueArrivals: [],
      queueSizes: [],
      queueHead: 0,
      maxQueue: config.containers * CONTAINER_QUEUE,
      served: 0,
      rejected: 0,
      timedOut: 0,
      peakBusy: 0,
      peakQueue: 0,
      latency: new LatencyHistogram(),
      bucketLatency: new LatencyHistogram(),
    },
    bucket: { arrivals: 0, coldStarts: 0, fnServed: 0, fnFailed: 0, fnPeak: 0, fleetServed: 0, fleetFailed: 0, fleetPeak: 0, fleetPeakQueue: 0 },
    buckets: [],
  };
  h.kinds.arrive = sim.defineEvent("serverless-lab/arrive", () => onArrive(h));
  h.kinds.fnDone = sim.defineEvent("serverless-lab/function-done", (env, arrivedAt) => onFunctionDone(h, env, arrivedAt));
  h.kinds.fleetDone = sim.defineEvent("serverless-lab/container-done", (_, arrivedAt) => onContainerDone(h, arrivedAt));
  const bucketKind = sim.defineEvent("serverless-lab/bucket", () => {
    closeBucket(h);
    if (sim.nowMs + BUCKET_MS <= LAB_END_MS) sim.schedule(sim.nowMs + BUCKET_MS, bucketKind, 0, 0, 1);
  });
  scheduleNextArrival(h, 0);
  sim.schedule(BUCKET_MS, bucketKind, 0, 0, 1);
  return h;
}

/** Poisson arrivals with a piecewise-constant rate: a gap that crosses a rate change is redrawn from it (exact). */
function scheduleNextArrival(h: ServerlessHandle, fromMs: number): void {
  const rng = h.sim.stream("serverless-lab/arrivals");
  const spike = SPIKES[h.config.spike];
  const changes = spike.durationMs > 0 ? [SPIKE_START_MS, SPIKE_START_MS + spike.durationMs] : [];
  let t = fromMs;
  for (;;) {
    const next = t + rng.exponential(SEC_MS / rateAt(h.config, t));
    const boundary = changes.find((c) => c > t && c <= next);
    if (boundary === undefined) {
      if (next <= LAB_END_MS) h.sim.schedule(next, h.kinds.arrive);
      return;
    }
    t = boundary;
  }
}

function setFnBusy(h: ServerlessHandle, busy: number): void {
  const now = h.sim.nowMs;
  h.fn.busyArea += h.fn.busy * (now - h.fn.lastChangeMs);
  h.fn.lastChangeMs = now;
  h.fn.busy = busy;
  if (busy > h.fn.peakBusy) h.fn.peakBusy = busy;
  if (busy > h.bucket.fnPeak) h.bucket.fnPeak = busy;
}

function onArrive(h: ServerlessHandle): void {
  const { sim, fn, fleet } = h;
  const now = sim.nowMs;
  h.arrivals++;
  h.bucket.arrivals++;
  const size = h.duration.sample(sim.stream("serverless-lab/work"));

  // The function: a warm environment, else a cold start within the limit, else a throttle (429).
  const warm = fn.idle.pop();
  if (warm !== undefined) {
    setFnBusy(h, fn.busy + 1);
    bill(h, warm, size);
    sim.schedule(now + size, h.kinds.fnDone, warm, now);
  } else if (fn.envs < h.config.limit) {
    const env = fn.envs++;
    const initMs = h.init.sample(sim.stream("serverless-lab/init"));
    fn.coldStarts++;
    h.bucket.coldStarts++;
    setFnBusy(h, fn.busy + 1);
    bill(h, env, initMs + size);
    sim.schedule(now + initMs + size, h.kinds.fnDone, env, now);
  } else {
    fn.throttled++;
    h.bucket.fnFailed++;
  }

  // The container fleet: a free slot, else the queue, else 503.
  if (fleet.busy < fleet.slots) {
    startContainer(h, now, size);
  } else if (fleet.queueArrivals.length - fleet.queueHead < fleet.maxQueue) {
    fleet.queueArrivals.push(now);
    fleet.queueSizes.push(size);
    const q = fleet.queueArrivals.length - fleet.queueHead;
    if (q > fleet.peakQueue) fleet.peakQueue = q;
    if (q > h.bucket.fleetPeakQueue) h.bucket.fleetPeakQueue = q;
  } else {
    fleet.rejected++;
    h.bucket.fleetFailed++;
  }

  scheduleNextArrival(h, now);
}

function bill(h: ServerlessHandle, env: number, ms: number): void {
  const gbSec = (ms / SEC_MS) * FUNCTION_MEMORY_GB;
  if (env < h.fn.provisioned) h.fn.provisionedGbSec += gbSec;
  else h.fn.onDemandGbSec += gbSec;
}

function onFunctionDone(h: ServerlessHandle, env: number, arrivedAt: number): void {
  const ms = h.sim.nowMs - arrivedAt;
  h.fn.served++;
  h.bucket.fnServed++;
  h.fn.latency.record(ms);
  h.fn.bucketLatency.record(ms);
  h.fn.idle.push(env);
  setFnBusy(h, h.fn.busy - 1);
}

function startContainer(h: ServerlessHandle, arrivedAt: number, size: number): void {
  const f = h.fleet;
  f.busy++;
  if (f.busy > f.peakBusy) f.peakBusy = f.busy;
  if (f.busy > h.bucket.fleetPeak) h.bucket.fleetPeak = f.busy;
  h.sim.schedule(h.sim.nowMs + size, h.kinds.fleetDone, 0, arrivedAt);
}

function onContainerDone(h: ServerlessHandle, arrivedAt: number): void {
  const f = h.fleet;
  const now = h.sim.nowMs;
  f.busy--;
  f.served++;
  h.bucket.fleetServed++;
  f.latency.record(now - arrivedAt);
  f.bucketLatency.record(now - arrivedAt);
  while (f.queueHead < f.queueArrivals.length) {
    const at = f.queueArrivals[f.queueHead] as number;
    const size = f.queueSizes[f.queueHead] as number;
    f.queueHead++;
    if (now - at > CLIENT_TIMEOUT_MS) {
      // The client gave up long ago: the request is dropped unserved (504).
      f.timedOut++;
      h.bucket.fleetFailed++;
      continue;
    }
    startContainer(h, at, size);
    break;
  }
  if (f.queueHead > 4096 && f.queueHead * 2 > f.queueArrivals.length) {
    f.queueArrivals = f.queueArrivals.slice(f.queueHead);
    f.queueSizes = f.queueSizes.slice(f.queueHead);
    f.queueHead = 0;
  }
}

function closeBucket(h: ServerlessHandle): void {
  const b = h.bucket;
  h.buckets.push({
    endSec: Math.round(h.sim.nowMs / SEC_MS),
    arrivals: b.arrivals,
    coldStarts: b.coldStarts,
    fn: {
      served: b.fnServed,
      failed: b.fnFailed,
      p50Ms: h.fn.bucketLatency.quantileMs(0.5),
      p99Ms: h.fn.bucketLatency.quantileMs(0.99),
      peakBusy: b.fnPeak,
    },
    fleet: {
      served: b.fleetServed,
      failed: b.fleetFailed,
      p50Ms: h.fleet.bucketLatency.quantileMs(0.5),
      p99Ms: h.fleet.bucketLatency.quantileMs(0.99),
      peakBusy: b.fleetPeak,
      peakQueue: b.fleetPeakQueue,
    },
  });
  h.fn.bucketLatency.reset();
  h.fleet.bucketLatency.reset();
  h.bucket = emptyBucket(h);
}

export interface CostView {
  /** Dollars so far in this run. */
  total: number;
  /** The same spending rate, per hour. */
  perHour: number | null;
}

/** The function's bill so far: requests, on-demand GB-seconds (init included), provisioned configuration and use. */
export function functionCost(h: ServerlessHandle): CostView {
  const fn = h.fn;
  const invocations = fn.served + fn.busy;
  const configuredGbSec = (fn.provisioned * FUNCTION_MEMORY_GB * h.sim.nowMs) / SEC_MS;
  const total =
    (invocations / 1e6) * PRICES.perMillionRequests +
    fn.onDemandGbSec * PRICES.perGbSecond +
    fn.provisionedGbSec * PRICES.provisionedDurationPerGbSecond +
    configuredGbSec * PRICES.provisionedPerGbSecond;
  return { total, perHour: h.sim.nowMs === 0 ? null : (total * 3_600_000) / h.sim.nowMs };
}

export function fleetCostPerHour(config: ServerlessConfig): number {
  return config.containers * PRICES.containerPerHour;
}

export interface SideView {
  served: number;
  failed: number;
  p50Ms: number | null;
  p99Ms: number | null;
  busy: number;
  peakBusy: number;
}

export interface ServerlessView {
  nowMs: number;
  arrivals: number;
  rateNow: number;
  fn: SideView & {
    throttled: number;
    coldStarts: number;
    envs: number;
    provisioned: number;
    /** Time-averaged concurrency so far. */
    avgConcurrency: number | null;
    cost: CostView;
  };
  fleet: SideView & { rejected: number; timedOut: number; queued: number; peakQueue: number; slots: number; costPerHour: number };
  buckets: Bucket[];
}

export function viewServerlessLab(h: ServerlessHandle): ServerlessView {
  const { fn, fleet } = h;
  const now = h.sim.nowMs;
  const area = fn.busyArea + fn.busy * (now - fn.lastChangeMs);
  return {
    nowMs: now,
    arrivals: h.arrivals,
    rateNow: rateAt(h.config, Math.min(now, LAB_END_MS - 1)),
    fn: {
      served: fn.served,
      failed: fn.throttled,
      throttled: fn.throttled,
      coldStarts: fn.coldStarts,
      p50Ms: fn.latency.quantileMs(0.5),
      p99Ms: fn.latency.quantileMs(0.99),
      busy: fn.busy,
      peakBusy: fn.peakBusy,
      envs: fn.envs,
      provisioned: fn.provisioned,
      avgConcurrency: now === 0 ? null : area / now,
      cost: functionCost(h),
    },
    fleet: {
      served: fleet.served,
      failed: fleet.rejected + fleet.timedOut,
      rejected: fleet.rejected,
      timedOut: fleet.timedOut,
      p50Ms: fleet.latency.quantileMs(0.5),
      p99Ms: fleet.latency.quantileMs(0.99),
      busy: fleet.busy,
      peakBusy: fleet.peakBusy,
      queued: fleet.queueArrivals.length - fleet.queueHead,
      peakQueue: fleet.peakQueue,
      slots: fleet.slots,
      costPerHour: fleetCostPerHour(h.config),
    },
    buckets: h.buckets.slice(),
  };
}

const ms = (x: number | null) => (x === null ? "—" : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString("en-US")} ms`);
const n = (x: number) => x.toLocaleString("en-US");

/**
 * The aria-live summary. While the run plays it stays put (announcing every frame would drown a screen reader);
 * the set-up, a pause and the end announce the numbers.
 */
export function statusMessage(config: ServerlessConfig, v: ServerlessView, state: { playing: boolean; ended: boolean }): string {
  const spike = SPIKES[config.spike];
  const need = littleConcurrency(config.ratePerSec, config.durationMs);
  if (v.nowMs === 0) {
    const peakNeed = littleConcurrency(config.ratePerSec * spike.factor, config.durationMs);
    return (
      `${n(config.ratePerSec)} requests per second of ${config.durationMs} ms work${spike.durationMs > 0 ? `, rising ${spike.factor}× at 60 s for ${spike.durationMs / SEC_MS} s` : ""}. ` +
      `Little's law: about ${need.toFixed(1)} concurrent requests${spike.durationMs > 0 ? `, ${peakNeed.toFixed(1)} in the spike` : ""}. ` +
      `Function limit ${n(config.limit)}, provisioned ${effectiveProvisioned(config)}; fleet of ${config.containers} container${config.containers === 1 ? "" : "s"} (${config.containers * CONTAINER_SLOTS} slots). Press Play.`
    );
  }
  if (state.playing) {
    return `Running: ${n(v.rateNow)} requests per second now. Pause to hear the numbers.`;
  }
  const f = v.fn;
  const c = v.fleet;
  const body =
    `function served ${n(f.served)}, ${n(f.coldStarts)} cold starts, ${n(f.throttled)} throttled (429), p99 ${ms(f.p99Ms)}, peak concurrency ${n(f.peakBusy)}; ` +
    `containers served ${n(c.served)}, ${n(c.failed)} failed (503/504), p99 ${ms(c.p99Ms)}, longest queue ${n(c.peakQueue)}.`;
  return state.ended ? `Run finished: ${body}` : `Paused at ${Math.round(v.nowMs / SEC_MS)} s: ${body}`;
}
