/**
 * DNS failover's two moving parts (Route 53 style). A `HealthChecker` changes its verdict on an endpoint only after
 * `failureThreshold` consecutive results disagree with it, in either direction. A `ResolverCache` is a set of
 * resolvers that keep each answer for the record's TTL and ask again only once it has expired, so users follow a
 * changed answer one TTL late at worst. No events: the caller schedules the checks and the lookups.
 */

export class HealthChecker {
  readonly failureThreshold: number;
  private verdict: boolean;
  /** Consecutive results that disagree with the verdict. */
  private streak = 0;

  constructor(failureThreshold: number, healthy = true) {
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new RangeError(`failureThreshold must be a positive integer, got ${failureThreshold}`);
    }
    this.failureThreshold = failureThreshold;
    this.verdict = healthy;
  }

  get healthy(): boolean {
    return this.verdict;
  }

  /** Records one check's result; returns true when it changed the verdict. */
  record(passed: boolean): boolean {
    if (passed === this.verdict) {
      this.streak = 0;
      return false;
    }
    if (++this.streak < this.failureThreshold) return false;
    this.verdict = passed;
    this.streak = 0;
    return true;
  }
}

export class ResolverCache {
  readonly ttlMs: number;
  /** Per resolver: the answer it holds (-1: none yet) and when it expires. */
  private readonly answers: Int32Array;
  private readonly expiresAtMs: Float64Array;
  /** Lookups that reached the authoritative server (cache misses). */
  queries = 0;

  constructor(resolvers: number, ttlMs: number) {
    this.ttlMs = ttlMs;
    this.answers = new Int32Array(resolvers).fill(-1);
    this.expiresAtMs = new Float64Array(resolvers).fill(-Infinity);
  }

  /**
   * The answer `resolver` gives at `atMs`: its cached one while it has not expired (an answer expires at exactly
   * fetch time + TTL), otherwise `query()`'s, which it then keeps for the TTL.
   */
  resolve(resolver: number, atMs: number, query: () => number): number {
    if (!((this.expiresAtMs[resolver] as number) > atMs)) {
      this.answers[resolver] = query();
      this.expiresAtMs[resolver] = atMs + this.ttlMs;
      this.queries++;
    }
    return this.answers[resolver] as number;
  }

  /** The answer `resolver` holds, expired or not; -1 before its first lookup. */
  answer(resolver: number): number {
    return this.answers[resolver] as number;
  }
}
