/**
 * A WAF rate-based rule (AWS WAF style): requests are counted per address in fixed slots over a sliding evaluation
 * window, and each evaluation blocks the addresses whose count over the window exceeds the limit (and unblocks the
 * others). Plain counters, no events: the caller counts each request and schedules `evaluate` once per slot, before
 * the requests of that instant (so they land in the slot the evaluation has just cleared).
 */

/** AWS WAF keeps rate-based counts in 10-second slots. */
export const WAF_SLOT_MS = 10_000;

export interface RateBasedRuleOptions {
  /** Addresses are numbered 0…addresses − 1. */
  addresses: number;
  /** Requests per address per window; an address is blocked while its count is above it. */
  limit: number;
  /** The evaluation window: a whole number of slots. */
  windowMs: number;
  slotMs?: number;
}

export class RateBasedRule {
  readonly limit: number;
  readonly slotMs: number;
  readonly slotCount: number;
  /** Per address, `slotCount` counters: a ring indexed by ⌊atMs / slotMs⌋ mod slotCount. */
  private readonly counts: Int32Array;
  private readonly blocked: Uint8Array;

  constructor(options: RateBasedRuleOptions) {
    this.limit = options.limit;
    this.slotMs = options.slotMs ?? WAF_SLOT_MS;
    this.slotCount = options.windowMs / this.slotMs;
    if (!Number.isInteger(this.slotCount) || this.slotCount < 1) {
      throw new RangeError(`windowMs ${options.windowMs} is not a whole number of ${this.slotMs} ms slots`);
    }
    this.counts = new Int32Array(options.addresses * this.slotCount);
    this.blocked = new Uint8Array(options.addresses);
  }

  private slotAt(atMs: number): number {
    return Math.floor(atMs / this.slotMs) % this.slotCount;
  }

  /** Counts one request. The rule counts blocked requests too: a blocked flood stays blocked. */
  count(address: number, atMs: number): void {
    const k = address * this.slotCount + this.slotAt(atMs);
    this.counts[k] = (this.counts[k] as number) + 1;
  }

  isBlocked(address: number): boolean {
    return this.blocked[address] === 1;
  }

  /** The address's requests over the window as of the last evaluation, plus any counted since. */
  windowCount(address: number): number {
    let sum = 0;
    for (let s = 0; s < this.slotCount; s++) sum += this.counts[address * this.slotCount + s] as number;
    return sum;
  }

  /**
   * Re-evaluates every address at `atMs` (a slot boundary). The slots then hold exactly the last window,
   * [atMs − window, atMs); the oldest is cleared afterwards because the next slot writes into it.
   */
  evaluate(atMs: number): void {
    const next = this.slotAt(atMs);
    for (let a = 0; a < this.blocked.length; a++) {
      this.blocked[a] = this.windowCount(a) > this.limit ? 1 : 0;
      this.counts[a * this.slotCount + next] = 0;
    }
  }
}
