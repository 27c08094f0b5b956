/**
 * Arrival processes: when requests arrive. Each process produces its next arrival time from the previous one and
 * its own random stream, so a source costs one pending event however long the run. Its small state (the phase of a
 * bursty source, the position in a trace) is plain data for snapshots.
 */
import { detCos } from "./det-math";
import type { Rng } from "./random";

export const DAY_LENGTH_MS = 86_400_000;

export type ArrivalSpec =
  /** Exponential gaps: the memoryless arrivals of many independent users. */
  | { kind: "poisson"; ratePerSec: number }
  /** Evenly spaced (a load generator, a cron job). */
  | { kind: "constant"; ratePerSec: number }
  /**
   * A two-state Markov-modulated Poisson process: Poisson at `onRatePerSec` during "on" phases and at
   * `offRatePerSec` (default 0: on/off traffic) during "off" phases; phase lengths are exponential with the given
   * means. The first phase is drawn from the stationary split, on with probability meanOn / (meanOn + meanOff).
   */
  | { kind: "bursty"; onRatePerSec: number; offRatePerSec?: number; meanOnMs: number; meanOffMs: number }
  /**
   * A non-homogeneous Poisson process with a sinusoidal day: rate(t) = mean · (1 + amplitude · cos(2π (t − peakAtMs)
   * / periodMs)), sampled by thinning (Lewis–Shedler): candidates at the peak rate, each kept with probability
   * rate(t) / peak rate. Defaults: a 24 h period peaking at 15:00.
   */
  | { kind: "diurnal"; meanRatePerSec: number; amplitude: number; periodMs?: number; peakAtMs?: number }
  /** A recorded trace: exactly these arrival times (ascending, relative to the source's start). */
  | { kind: "trace"; atMs: number[] }
  /** A recorded trace as counts per second: second s's n arrivals at s·1000 + k·1000/n, k = 0…n−1. */
  | { kind: "trace-counts"; countsPerSec: number[] };

/** Where a process is in its sequence; plain data. */
export interface ArrivalState {
  /** Arrivals produced so far. */
  n: number;
  /** bursty: 1 while on. trace-counts: the current second. */
  phase: number;
  /** bursty: when the current phase ends. trace-counts: arrivals already produced in the current second. */
  mark: number;
}

const TWO_PI = 2 * Math.PI;

export function validateArrivals(spec: ArrivalSpec): void {
  const bad = (why: string): never => {
    throw new Error(`Invalid ${spec.kind} arrivals: ${why}.`);
  };
  switch (spec.kind) {
    case "poisson":
    case "constant":
      if (!(spec.ratePerSec > 0)) bad("ratePerSec must be positive");
      return;
    case "bursty":
      if (!(spec.onRatePerSec >= 0 && (spec.offRatePerSec ?? 0) >= 0)) bad("rates must be non-negative");
      if (!(spec.meanOnMs > 0 && spec.meanOffMs > 0)) bad("phase means must be positive");
      return;
    case "diurnal":
      if (!(spec.meanRatePerSec > 0)) bad("meanRatePerSec must be positive");
      if (!(spec.amplitude >= 0 && spec.amplitude <= 1)) bad("amplitude must be in [0, 1]");
      if (!((spec.periodMs ?? DAY_LENGTH_MS) > 0)) bad("periodMs must be positive");
      return;
    case "trace":
      for (let i = 1; i < spec.atMs.length; i++) if (!((spec.atMs[i] as number) >= (spec.atMs[i - 1] as number))) bad("atMs must ascend");
      return;
    case "trace-counts":
      for (const c of spec.countsPerSec) if (!(Number.isInteger(c) && c >= 0)) bad("counts must be whole and non-negative");
  }
}

/** The expected rate at `atMs` (relative to the source's start), in requests per second. */
export function arrivalRateAt(spec: ArrivalSpec, atMs: number): number {
  switch (spec.kind) {
    case "poisson":
    case "constant":
      return spec.ratePerSec;
    case "bursty": {
      const on = spec.meanOnMs / (spec.meanOnMs + spec.meanOffMs);
      return on * spec.onRatePerSec + (1 - on) * (spec.offRatePerSec ?? 0);
    }
    case "diurnal":
      return diurnalRate(spec, atMs);
    case "trace": {
      const second = Math.floor(atMs / 1000) * 1000;
      return spec.atMs.filter((t) => t >= second && t < second + 1000).length;
    }
    case "trace-counts":
      return spec.countsPerSec[Math.floor(atMs / 1000)] ?? 0;
  }
}

