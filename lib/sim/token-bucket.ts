/**
 * The token bucket Amazon API Gateway throttles with: it starts full at `burst` tokens, refills continuously at
 * `ratePerSec` up to `burst`, and each request takes one token or is rejected (HTTP 429) when less than one is left.
 */

export interface TokenBucketState {
  /** Thousandths of a token: integer rates over integer milliseconds then add up exactly, with no 0.999… drift. */
  milliTokens: number;
  lastMs: number;
}

const MILLI = 1000;
// Covers rounding when rates or times are fractional (Poisson arrivals); far below one request's worth.
const EPSILON = 1e-6;

export class TokenBucket {
  readonly ratePerSec: number;
  readonly burst: number;
  private milliTokens: number;
  private lastMs: number;

  constructor(ratePerSec: number, burst: number, startMs = 0) {
    if (!(ratePerSec >= 0) || !(burst >= 0)) throw new Error("Rate and burst must be non-negative.");
    this.ratePerSec = ratePerSec;
    this.burst = burst;
    this.milliTokens = burst * MILLI;
    this.lastMs = startMs;
  }

  /** Tokens available at `nowMs`. Read-only, so looking at the bucket never changes how later refills round. */
  level(nowMs: number): number {
    return this.refilled(nowMs) / MILLI;
  }

  /** Takes one token at `nowMs` if there is one: true means accepted, false means 429. */
  tryTake(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.milliTokens + EPSILON < MILLI) return false;
    this.milliTokens = Math.max(0, this.milliTokens - MILLI);
    return true;
  }

  state(): TokenBucketState {
    return { milliTokens: this.milliTokens, lastMs: this.lastMs };
  }

  restore(state: TokenBucketState): void {
    this.milliTokens = state.milliTokens;
    this.lastMs = state.lastMs;
  }

  private refill(nowMs: number): void {
    if (nowMs <= this.lastMs) return;
    this.milliTokens = this.refilled(nowMs);
    this.lastMs = nowMs;
  }

  private refilled(nowMs: number): number {
    if (nowMs <= this.lastMs) return this.milliTokens;
    // rate (tokens/s) × elapsed (ms) = thousandths of a token.
    return Math.min(this.burst * MILLI, this.milliTokens + this.ratePerSec * (nowMs - this.lastMs));
  }
}
