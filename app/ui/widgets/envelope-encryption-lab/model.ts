/**
 * The pure side of EnvelopeEncryptionLab: an application encrypts objects arriving as a Poisson process and asks
 * AWS KMS for help in one of three ways — a KMS Encrypt call per object, a new data key (GenerateDataKey) per
 * object, or a cached data key reused for at most T seconds and M objects (as the AWS Encryption SDK's caching
 * does). KMS admits requests through a token bucket at the account's remaining share of the Region's shared quota
 * for symmetric cryptographic operations; a throttled call (ThrottlingException) is retried with full-jitter
 * backoff, up to three attempts in all, then the encryption fails. Built on lib/sim (Simulation, TokenBucket,
 * ArrivalProcess, LatencyHistogram); deterministic and React-free (tests/unit/widgets/envelope-encryption-lab.test.ts).
 * Latencies and the other workloads' load are illustrative.
 */
import { ArrivalProcess, LatencyHistogram, Simulation, TokenBucket, backoffCapMs, type LogEntry } from "@/lib/sim";
import { formatNumber, formatUsd } from "../kit/format";

export type Mode = "direct" | "data-key-per-object" | "cached-data-key";

export const MODE_LABELS: Record<Mode, string> = {
  direct: "KMS Encrypt for every object",
  "data-key-per-object": "New data key for every object",
  "cached-data-key": "Cached data key (envelope + cache)",
};

export interface EnvelopeConfig {
  mode: Mode;
  objectsPerSec: number;
  /** The Region's default shared quota for symmetric cryptographic operations (requests per second). */
  quotaPerSec: number;
  /** Requests per second other workloads in the account and Region already use from the same quota. */
  otherPerSec: number;
  cacheMaxAgeSec: number;
  cacheMaxMessages: number;
}

export const DEFAULT_CONFIG: EnvelopeConfig = {
  mode: "direct",
  objectsPerSec: 8_000,
  quotaPerSec: 10_000,
  otherPerSec: 4_000,
  cacheMaxAgeSec: 60,
  cacheMaxMessages: 10_000,
};

export const RATE_CHOICES = [1_000, 4_000, 8_000, 15_000] as const;
export const QUOTA_CHOICES = [10_000, 20_000] as const;
export const OTHER_CHOICES = [0, 4_000, 8_000] as const;
export const MAX_AGE_CHOICES_SEC = [1, 10, 60, 300] as const;
export const MAX_MESSAGES_CHOICES = [100, 1_000, 10_000, 100_000] as const;

/** Illustrative round trip of one KMS call from inside the Region, and of encrypting one object locally with AES. */
export const KMS_CALL_MS = 5;
export const LOCAL_AES_MS = 0.05;
export const MAX_ATTEMPTS = 3;
export const RETRY = { maxRetries: MAX_ATTEMPTS - 1, baseDelayMs: 50, maxDelayMs: 2_000 };
/** USD per 10,000 symmetric KMS requests (AWS KMS pricing, most Regions, as of 2026-11). */
export const USD_PER_10K_REQUESTS = 0.03;
export const SECONDS_PER_MONTH = 30 * 86_400;
export const RUN_MS = 30_000;

export interface SecondSample {
  second: number;
  kmsAccepted: number;
  kmsThrottled: number;
}

export interface EnvelopeCounts {
  objects: number;
  encrypted: number;
  failed: number;
  kmsAccepted: number;
  kmsThrottled: number;
  dataKeys: number;
  /** Most objects encrypted under one data key so far. */
  maxObjectsPerKey: number;
}

export interface EnvelopeHandle {
  sim: Simulation<LogEntry>;
  config: EnvelopeConfig;
  counts: EnvelopeCounts;
  latency: LatencyHistogram;
  samples: SecondSample[];
}

/** The share of the quota left for this application. */
export const availablePerSec = (c: EnvelopeConfig) => Math.max(0, c.quotaPerSec - c.otherPerSec);

