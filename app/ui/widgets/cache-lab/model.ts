/**
 * The cache lab's pure logic: a small model composed from lib/sim's Simulation, seeded streams, a service-time
 * distribution and the latency histogram. Users request objects from a catalogue with Zipf-like popularity; a cache
 * (an LRU of a given size, entries expiring after a TTL) answers hits quickly; misses cross the ocean to an origin
 * with a fixed number of workers and a bounded queue, and their responses are put in the cache (cache-aside).
 * No React, so it is unit-tested.
 */
import {
  LatencyHistogram,
  ServiceTimeSampler,
  Simulation,
  detPow,
  meanServiceMs,
  wanRttMs,
  type LogEntry,
  type ServiceTimeSpec,
} from "@/lib/sim";

export const SEC_MS = 1_000;
export const MIN_MS = 60 * SEC_MS;

/** Ten simulated minutes. */
export const LAB_END_MS = 10 * MIN_MS;
/** Metrics are reported per bucket of this length. */
export const BUCKET_MS = 5 * SEC_MS;
/** Objects in the catalogue (product pages, images…). */
export const CATALOGUE_SIZE = 5_000;

/** Users and the cache are in London; the origin is in us-east-1. Modelled round trips, not measurements. */
export const USER_TO_CACHE_RTT_MS = 10;
export const CACHE_LOOKUP_MS = 1;
export const CACHE_TO_ORIGIN_RTT_MS = Math.round(wanRttMs("london", "us-east-1"));

/** One origin instance: 8 concurrent requests, lognormal service (p50 40 ms, p99 200 ms), at most 64 waiting. */
export const ORIGIN_WORKERS = 16;
export const ORIGIN_QUEUE = 64;
export const ORIGIN_SERVICE: ServiceTimeSpec = { kind: "lognormal", p50Ms: 40, p99Ms: 200 };
/** Illustrative prices per hour. */
export const ORIGIN_INSTANCE_PER_HOUR = 0.2;
export const CACHE_PER_HOUR: Record<number, number> = { 0: 0, 2: 0.02, 10: 0.05, 25: 0.1, 50: 0.2, 100: 0.4 };

export const CACHE_SIZES_PCT = [0, 2, 10, 25, 50, 100] as const;
export const TTLS_SEC = [1, 10, 60, 300, 3600] as const;
export const RATES_PER_SEC = [200, 500, 1000, 2000] as const;
export const ORIGIN_COUNTS = [1, 2, 3, 4, 6, 8] as const;

export type Skew = "flat" | "typical" | "steep";
/** Zipf exponents: the k-th most popular object is requested in proportion to 1 / k^s. */
export const SKEWS: Record<Skew, { s: number; label: string }> = {
  flat: { s: 0.7, label: "Flat: interest spread widely (s = 0.7)" },
  typical: { s: 1.0, label: "Typical web: a popular head, long tail (s = 1)" },
  steep: { s: 1.2, label: "Steep: a few hits dominate (s = 1.2)" },
};

export interface CacheConfig {
  ratePerSec: number;
  cachePct: number;
  ttlSec: number;
  skew: Skew;
  originInstances: number;
  /** Start with the most popular objects already cached (a warm cache) instead of an empty one. */
  warm: boolean;
}

export const DEFAULT_CONFIG: CacheConfig = {
  ratePerSec: 1000,
  cachePct: 10,
  ttlSec: 300,
  skew: "typical",
  originInstances: 2,
  warm: false,
};

export function cacheCapacity(config: CacheConfig): number {
  return Math.round((CATALOGUE_SIZE * config.cachePct) / 100);
}

/** Requests per second the origin can serve at 100 % busy. */
export function originCapacityPerSec(config: CacheConfig): number {
  return (config.originInstances * ORIGIN_WORKERS * 1000) / meanServiceMs(ORIGIN_SERVICE);
}

export function costPerHour(config: CacheConfig): { origin: number; cache: number; total: number } {
  const origin = config.originInstances * ORIGIN_INSTANCE_PER_HOUR;
  const cache = CACHE_PER_HOUR[config.cachePct] ?? 0;
  return { origin, cache, total: origin + cache };
}

/** Cumulative Zipf weights over ranks 1…n (deterministic math, so every engine builds the same table). */
export function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    sum += detPow(k, -s);
    cdf[k - 1] = sum;
  }
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] as number) / sum;
  return cdf;
}

/** Share of requests for the `top` most popular objects: the best hit ratio a cache of that many objects can reach. */
export function headShare(cdf: Float64Array, top: number): number {
  return top <= 0 ? 0 : top >= cdf.length ? 1 : (cdf[top - 1] as number);
}

