/**
 * An API gateway that throttles with a token bucket, and the clients that call it. Rejected requests get a 429;
 * clients may retry with capped exponential backoff and full jitter (a uniform wait between zero and the cap).
 */
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";
import { TokenBucket, type TokenBucketState } from "./token-bucket";

export type ArrivalPattern =
  /** Evenly spaced requests. */
  | { kind: "constant"; ratePerSec: number }
  /** A Poisson process: exponential gaps drawn from the client's own stream. */
  | { kind: "poisson"; ratePerSec: number }
  /** Exactly these arrival times (ascending). */
  | { kind: "scripted"; atMs: number[] };

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ClientSpec {
  id: string;
  arrivals: ArrivalPattern;
  /** First-attempt arrivals happen in [startMs, stopMs). Defaults: 0 and never. */
  startMs?: number;
  stopMs?: number;
  retry?: RetryPolicy | null;
}

export interface GatewayConfig {
  ratePerSec: number;
  burst: number;
  clients: ClientSpec[];
  /** Width of the accepted/throttled/bucket-level time series buckets; 0 turns the series off. Default 1000. */
  seriesIntervalMs?: number;
  /** Log every request (default true). Turn off for long runs where only the counters matter. */
  logRequests?: boolean;
}

export type GatewayLogEntry =
  | { type: "request-accepted"; atMs: number; clientId: string; attempt: number; tokensLeft: number }
  /** `retryAtMs` is null when the client gives up on the request. */
  | { type: "request-throttled"; atMs: number; clientId: string; attempt: number; retryAtMs: number | null };

export interface GatewayCounts {
  /** First attempts (distinct requests). */
  requests: number;
  /** Every request that reached the gateway, retries included: always `accepted + throttled`. */
  attempts: number;
  accepted: number;
  /** Rejected with 429. */
  throttled: number;
  /** Attempts that were retries. */
  retried: number;
  /** Requests abandoned after their last allowed attempt was throttled. */
  gaveUp: number;
  /** Requests accepted on a retry rather than the first attempt. */
  acceptedAfterRetry: number;
  /** Requests waiting to retry. */
  waiting: number;
}

export interface GatewaySeries {
  intervalMs: number;
  /** Per interval k, covering [k·intervalMs, (k+1)·intervalMs). */
  accepted: number[];
  throttled: number[];
  /** Bucket level at the end of each completed interval. */
  tokens: number[];
}

export interface GatewayState {
  bucket: TokenBucketState;
  clients: GatewayCounts[];
  series: GatewaySeries;
}

export interface GatewayView {
  nowMs: number;
  ratePerSec: number;
  burst: number;
  tokens: number;
  totals: GatewayCounts;
  clients: (GatewayCounts & { id: string })[];
  series: GatewaySeries;
}

const emptyCounts = (): GatewayCounts => ({
  requests: 0,
  attempts: 0,
  accepted: 0,
  throttled: 0,
  retried: 0,
  gaveUp: 0,
  acceptedAfterRetry: 0,
  waiting: 0,
});

