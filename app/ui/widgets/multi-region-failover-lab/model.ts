/**
 * The multi-Region failover lab's pure logic: users in six cities resolve the application's name through DNS
 * resolvers that cache each answer for the record's TTL; Route 53-style health checkers probe each Region; the
 * routing policy (failover for active-passive, latency for active-active) answers from the health-check status; a
 * seeded Region outage (a lib/sim FailureModel) breaks one Region, and DatabaseModels with asynchronous cross-Region
 * replicas measure what data was lost. No React, so it is unit-tested.
 *
 * Modelled, not measured: round trips come from lib/sim's geography (great-circle distance at the speed of light in
 * fibre plus 5 ms), a request costs one round trip plus server time, a failed health check fails at once (real
 * checkers wait for a timeout), and the health-check status reaches the DNS servers at once.
 */
import {
  ArrivalProcess,
  DatabaseModel,
  FailureModel,
  HealthChecker,
  LatencyHistogram,
  PLACES,
  ResolverCache,
  ServiceTimeSampler,
  Simulation,
  createStream,
  wanRttMs,
  type DatabaseLogEntry,
  type Fault,
  type FaultSink,
  type FailureLogEntry,
  type LagDistribution,
  type LogEntry,
} from "@/lib/sim";
import { formatDuration } from "../kit/format";

export const SEC_MS = 1000;
export const MIN_MS = 60 * SEC_MS;

export const REGIONS = ["us-east-1", "eu-west-1"] as const;
export type RegionId = (typeof REGIONS)[number];
export const REGION_NAMES: Record<RegionId, string> = { "us-east-1": "N. Virginia", "eu-west-1": "Ireland" };

export const CITIES = ["new-york", "san-francisco", "sao-paulo", "london", "berlin", "mumbai"] as const;
export type CityId = (typeof CITIES)[number];

/** Requests per second from each city (Poisson). */
export const REQUESTS_PER_SEC_PER_CITY = 4;
/** Each city's users share this many DNS resolvers (ISP resolvers, public resolvers), each with its own cache. */
export const RESOLVERS_PER_CITY = 6;
/** Health checkers per Region endpoint. Route 53 uses checkers in several locations; this lab uses eight. */
export const CHECKERS = 8;
/** Route 53 considers an endpoint healthy while more than 18 % of its health checkers report it healthy. */
export const HEALTHY_FRACTION = 0.18;
/** Application writes per second, across all users. */
export const WRITES_PER_SEC = 60;
/** The run lasts this long; the outage starts between 4 and 6 minutes in (from the seed) and lasts to the end. */
export const RUN_END_MS = 20 * MIN_MS;
export const BUCKET_MS = 10 * SEC_MS;

/** Server time per request: median 20 ms, p99 120 ms (illustrative). */
const SERVICE = new ServiceTimeSampler({ kind: "lognormal", p50Ms: 20, p99Ms: 120 });

export type Mode = "active-passive" | "active-active";

export const MODE_LABELS: Record<Mode, string> = {
  "active-passive": "Active-passive (failover routing)",
  "active-active": "Active-active (latency routing)",
};

export const MODE_BLURBS: Record<Mode, string> = {
  "active-passive":
    "Everyone is sent to us-east-1 (primary). eu-west-1 is a standby that gets traffic only when the primary's health check fails.",
  "active-active":
    "Both Regions serve. Each resolver gets the Region with the lowest latency for its users, among the Regions whose health check passes.",
};

export type LagLevel = "low" | "medium" | "high";

export const LAG_LEVELS: Record<LagLevel, { label: string; lag: LagDistribution }> = {
  low: { label: "About 1 s (healthy)", lag: { kind: "exponential", minMs: 200, meanMs: 800 } },
  medium: { label: "5–15 s (busy)", lag: { kind: "uniform", minMs: 5_000, maxMs: 15_000 } },
  high: { label: "30–90 s (falling behind)", lag: { kind: "uniform", minMs: 30_000, maxMs: 90_000 } },
};

export const INTERVALS_SEC = [30, 10] as const;
export const TTLS_SEC = [10, 60, 300] as const;

export interface LabConfig {
  mode: Mode;
  /** Route 53 request interval: 30 s (standard, the default) or 10 s (fast). */
  intervalSec: number;
  /** Consecutive failed (or passed) checks before a checker changes its verdict: 1–10, default 3. */
  threshold: number;
  /** The DNS record's TTL: how long resolvers keep an answer. */
  ttlSec: number;
  lag: LagLevel;
  failRegion: RegionId;
}

export const DEFAULT_CONFIG: LabConfig = {
  mode: "active-passive",
  intervalSec: 30,
  threshold: 3,
  ttlSec: 300,
  lag: "low",
  failRegion: "us-east-1",
};