function sampleRank(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Bucket {
  endSec: number;
  requests: number;
  hits: number;
  errors: number;
  originRequests: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

interface Totals {
  requests: number;
  hits: number;
  misses: number;
  errors: number;
}

export interface CacheHandle {
  sim: Simulation<LogEntry>;
  config: CacheConfig;
  cdf: Float64Array;
  capacity: number;
  /** Object id → expiry time; Map order is recency (oldest first), so the first key is the LRU victim. */
  cache: Map<number, number>;
  queue: { ids: number[]; arrivals: number[]; head: number };
  busy: number;
  workers: number;
  maxQueue: number;
  totals: Totals;
  overall: LatencyHistogram;
  bucketHist: LatencyHistogram;
  bucket: { requests: number; hits: number; errors: number; originRequests: number };
  buckets: Bucket[];
  flushes: number;
  sampler: ServiceTimeSampler;
  kinds: { arrive: number; done: number };
}

const HIT_MS = USER_TO_CACHE_RTT_MS + CACHE_LOOKUP_MS;
const MISS_EXTRA_MS = USER_TO_CACHE_RTT_MS + CACHE_LOOKUP_MS + CACHE_TO_ORIGIN_RTT_MS;

export function createCacheLab(config: CacheConfig, seed: number): CacheHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 100 });
  const cdf = zipfCdf(CATALOGUE_SIZE, SKEWS[config.skew].s);
  const h: CacheHandle = {
    sim,
    config,
    cdf,
    capacity: cacheCapacity(config),
    cache: new Map(),
    queue: { ids: [], arrivals: [], head: 0 },
    busy: 0,
    workers: config.originInstances * ORIGIN_WORKERS,
    maxQueue: config.originInstances * ORIGIN_QUEUE,
    totals: { requests: 0, hits: 0, misses: 0, errors: 0 },
    overall: new LatencyHistogram(),
    bucketHist: new LatencyHistogram(),
    bucket: { requests: 0, hits: 0, errors: 0, originRequests: 0 },
    buckets: [],
    flushes: 0,
    sampler: new ServiceTimeSampler(ORIGIN_SERVICE),
    kinds: { arrive: -1, done: -1 },
  };
  if (config.warm && h.capacity > 0) {
    // The most popular objects, fetched at staggered times so they do not all expire together.
    const rng = sim.stream("cache-lab/warm");
    for (let id = h.capacity - 1; id >= 0; id--) h.cache.set(id, rng.next() * config.ttlSec * SEC_MS);
  }
  h.kinds.arrive = sim.defineEvent("cache-lab/arrive", () => onArrive(h));
  h.kinds.done = sim.defineEvent("cache-lab/origin-done", (id, arrivedAt) => onOriginDone(h, id, arrivedAt));
  const bucketKind = sim.defineEvent("cache-lab/bucket", () => {
    closeBucket(h);
    sim.schedule(sim.nowMs + BUCKET_MS, bucketKind);
  });
  sim.schedule(sim.stream("cache-lab/arrivals").exponential(1000 / config.ratePerSec), h.kinds.arrive);
  sim.schedule(BUCKET_MS, bucketKind, 0, 0, 1); // after the bucket's last arrivals
  return h;
}

function record(h: CacheHandle, ms: number): void {
  h.overall.record(ms);
  h.bucketHist.record(ms);
}

function startOrigin(h: CacheHandle, id: number, arrivedAt: number): void {
  h.busy++;
  h.sim.schedule(h.sim.nowMs + h.sampler.sample(h.sim.stream("cache-lab/origin")), h.kinds.done, id, arrivedAt);
}

function onArrive(h: CacheHandle): void {
  const { sim } = h;
  const now = sim.nowMs;
  const id = sampleRank(h.cdf, sim.stream("cache-lab/objects").next());
  h.totals.requests++;
  h.bucket.requests++;
  const expires = h.cache.get(id);
  if (expires !== undefined && expires > now) {
    // Hit: refresh its recency.
    h.cache.delete(id);
    h.cache.set(id, expires);
    h.totals.hits++;
    h.bucket.hits++;
    record(h, HIT_MS);
  } else {
    if (expires !== undefined) h.cache.delete(id);
    h.totals.misses++;
    if (h.busy < h.workers) {
      h.bucket.originRequests++;
      startOrigin(h, id, now);
    } else if (h.queue.ids.length - h.queue.head < h.maxQueue) {
      h.bucket.originRequests++;
      h.queue.ids.push(id);
      h.queue.arrivals.push(now);
    } else {
      // The origin's queue is full: 503.
      h.totals.errors++;
      h.bucket.errors++;
    }
  }
  sim.schedule(now + sim.stream("cache-lab/arrivals").exponential(1000 / h.config.ratePerSec), h.kinds.arrive);
}