/** The AWS full-jitter backoff cap before retry number `retry` (1-based): min(maxDelay, base · 2^(retry−1)). */
export function backoffCapMs(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

export class GatewayModel implements SimModel<GatewayState> {
  readonly name = "gateway";
  private readonly sim: SimContext<GatewayLogEntry>;
  private readonly config: GatewayConfig;
  private readonly bucket: TokenBucket;
  private readonly intervalMs: number;
  private readonly logRequests: boolean;
  private readonly kinds: { arrival: number; retry: number; sample: number };
  private counts: GatewayCounts[];
  private series: GatewaySeries;

  constructor(sim: SimContext<GatewayLogEntry>, config: GatewayConfig) {
    this.sim = sim;
    this.config = config;
    this.bucket = new TokenBucket(config.ratePerSec, config.burst, sim.nowMs);
    this.intervalMs = config.seriesIntervalMs ?? 1000;
    this.logRequests = config.logRequests ?? true;
    const ids = new Set<string>();
    for (const c of config.clients) {
      if (ids.has(c.id)) throw new Error(`Duplicate client id "${c.id}".`);
      ids.add(c.id);
      const a = c.arrivals;
      if (a.kind !== "scripted" && !(a.ratePerSec > 0)) throw new Error(`Client "${c.id}" needs a positive rate.`);
    }
    this.counts = config.clients.map(emptyCounts);
    this.series = { intervalMs: this.intervalMs, accepted: [], throttled: [], tokens: [] };
    this.kinds = {
      arrival: sim.defineEvent("gateway/arrival", (a, b) => this.onArrival(a, b)),
      retry: sim.defineEvent("gateway/retry", (a, b) => this.attempt(a, b)),
      // Runs before requests at the same instant, so the level is the one at the very end of the interval.
      sample: sim.defineEvent("gateway/sample", () => this.onSample()),
    };
    sim.addModel(this);
    config.clients.forEach((_, i) => this.scheduleArrival(i, 0));
    if (this.intervalMs > 0) sim.schedule(sim.nowMs + this.intervalMs, this.kinds.sample, 0, 0, -1);
  }

  view(): GatewayView {
    const totals = emptyCounts();
    for (const c of this.counts) {
      for (const key of Object.keys(totals) as (keyof GatewayCounts)[]) totals[key] += c[key];
    }
    return {
      nowMs: this.sim.nowMs,
      ratePerSec: this.config.ratePerSec,
      burst: this.config.burst,
      tokens: this.bucket.level(this.sim.nowMs),
      totals,
      clients: this.counts.map((c, i) => ({ id: (this.config.clients[i] as ClientSpec).id, ...c })),
      series: clonePlain(this.series),
    };
  }

  snapshot(): GatewayState {
    return clonePlain({ bucket: this.bucket.state(), clients: this.counts, series: this.series });
  }

  restore(state: GatewayState): void {
    const s = clonePlain(state);
    this.bucket.restore(s.bucket);
    this.counts = s.clients;
    this.series = s.series;
  }

  /** Schedules first-attempt number `n` of client `c`, unless its pattern has ended. */
  private scheduleArrival(c: number, n: number): void {
    const spec = this.config.clients[c] as ClientSpec;
    const startMs = spec.startMs ?? 0;
    const a = spec.arrivals;
    let atMs: number;
    if (a.kind === "scripted") {
      const t = a.atMs[n];
      if (t === undefined) return;
      atMs = t;
    } else if (a.kind === "constant") {
      // From the index, not by adding intervals, so 1000/3 ms gaps never drift.
      atMs = startMs + (n * 1000) / a.ratePerSec;
    } else {
      const from = n === 0 ? startMs : this.sim.nowMs;
      atMs = from + this.sim.stream(`gateway/${spec.id}/arrivals`).exponential(1000 / a.ratePerSec);
    }
    if (spec.stopMs !== undefined && atMs >= spec.stopMs) return;
    this.sim.schedule(Math.max(atMs, this.sim.nowMs), this.kinds.arrival, c, n);
  }

  private onArrival(c: number, n: number): void {
    (this.counts[c] as GatewayCounts).requests++;
    this.attempt(c, 0);
    this.scheduleArrival(c, n + 1);
  }

  /** One attempt of a request by client `c`; `retry` is 0 for the first attempt. */
  private attempt(c: number, retry: number): void {
    const counts = this.counts[c] as GatewayCounts;
    const spec = this.config.clients[c] as ClientSpec;
    const now = this.sim.nowMs;
    counts.attempts++;
    if (retry > 0) {
      counts.retried++;
      counts.waiting--;
    }
    const k = this.intervalMs > 0 ? Math.floor(now / this.intervalMs) : -1;
    if (k >= 0) this.growSeries(k);
    if (this.bucket.tryTake(now)) {
      counts.accepted++;
      if (retry > 0) counts.acceptedAfterRetry++;
      if (k >= 0) this.series.accepted[k] = (this.series.accepted[k] as number) + 1;
      if (this.logRequests) {
        this.sim.emit({
          type: "request-accepted",
          atMs: now,
          clientId: spec.id,
          attempt: retry + 1,
          tokensLeft: this.bucket.level(now),
        });
      }
      return;
    }
    counts.throttled++;
    if (k >= 0) this.series.throttled[k] = (this.series.throttled[k] as number) + 1;
    let retryAtMs: number | null = null;
    const policy = spec.retry;
    if (policy && retry < policy.maxRetries) {
      const capMs = backoffCapMs(policy, retry + 1);
      retryAtMs = now + this.sim.stream(`gateway/${spec.id}/jitter`).next() * capMs;
      counts.waiting++;
      this.sim.schedule(retryAtMs, this.kinds.retry, c, retry + 1);
    } else {
      counts.gaveUp++;
    }
    if (this.logRequests) {
      this.sim.emit({ type: "request-throttled", atMs: now, clientId: spec.id, attempt: retry + 1, retryAtMs });
    }
  }

  private onSample(): void {
    const now = this.sim.nowMs;
    this.growSeries(this.series.tokens.length);
    this.series.tokens.push(this.bucket.level(now));
    this.sim.schedule(now + this.intervalMs, this.kinds.sample, 0, 0, -1);
  }

  private growSeries(k: number): void {
    while (this.series.accepted.length <= k) {
      this.series.accepted.push(0);
      this.series.throttled.push(0);
    }
  }
}