/** When the outage starts, drawn from the seed: a whole second between 4 and 6 minutes. */
export function outageAtMs(seed: number): number {
  return 4 * MIN_MS + createStream(seed, "multi-region/outage").int(121) * SEC_MS;
}

/** What the routing policy answers, given which Regions' health checks pass. */
export function routeAnswer(mode: Mode, city: CityId, healthy: readonly boolean[]): number {
  if (mode === "active-passive") {
    // Failover routing: the primary while it is healthy; the secondary while the primary is not and it is.
    if (healthy[0] || !healthy[1]) return 0;
    return 1;
  }
  // Latency routing among healthy records; if none is healthy, Route 53 answers as if all were.
  let best = -1;
  let bestRtt = Infinity;
  const anyHealthy = healthy.some(Boolean);
  REGIONS.forEach((r, i) => {
    if (anyHealthy && !healthy[i]) return;
    const rtt = wanRttMs(city, r);
    if (rtt < bestRtt) {
      bestRtt = rtt;
      best = i;
    }
  });
  return best;
}

interface CityStats {
  requests: number;
  errors: number;
  before: LatencyHistogram;
  after: LatencyHistogram;
  /** The city's resolvers; each answer is a Region index. */
  resolvers: ResolverCache;
  /** Asks Route 53 for this city's answer now (one closure per city, not per request). */
  query: () => number;
}

/** Health checks, resolvers and requests: the DNS side of the lab, driven by events on a lib/sim Simulation. */
class DnsFailover implements FaultSink {
  readonly regionUp = [true, true];
  /** Per Region, its checkers (threshold consecutive results to change a verdict, both ways). */
  private readonly checkers: HealthChecker[][];
  readonly healthy = [true, true];
  readonly cities: CityStats[];
  failedAtMs: number | null = null;
  /** When the failed Region's endpoint was first marked unhealthy. */
  detectedAtMs: number | null = null;
  lastErrorAtMs: number | null = null;
  readonly buckets: { arrived: number[]; errors: number[]; served: number[][] } = { arrived: [], errors: [], served: [[], []] };

  constructor(
    private readonly sim: Simulation<LogEntry>,
    config: LabConfig,
  ) {
    this.checkers = REGIONS.map(() => Array.from({ length: CHECKERS }, () => new HealthChecker(config.threshold)));
    this.cities = CITIES.map((city) => ({
      requests: 0,
      errors: 0,
      before: new LatencyHistogram(),
      after: new LatencyHistogram(),
      resolvers: new ResolverCache(RESOLVERS_PER_CITY, config.ttlSec * SEC_MS),
      query: () => routeAnswer(config.mode, city, this.healthy),
    }));
    const intervalMs = config.intervalSec * SEC_MS;
    const check = sim.defineEvent("multi-region/health-check", (region, checker, atMs) => {
      this.check(region, checker);
      sim.schedule(atMs + intervalMs, check, region, checker);
    });
    // Checkers in different locations do not coordinate: each starts at its own random phase.
    const phases = sim.stream("multi-region/checker-phase");
    REGIONS.forEach((_, r) => {
      for (let c = 0; c < CHECKERS; c++) sim.schedule(phases.next() * intervalMs, check, r, c);
    });
    const arrivals = CITIES.map(() => new ArrivalProcess({ kind: "poisson", ratePerSec: REQUESTS_PER_SEC_PER_CITY }));
    const request = sim.defineEvent("multi-region/request", (city, _b, atMs) => {
      this.request(city, atMs);
      const next = arrivals[city]!.next(atMs, sim.stream(`multi-region/${CITIES[city]}/arrivals`));
      if (next >= 0 && next <= RUN_END_MS) sim.schedule(next, request, city);
    });
    CITIES.forEach((id, i) => sim.schedule(arrivals[i]!.next(0, sim.stream(`multi-region/${id}/arrivals`)), request, i));
  }

  applyFault(fault: Fault, failed: boolean): void {
    if (fault.kind !== "region") return;
    const r = REGIONS.indexOf(fault.id as RegionId);
    if (r < 0) return;
    this.regionUp[r] = !failed;
    if (failed && this.failedAtMs === null) this.failedAtMs = this.sim.nowMs;
  }

  /** Lookups that reached Route 53, over every city's resolvers. */
  get dnsQueries(): number {
    return this.cities.reduce((sum, c) => sum + c.resolvers.queries, 0);
  }

  private check(region: number, checker: number): void {
    const checkers = this.checkers[region]!;
    if (!checkers[checker]!.record(this.regionUp[region] as boolean)) return;
    const healthyCount = checkers.filter((c) => c.healthy).length;
    const healthy = healthyCount / CHECKERS > HEALTHY_FRACTION;
    if (this.healthy[region] && !healthy && this.detectedAtMs === null && this.failedAtMs !== null) this.detectedAtMs = this.sim.nowMs;
    this.healthy[region] = healthy;
  }