function diurnalRate(spec: Extract<ArrivalSpec, { kind: "diurnal" }>, atMs: number): number {
  const period = spec.periodMs ?? DAY_LENGTH_MS;
  const peak = spec.peakAtMs ?? (15 / 24) * DAY_LENGTH_MS;
  // The phase in [0, 1) first, so the cosine's argument stays small however long the run.
  const cycles = (atMs - peak) / period;
  return spec.meanRatePerSec * (1 + spec.amplitude * detCos(TWO_PI * (cycles - Math.floor(cycles))));
}

/** One source's arrivals: the spec, where its clock starts, and how far it has got (plain data, for snapshots). */
export class ArrivalProcess {
  readonly spec: ArrivalSpec;
  readonly startMs: number;
  state: ArrivalState = { n: 0, phase: 0, mark: 0 };
  /** Poisson: the mean gap in ms (1000 / ratePerSec, the same expression the draw always used); otherwise 0. */
  private readonly poissonGapMs: number;

  constructor(spec: ArrivalSpec, startMs = 0) {
    validateArrivals(spec);
    this.spec = spec;
    this.startMs = startMs;
    this.poissonGapMs = spec.kind === "poisson" ? 1000 / spec.ratePerSec : 0;
  }

  /**
   * The next arrival in absolute ms (the first at or after `startMs`), or -1 when the process has ended. `nowMs`
   * is the previous arrival's time: Poisson, bursty and diurnal gaps are memoryless, so they continue from it;
   * constant and trace times come from the index, so they never drift.
   */
  next(nowMs: number, rng: Rng): number {
    // Poisson after the first arrival: the hot case, kept small so callers can inline it.
    const state = this.state;
    if (this.poissonGapMs > 0 && state.n > 0) {
      state.n++;
      return nowMs + rng.exponential(this.poissonGapMs);
    }
    return this.nextOther(nowMs, rng);
  }

  private nextOther(nowMs: number, rng: Rng): number {
    const spec = this.spec;
    const state = this.state;
    const first = state.n === 0;
    const from = first ? this.startMs : nowMs;
    state.n++;
    switch (spec.kind) {
      case "poisson":
        return from + rng.exponential(1000 / spec.ratePerSec);
      case "constant":
        return this.startMs + ((state.n - 1) * 1000) / spec.ratePerSec;
      case "bursty":
        return nextBursty(spec, state, from, first, rng);
      case "diurnal": {
        const peakRate = spec.meanRatePerSec * (1 + spec.amplitude);
        let t = from;
        for (;;) {
          t += rng.exponential(1000 / peakRate);
          if (rng.next() * peakRate < diurnalRate(spec, t)) return t;
        }
      }
      case "trace": {
        const t = spec.atMs[state.n - 1];
        return t === undefined ? -1 : this.startMs + t;
      }
      case "trace-counts":
        // phase = the current second, mark = arrivals already produced in it.
        for (;;) {
          const count = spec.countsPerSec[state.phase];
          if (count === undefined) return -1;
          if (state.mark < count) {
            const t = this.startMs + state.phase * 1000 + (state.mark * 1000) / count;
            state.mark++;
            return t;
          }
          state.phase++;
          state.mark = 0;
        }
    }
  }
}

function nextBursty(
  spec: Extract<ArrivalSpec, { kind: "bursty" }>,
  state: ArrivalState,
  from: number,
  first: boolean,
  rng: Rng,
): number {
  if (first) {
    state.phase = rng.next() * (spec.meanOnMs + spec.meanOffMs) < spec.meanOnMs ? 1 : 0;
    state.mark = from + rng.exponential(state.phase === 1 ? spec.meanOnMs : spec.meanOffMs);
  }
  let t = from;
  for (;;) {
    const rate = state.phase === 1 ? spec.onRatePerSec : (spec.offRatePerSec ?? 0);
    // Memoryless gaps: a gap that crosses the phase end is discarded and redrawn from there at the new rate.
    const candidate = rate > 0 ? t + rng.exponential(1000 / rate) : Infinity;
    if (candidate < state.mark) return candidate;
    t = state.mark;
    state.phase = 1 - state.phase;
    state.mark = t + rng.exponential(state.phase === 1 ? spec.meanOnMs : spec.meanOffMs);
  }
}