function onOriginDone(h: CacheHandle, id: number, arrivedAt: number): void {
  const now = h.sim.nowMs;
  h.busy--;
  record(h, now - arrivedAt + MISS_EXTRA_MS);
  // Cache-aside fill: the response goes into the cache for TTL seconds, evicting the least recently used object.
  if (h.capacity > 0) {
    h.cache.delete(id);
    if (h.cache.size >= h.capacity) {
      const lru = h.cache.keys().next();
      if (!lru.done) h.cache.delete(lru.value);
    }
    h.cache.set(id, now + h.config.ttlSec * SEC_MS);
  }
  const q = h.queue;
  if (q.head < q.ids.length) {
    const next = q.ids[q.head] as number;
    const at = q.arrivals[q.head] as number;
    q.head++;
    if (q.head > 4096 && q.head * 2 > q.ids.length) {
      q.ids = q.ids.slice(q.head);
      q.arrivals = q.arrivals.slice(q.head);
      q.head = 0;
    }
    startOrigin(h, next, at);
  }
}

function closeBucket(h: CacheHandle): void {
  const b = h.bucket;
  h.buckets.push({
    endSec: Math.round(h.sim.nowMs / SEC_MS),
    requests: b.requests,
    hits: b.hits,
    errors: b.errors,
    originRequests: b.originRequests,
    p50Ms: h.bucketHist.quantileMs(0.5),
    p95Ms: h.bucketHist.quantileMs(0.95),
  });
  h.bucket = { requests: 0, hits: 0, errors: 0, originRequests: 0 };
  h.bucketHist.reset();
}

/** Invalidate everything ("/*"): the cache is empty from now on and refills from the origin. */
export function flushCache(h: CacheHandle): void {
  h.cache.clear();
  h.flushes++;
}

export interface CacheView {
  nowMs: number;
  totals: Totals;
  hitRatio: number | null;
  /** The latest complete bucket (the last 5 s). */
  recent: Bucket | null;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number | null;
  cachedObjects: number;
  originQueue: number;
  originBusy: number;
  flushes: number;
  buckets: Bucket[];
}

export function viewCacheLab(h: CacheHandle): CacheView {
  const t = h.totals;
  return {
    nowMs: h.sim.nowMs,
    totals: { ...t },
    hitRatio: t.requests === 0 ? null : t.hits / t.requests,
    recent: h.buckets[h.buckets.length - 1] ?? null,
    p50Ms: h.overall.quantileMs(0.5),
    p95Ms: h.overall.quantileMs(0.95),
    errorRate: t.requests === 0 ? null : t.errors / t.requests,
    cachedObjects: h.cache.size,
    originQueue: h.queue.ids.length - h.queue.head,
    originBusy: h.busy,
    flushes: h.flushes,
    buckets: h.buckets.slice(),
  };
}

/** The best hit ratio this cache size allows (every one of the most popular objects always cached). */
export function idealHitRatio(config: CacheConfig): number {
  return headShare(zipfCdf(CATALOGUE_SIZE, SKEWS[config.skew].s), cacheCapacity(config));
}

export const HIT_LATENCY_MS = HIT_MS;

const fmt = (x: number | null, unit = " ms") => (x === null ? "—" : `${Math.round(x)}${unit}`);

/**
 * The aria-live summary: set-up, learner actions and results. While the run plays it stays put (announcing every
 * frame would drown a screen reader); pausing or finishing announces the numbers.
 */
export function statusMessage(config: CacheConfig, v: CacheView, state: { playing: boolean; ended: boolean }): string {
  const cost = costPerHour(config).total.toFixed(2);
  const origins = `${config.originInstances} origin instance${config.originInstances === 1 ? "" : "s"}`;
  if (v.nowMs === 0) {
    return `${config.warm ? "Warm" : "Cold (empty)"} cache for ${cacheCapacity(config).toLocaleString("en-US")} of ${CATALOGUE_SIZE.toLocaleString("en-US")} objects, TTL ${config.ttlSec} s, ${origins}, $${cost} an hour. Press Play.`;
  }
  if (state.playing) {
    return v.flushes > 0
      ? "Cache invalidated: every request is a miss until the popular objects are fetched again. Watch the origin load and errors."
      : `Running at ${config.ratePerSec.toLocaleString("en-US")} requests per second${config.warm ? "" : ", starting from an empty cache"}. Pause to hear the numbers.`;
  }
  const hit = v.hitRatio === null ? "—" : (v.hitRatio * 100).toFixed(1);
  const overall = `hit ratio ${hit} %, p50 ${fmt(v.p50Ms)}, p95 ${fmt(v.p95Ms)}, ${v.totals.errors.toLocaleString("en-US")} errors (503) out of ${v.totals.requests.toLocaleString("en-US")} requests, $${cost} an hour.`;
  return state.ended ? `Run finished: ${overall}` : `Paused at ${Math.round(v.nowMs / SEC_MS)} s: ${overall}`;
}