  private request(cityIndex: number, atMs: number): void {
    const city = CITIES[cityIndex]!;
    const stats = this.cities[cityIndex]!;
    const rng = this.sim.stream(`multi-region/${city}/requests`);
    const region = stats.resolvers.resolve(rng.int(RESOLVERS_PER_CITY), atMs, stats.query);
    const bucket = Math.floor(atMs / BUCKET_MS);
    while (this.buckets.arrived.length <= bucket) {
      this.buckets.arrived.push(0);
      this.buckets.errors.push(0);
      this.buckets.served[0]!.push(0);
      this.buckets.served[1]!.push(0);
    }
    this.buckets.arrived[bucket]!++;
    stats.requests++;
    const serviceMs = SERVICE.sample(rng);
    if (!this.regionUp[region]) {
      stats.errors++;
      this.buckets.errors[bucket]!++;
      this.lastErrorAtMs = atMs;
      return;
    }
    this.buckets.served[region]![bucket]!++;
    const latencyMs = wanRttMs(city, REGIONS[region]!) + serviceMs;
    (this.failedAtMs === null ? stats.before : stats.after).record(latencyMs);
  }
}

export function createLab(config: LabConfig, seed: number) {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 2_000 });
  const dns = new DnsFailover(sim, config);
  // Which Regions take writes: the primary only (active-passive), or both for their own users (active-active),
  // each replicating asynchronously to the other Region.
  const writers: RegionId[] = config.mode === "active-passive" ? ["us-east-1"] : ["us-east-1", "eu-west-1"];
  const databases = writers.map((region) => {
    const other = REGIONS.find((r) => r !== region)!;
    return new DatabaseModel(sim as unknown as Simulation<DatabaseLogEntry>, {
      id: `writes-${region}`,
      primary: { regionId: region, azId: `${region}a` },
      asyncReplica: { location: { regionId: other, azId: `${other}a` }, lag: LAG_LEVELS[config.lag].lag, shipIntervalMs: SEC_MS },
      writesPerSec: WRITES_PER_SEC / writers.length,
      dataGiB: 100,
    });
  });
  const failAtMs = outageAtMs(seed);
  const failures = new FailureModel(
    sim as unknown as Simulation<FailureLogEntry>,
    { chaos: [{ atMs: failAtMs, action: "fail", fault: { kind: "region", id: config.failRegion } }] },
    [dns, ...databases],
  );
  return { sim, dns, databases, failures, failAtMs, config };
}

export type LabHandle = ReturnType<typeof createLab>;

export interface CityView {
  id: CityId;
  name: string;
  requests: number;
  errors: number;
  /** Resolvers currently holding an answer for each Region. */
  resolversOn: [number, number];
  /** The Region most of this city's resolvers point at now (null before the first query). */
  region: RegionId | null;
  rttMs: number | null;
  p95BeforeMs: number | null;
  p95AfterMs: number | null;
}

export interface LabView {
  nowMs: number;
  failAtMs: number;
  failed: boolean;
  healthy: [boolean, boolean];
  detectedAfterMs: number | null;
  lastErrorAfterMs: number | null;
  requests: number;
  errors: number;
  dnsQueries: number;
  cities: CityView[];
  /** Data the failure left behind: null before the failure or when no writer was lost. */
  loss: { rpoMs: number; lostWrites: number } | null;
  series: { x: number[]; errorsPerSec: number[]; servedPerSec: [number[], number[]] };
}

