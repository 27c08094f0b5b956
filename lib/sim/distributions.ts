/**
 * Service-time distributions for request classes. A spec is plain data; `ServiceTimeSampler` turns it into a
 * numeric code and two parameters once, so the hot path draws with a switch instead of a closure per request.
 */
import { detExp, detLog } from "./det-math";
import type { Rng } from "./random";

// Bound once: bundlers (and tsx) compile an imported binding to a getter, a call on every use in the hot path.
const exp = detExp;

/** The 99th percentile of the standard normal distribution. */
export const Z_99 = 2.3263478740408408;

export type ServiceTimeSpec =
  /** Memoryless: most requests short, a long tail (the M in M/M/c). */
  | { kind: "exponential"; meanMs: number }
  /** Every request takes exactly `ms` (the D in M/D/1). */
  | { kind: "deterministic"; ms: number }
  /** exp(μ + σZ) with the given mean: μ = ln(meanMs) − σ²/2. */
  | { kind: "lognormal"; meanMs: number; sigma: number }
  /** exp(μ + σZ) through two percentiles: μ = ln(p50Ms), σ = ln(p99Ms / p50Ms) / z₀.₉₉ (z₀.₉₉ ≈ 2.326). */
  | { kind: "lognormal"; p50Ms: number; p99Ms: number };

const EXPONENTIAL = 0;
const DETERMINISTIC = 1;
const LOGNORMAL = 2;

/** The log-space parameters of a lognormal spec. */
export function lognormalParams(spec: Extract<ServiceTimeSpec, { kind: "lognormal" }>): { mu: number; sigma: number } {
  if ("p50Ms" in spec) {
    if (!(spec.p50Ms > 0 && spec.p99Ms >= spec.p50Ms)) throw new Error("A lognormal needs 0 < p50Ms ≤ p99Ms.");
    return { mu: detLog(spec.p50Ms), sigma: detLog(spec.p99Ms / spec.p50Ms) / Z_99 };
  }
  if (!(spec.meanMs > 0 && spec.sigma >= 0)) throw new Error("A lognormal needs meanMs > 0 and sigma ≥ 0.");
  return { mu: detLog(spec.meanMs) - (spec.sigma * spec.sigma) / 2, sigma: spec.sigma };
}

/** The distribution's mean in ms (for utilisation and queueing formulas). */
export function meanServiceMs(spec: ServiceTimeSpec): number {
  if (spec.kind === "exponential") return spec.meanMs;
  if (spec.kind === "deterministic") return spec.ms;
  const { mu, sigma } = lognormalParams(spec);
  return detExp(mu + (sigma * sigma) / 2);
}

export class ServiceTimeSampler {
  private readonly code: number;
  private readonly p1: number;
  private readonly p2: number;

  constructor(spec: ServiceTimeSpec) {
    if (spec.kind === "exponential") {
      if (!(spec.meanMs > 0)) throw new Error("An exponential service time needs meanMs > 0.");
      this.code = EXPONENTIAL;
      this.p1 = spec.meanMs;
      this.p2 = 0;
    } else if (spec.kind === "deterministic") {
      if (!(spec.ms >= 0)) throw new Error("A deterministic service time needs ms ≥ 0.");
      this.code = DETERMINISTIC;
      this.p1 = spec.ms;
      this.p2 = 0;
    } else {
      const { mu, sigma } = lognormalParams(spec);
      this.code = LOGNORMAL;
      this.p1 = mu;
      this.p2 = sigma;
    }
  }

  /** One service time in ms. Deterministic specs draw nothing, so they leave the stream untouched. */
  sample(rng: Rng): number {
    // Small on purpose, so callers can inline it: the lognormal lives in its own method.
    const code = this.code;
    if (code === EXPONENTIAL) return rng.exponential(this.p1);
    if (code === DETERMINISTIC) return this.p1;
    return this.lognormal(rng);
  }

  private lognormal(rng: Rng): number {
    return exp(this.p1 + this.p2 * rng.normal());
  }
}