export function createEnvelopeLab(config: EnvelopeConfig, seed: number): EnvelopeHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 500 });
  const rate = availablePerSec(config);
  // KMS enforces a per-second quota: a bucket refilled at the remaining quota, holding a tenth of a second of it, so
  // no second admits more than about the quota (a full second's bucket would let the first seconds run at twice it).
  const bucket = new TokenBucket(rate, Math.max(1, rate / 10), 0);
  const counts: EnvelopeCounts = { objects: 0, encrypted: 0, failed: 0, kmsAccepted: 0, kmsThrottled: 0, dataKeys: 0, maxObjectsPerKey: 0 };
  const h: EnvelopeHandle = { sim, config, counts, latency: new LatencyHistogram(), samples: [] };
  let current: SecondSample = { second: 1, kmsAccepted: 0, kmsThrottled: 0 };
  let cache: { createdMs: number; uses: number } | null = null;
  const arrivals = new ArrivalProcess({ kind: "poisson", ratePerSec: config.objectsPerSec });
  const startedAt = new Map<number, number>();
  let nextId = 0;

  const cacheUsable = (now: number) =>
    cache !== null && now - cache.createdMs < config.cacheMaxAgeSec * 1000 && cache.uses < config.cacheMaxMessages;
  const spendCachedKey = () => {
    if (!cache) return;
    cache.uses += 1;
    counts.maxObjectsPerKey = Math.max(counts.maxObjectsPerKey, cache.uses);
  };
  const finish = (id: number, ok: boolean, extraMs: number) => {
    const start = startedAt.get(id) ?? sim.nowMs;
    startedAt.delete(id);
    if (ok) {
      counts.encrypted += 1;
      h.latency.record(sim.nowMs - start + extraMs);
    } else {
      counts.failed += 1;
      sim.emit({ type: "encryption-failed", atMs: sim.nowMs });
    }
  };

  let attemptKind = 0;
  /** One try at encrypting object `id` (attempt 1…MAX_ATTEMPTS). */
  const attempt = (id: number, n: number) => {
    const now = sim.nowMs;
    if (config.mode === "cached-data-key" && cacheUsable(now)) {
      spendCachedKey();
      finish(id, true, LOCAL_AES_MS);
      return;
    }
    if (bucket.tryTake(now)) {
      counts.kmsAccepted += 1;
      current.kmsAccepted += 1;
      if (config.mode !== "direct") {
        counts.dataKeys += 1;
        cache = config.mode === "cached-data-key" ? { createdMs: now, uses: 0 } : null;
        if (cache) spendCachedKey();
        else counts.maxObjectsPerKey = Math.max(counts.maxObjectsPerKey, 1);
      }
      finish(id, true, KMS_CALL_MS + (config.mode === "direct" ? 0 : LOCAL_AES_MS));
      return;
    }
    counts.kmsThrottled += 1;
    current.kmsThrottled += 1;
    if (n >= MAX_ATTEMPTS) {
      finish(id, false, 0);
      return;
    }
    const wait = sim.stream("envelope-lab/jitter").next() * backoffCapMs(RETRY, n);
    sim.schedule(now + KMS_CALL_MS + wait, attemptKind, id, n + 1);
  };
  attemptKind = sim.defineEvent("envelope-lab/retry", (id, n) => attempt(id, n));

  const arrive = sim.defineEvent("envelope-lab/object", (_a, _b, atMs) => {
    const id = nextId++;
    counts.objects += 1;
    startedAt.set(id, atMs);
    attempt(id, 1);
    const next = arrivals.next(atMs, sim.stream("envelope-lab/arrivals"));
    if (next >= 0 && next <= RUN_MS) sim.schedule(next, arrive);
  });
  const tick = sim.defineEvent("envelope-lab/second", (_a, _b, atMs) => {
    h.samples.push(current);
    current = { second: atMs / 1000 + 1, kmsAccepted: 0, kmsThrottled: 0 };
    if (atMs + 1000 <= RUN_MS) sim.schedule(atMs + 1000, tick, 0, 0, 1);
  });
  const first = arrivals.next(0, sim.stream("envelope-lab/arrivals"));
  if (first >= 0) sim.schedule(first, arrive);
  sim.schedule(1000, tick, 0, 0, 1);
  return h;
}

export interface EnvelopeView {
  nowMs: number;
  counts: EnvelopeCounts;
  /** KMS requests per second (accepted + throttled) over the run so far. */
  kmsAttemptsPerSec: number;
  throttledFraction: number;
  p50Ms: number;
  p99Ms: number;
  /** KMS request charges per 30-day month at this run's accepted rate. */
  usdPerMonth: number;
  samples: SecondSample[];
  quotaForApp: number;
}

export function viewEnvelopeLab(h: EnvelopeHandle): EnvelopeView {
  const c = h.counts;
  const secs = h.sim.nowMs / 1000;
  const attempts = c.kmsAccepted + c.kmsThrottled;
  return {
    nowMs: h.sim.nowMs,
    counts: { ...c },
    kmsAttemptsPerSec: secs > 0 ? attempts / secs : 0,
    throttledFraction: attempts > 0 ? c.kmsThrottled / attempts : 0,
    p50Ms: h.latency.quantileMs(0.5) ?? 0,
    p99Ms: h.latency.quantileMs(0.99) ?? 0,
    usdPerMonth: secs > 0 ? ((c.kmsAccepted / secs) * SECONDS_PER_MONTH * USD_PER_10K_REQUESTS) / 10_000 : 0,
    samples: [...h.samples],
    quotaForApp: availablePerSec(h.config),
  };
}

export function runEnvelopeLab(config: EnvelopeConfig, seed = 1): EnvelopeView {
  const h = createEnvelopeLab(config, seed);
  h.sim.runUntil(RUN_MS);
  return viewEnvelopeLab(h);
}

export function statusMessage(c: EnvelopeConfig, v: EnvelopeView, ended: boolean, playing: boolean): string {
  const setup = `${MODE_LABELS[c.mode]}, ${formatNumber(c.objectsPerSec)} objects/s, ${formatNumber(v.quotaForApp)} KMS requests/s left for this app`;
  if (playing) return `Running: ${setup}. Results are announced when you pause.`;
  if (v.nowMs === 0) return `Ready: ${setup}. Press Play.`;
  const pct = (v.throttledFraction * 100).toFixed(1);
  return (
    `${ended ? "After 30 s" : `Paused at ${(v.nowMs / 1000).toFixed(0)} s`}: ${formatNumber(v.kmsAttemptsPerSec)} KMS requests/s, ` +
    `${pct} % throttled, ${formatNumber(v.counts.failed)} encryptions failed, p99 ${v.p99Ms.toFixed(1)} ms, ` +
    `about ${formatUsd(v.usdPerMonth)} a month in KMS requests.`
  );
}