export function viewLab(h: LabHandle): LabView {
  const { dns, sim } = h;
  const now = sim.nowMs;
  const cities = CITIES.map((id, i): CityView => {
    const s = dns.cities[i]!;
    const on: [number, number] = [0, 0];
    for (let r = 0; r < RESOLVERS_PER_CITY; r++) {
      const c = s.resolvers.answer(r);
      if (c >= 0) on[c as 0 | 1]++;
    }
    const region = on[0] + on[1] === 0 ? null : on[0] >= on[1] ? REGIONS[0] : REGIONS[1];
    return {
      id,
      name: PLACES[id]!.name,
      requests: s.requests,
      errors: s.errors,
      resolversOn: on,
      region,
      rttMs: region ? wanRttMs(id, region) : null,
      p95BeforeMs: s.before.quantileMs(0.95),
      p95AfterMs: s.after.quantileMs(0.95),
    };
  });
  let loss: LabView["loss"] = null;
  for (const db of h.databases) {
    const l = db.lastLoss()?.replica;
    if (l) loss = { rpoMs: l.rpoMs, lostWrites: l.lostWrites };
  }
  const n = dns.buckets.arrived.length;
  const perSec = (v: number) => v / (BUCKET_MS / SEC_MS);
  return {
    nowMs: now,
    failAtMs: h.failAtMs,
    failed: dns.failedAtMs !== null,
    healthy: [dns.healthy[0] as boolean, dns.healthy[1] as boolean],
    detectedAfterMs: dns.detectedAtMs === null || dns.failedAtMs === null ? null : dns.detectedAtMs - dns.failedAtMs,
    lastErrorAfterMs: dns.lastErrorAtMs === null || dns.failedAtMs === null ? null : dns.lastErrorAtMs - dns.failedAtMs,
    requests: cities.reduce((a, c) => a + c.requests, 0),
    errors: cities.reduce((a, c) => a + c.errors, 0),
    dnsQueries: dns.dnsQueries,
    cities,
    loss,
    series: {
      x: Array.from({ length: n }, (_, i) => ((i + 1) * BUCKET_MS) / MIN_MS),
      errorsPerSec: dns.buckets.errors.map(perSec),
      servedPerSec: [dns.buckets.served[0]!.map(perSec), dns.buckets.served[1]!.map(perSec)],
    },
  };
}

/**
 * The plan's prediction. A checker that sees the Region fail needs `threshold` consecutive failed checks, the first
 * at most one interval after the failure; Route 53 flips once more than 82 % of checkers have. Then each resolver
 * keeps its old answer until its TTL runs out. So: detection ≤ threshold × interval; worst-case errors ≤ that + TTL.
 */
export function predictedDetectMs(config: Pick<LabConfig, "intervalSec" | "threshold">): number {
  return config.threshold * config.intervalSec * SEC_MS;
}

export function predictedWorstRecoveryMs(config: Pick<LabConfig, "intervalSec" | "threshold" | "ttlSec">): number {
  return predictedDetectMs(config) + config.ttlSec * SEC_MS;
}

export function formatMs(ms: number | null): string {
  return ms === null ? "—" : `${Math.round(ms)} ms`;
}

/**
 * The aria-live summary. While the run plays it changes only with the phase (announcing the error count every frame
 * would drown a screen reader); the set-up, a pause and the end announce the numbers.
 */
export function statusMessage(config: LabConfig, v: LabView, state: { playing: boolean; ended: boolean }): string {
  const failing = config.failRegion;
  if (!v.failed) {
    // Before the outage every Region is healthy, so where each city is served from follows from the routing alone.
    const split = CITIES.filter((c) => routeAnswer(config.mode, c, [true, true]) === 1).length;
    const where = config.mode === "active-passive" ? "all six cities are served from us-east-1" : `${6 - split} cities are served from us-east-1 and ${split} from eu-west-1`;
    return v.nowMs === 0
      ? `${MODE_LABELS[config.mode]}; health checks every ${config.intervalSec} s, threshold ${config.threshold}; TTL ${config.ttlSec} s. Press Play: ${failing} will fail at ${formatDuration(v.failAtMs)}.`
      : `Normal operation: ${where}. ${failing} fails at ${formatDuration(v.failAtMs)}.`;
  }
  if (state.playing) {
    return v.detectedAfterMs === null
      ? `The outage has started: ${failing} is down and Route 53 still thinks it is healthy. Pause to hear the numbers.`
      : `Route 53 marked ${failing} unhealthy after ${formatDuration(v.detectedAfterMs)}; resolvers move as their cached answers expire. Pause to hear the numbers.`;
  }
  const pct = v.requests > 0 ? ((v.errors / v.requests) * 100).toFixed(1) : "0";
  const lost = v.loss ? ` Data: ${v.loss.lostWrites.toLocaleString("en-US")} writes lost (RPO ${formatDuration(v.loss.rpoMs)}).` : " No committed writes were lost.";
  if (v.detectedAfterMs === null && v.errors > 0) {
    return `${failing} is down and Route 53 still thinks it is healthy: users it serves get errors (${v.errors.toLocaleString("en-US")} so far).`;
  }
  if (v.errors === 0) {
    return `${failing} failed, but no user request failed: it was not serving anyone.${v.detectedAfterMs === null ? "" : ` Its health check failed after ${formatDuration(v.detectedAfterMs)}.`}${lost}`;
  }
  const detect = v.detectedAfterMs === null ? "" : `Health check failed after ${formatDuration(v.detectedAfterMs)}; `;
  const last = v.lastErrorAfterMs === null ? "" : `last error ${formatDuration(v.lastErrorAfterMs)} after the failure`;
  return `${state.ended ? "Run over. " : ""}${detect}${last} (${v.errors.toLocaleString("en-US")} errors, ${pct} % of all requests).${lost}`;
}
