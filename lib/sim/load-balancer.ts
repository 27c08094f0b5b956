/**
 * Load-balancer routing: which target gets the next request. The routing tables (the targets each LB node may use)
 * are rebuilt only when health, registration or AZ state changes; picking a target reads them and the targets'
 * outstanding-request counts, and allocates nothing.
 *
 * Health-check defaults follow the Application Load Balancer's target-group defaults (see docs/engine.md).
 */
import type { Rng } from "./random";

export type LbAlgorithm =
  | "round-robin"
  | "random"
  | "least-outstanding"
  | "power-of-two"
  | "weighted-round-robin"
  | "weighted-random";

export const LB_ALGORITHMS: readonly LbAlgorithm[] = [
  "round-robin",
  "random",
  "least-outstanding",
  "power-of-two",
  "weighted-round-robin",
  "weighted-random",
];

export interface HealthCheckSpec {
  intervalMs: number;
  /** A check with no answer within this long fails (a dead target never answers). */
  timeoutMs: number;
  /** Consecutive passes that make an unhealthy target healthy (a newly registered one needs a single pass). */
  healthyThreshold: number;
  /** Consecutive failures that make a healthy target unhealthy. */
  unhealthyThreshold: number;
}

/** ALB target-group defaults: HealthCheckIntervalSeconds 30, HealthCheckTimeoutSeconds 5, thresholds 5 and 2. */
export const ALB_HEALTH_CHECK: Readonly<HealthCheckSpec> = {
  intervalMs: 30_000,
  timeoutMs: 5_000,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
};

/** ALB `deregistration_delay.timeout_seconds` default: 300 s. */
export const ALB_DEREGISTRATION_DELAY_MS = 300_000;

const ROUND_ROBIN = 0;
const RANDOM = 1;
const LEAST_OUTSTANDING = 2;
const POWER_OF_TWO = 3;
const WEIGHTED_ROUND_ROBIN = 4;
const WEIGHTED_RANDOM = 5;

/** The routing tables: for each LB node, the targets it may send to. */
export class Router {
  readonly algorithm: LbAlgorithm;
  private readonly code: number;
  private readonly nodeCount: number;
  private readonly targetCount: number;
  private readonly weights: Float64Array;
  /** Node n's candidates are cand[n·T … n·T + candLen[n]). */
  private readonly cand: Int32Array;
  private readonly candLen: Int32Array;
  /** Node n's cumulative candidate weights (weighted random). */
  private readonly cumWeight: Float64Array;
  /** Nodes that receive traffic (DNS answers only with these). */
  private readonly enabled: Int32Array;
  private enabledLen = 0;
  /** Per node: the round-robin cursor (also the rotating tie-break start for least outstanding). */
  rr: Int32Array;
  /** Per node × target: smooth weighted round robin's current weights. */
  wrr: Float64Array;

  constructor(algorithm: LbAlgorithm, nodeCount: number, weights: readonly number[]) {
    this.algorithm = algorithm;
    this.code = LB_ALGORITHMS.indexOf(algorithm);
    if (this.code < 0) throw new Error(`Unknown load-balancing algorithm "${algorithm}".`);
    for (const w of weights) if (!(w > 0)) throw new Error("Target weights must be positive.");
    this.nodeCount = nodeCount;
    this.targetCount = weights.length;
    this.weights = Float64Array.from(weights);
    this.cand = new Int32Array(nodeCount * this.targetCount);
    this.candLen = new Int32Array(nodeCount);
    this.cumWeight = new Float64Array(nodeCount * this.targetCount);
    this.enabled = new Int32Array(nodeCount);
    this.rr = new Int32Array(nodeCount);
    this.wrr = new Float64Array(nodeCount * this.targetCount);
  }

  /** How many nodes receive traffic. */
  get enabledNodes(): number {
    return this.enabledLen;
  }

  /** The i-th node receiving traffic. */
  enabledNode(i: number): number {
    return this.enabled[i] as number;
  }

  /** Replaces node n's candidate list. Call `finish()` after setting every node. */
  setCandidates(node: number, targets: readonly number[]): void {
    const base = node * this.targetCount;
    let sum = 0;
    targets.forEach((t, k) => {
      this.cand[base + k] = t;
      sum += this.weights[t] as number;
      this.cumWeight[base + k] = sum;
    });
    this.candLen[node] = targets.length;
  }

  /** Enables the nodes with candidates. */
  finish(nodeUp: readonly boolean[]): void {
    this.enabledLen = 0;
    for (let n = 0; n < this.nodeCount; n++) if (nodeUp[n] && (this.candLen[n] as number) > 0) this.enabled[this.enabledLen++] = n;
  }

  /** Node n's current candidates (for views and tests). */
  candidates(node: number): number[] {
    const base = node * this.targetCount;
    return Array.from(this.cand.subarray(base, base + (this.candLen[node] as number)));
  }

  /** The target for a request arriving at `node`; -1 when it has none. `outstanding` is per target. */
  pick(node: number, outstanding: Int32Array, rng: Rng): number {
    // Small on purpose (each algorithm in its own method), so the service's hot path can inline it.
    const n = this.candLen[node] as number;
    if (n <= 1) return n === 0 ? -1 : (this.cand[node * this.targetCount] as number);
    const code = this.code;
    if (code === ROUND_ROBIN) return this.roundRobin(node, n);
    if (code === LEAST_OUTSTANDING) return this.leastOutstanding(node, n, outstanding);
    return this.pickOther(code, node, n, outstanding, rng);
  }

  /** ALB's default: each node cycles through its candidates. */
  private roundRobin(node: number, n: number): number {
    let k = this.rr[node] as number;
    if (k >= n) k = 0;
    this.rr[node] = k + 1;
    return this.cand[node * this.targetCount + k] as number;
  }

  /**
   * The candidate with the fewest outstanding requests, scanning from the node's rotating cursor, so ties go to
   * the first in rotation order and idle targets share the load evenly. Stops early at an idle target.
   */
  private leastOutstanding(node: number, n: number, outstanding: Int32Array): number {
    const cand = this.cand;
    const base = node * this.targetCount;
    let k = this.rr[node] as number;
    if (k >= n) k = 0;
    this.rr[node] = k + 1;
    let best = cand[base + k] as number;
    let bestOut = outstanding[best] as number;
    if (bestOut <= 0) return best;
    // The rotation k+1 … n−1, then 0 … k−1, as two plain loops.
    const end = base + n;
    for (let i = base + k + 1; i < end; i++) {
      const t = cand[i] as number;
      const o = outstanding[t] as number;
      if (o < bestOut) {
        best = t;
        bestOut = o;
        if (o <= 0) return best;
      }
    }
    const stop = base + k;
    for (let i = base; i < stop; i++) {
      const t = cand[i] as number;
      const o = outstanding[t] as number;
      if (o < bestOut) {
        best = t;
        bestOut = o;
        if (o <= 0) return best;
      }
    }
    return best;
  }

  private pickOther(code: number, node: number, n: number, outstanding: Int32Array, rng: Rng): number {
    const base = node * this.targetCount;
    const cand = this.cand;
    switch (code) {
      case RANDOM:
        return cand[base + rng.int(n)] as number;
      case POWER_OF_TWO: {
        const i = rng.int(n);
        let j = rng.int(n - 1);
        if (j >= i) j++;
        const a = cand[base + i] as number;
        const b = cand[base + j] as number;
        return (outstanding[b] as number) < (outstanding[a] as number) ? b : a;
      }
      case WEIGHTED_ROUND_ROBIN: {
        // Smooth weighted round robin (as in nginx): spreads a heavy target's turns evenly through the cycle.
        const wrr = this.wrr;
        const wbase = node * this.targetCount;
        let total = 0;
        let best = -1;
        let bestCur = -Infinity;
        for (let k = 0; k < n; k++) {
          const t = cand[base + k] as number;
          const w = this.weights[t] as number;
          total += w;
          const cur = (wrr[wbase + t] as number) + w;
          wrr[wbase + t] = cur;
          if (cur > bestCur) {
            bestCur = cur;
            best = t;
          }
        }
        wrr[wbase + best] = bestCur - total;
        return best;
      }
      case WEIGHTED_RANDOM: {
        const x = rng.next() * (this.cumWeight[base + n - 1] as number);
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((this.cumWeight[base + mid] as number) > x) hi = mid;
          else lo = mid + 1;
        }
        return cand[base + lo] as number;
      }
      default:
        throw new Error(`Unknown algorithm code ${code}.`);
    }
  }
}
