/**
 * Seeded pseudo-random numbers. The engine never touches Math.random: every draw comes from a stream derived from
 * the run's seed and a stream name, so adding a component (a new stream) leaves every other stream's draws as they
 * were, and the same seed gives the same run in Node and in the browser.
 */

import { detExp, detLog, logUnit32 } from "./det-math";

// Bound once: bundlers (and tsx) compile an imported binding to a getter, a call on every use in the hot path.
const lnUnit32 = logUnit32;
const exp = detExp;

/*
 * Ziggurat tables (Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables", 2000): 256 layers
 * for the exponential, 128 for the normal, with their published right-tail starts and layer areas. A draw takes
 * one 32-bit output: its low bits pick the layer and the other 24 bits (signed, for the normal) place the point, so
 * no bit is used twice. About 99 % of draws end at one comparison; the rest go to the exact wedge and tail tests.
 * The tables are built with the deterministic logarithm and exponential, so every engine gets the same tables and
 * therefore the same draws.
 */
const ZIG_SCALE = 16777216; // 2^24: the range of the placing bits
const EXP_R = 7.697117470131487;
const EXP_V = 3.949659822581572e-3;
const NORM_R = 3.442619855899;
const NORM_V = 9.91256303526217e-3;
const EXP_K = new Int32Array(256);
const EXP_W = new Float64Array(256);
const EXP_F = new Float64Array(256);
const NORM_K = new Int32Array(128);
const NORM_W = new Float64Array(128);
const NORM_F = new Float64Array(128);
{
  let x = EXP_R;
  let prev = x;
  const q = EXP_V / exp(-x);
  EXP_K[0] = Math.floor((x / q) * ZIG_SCALE);
  EXP_W[0] = q / ZIG_SCALE;
  EXP_W[255] = x / ZIG_SCALE;
  EXP_F[0] = 1;
  EXP_F[255] = exp(-x);
  for (let i = 254; i >= 1; i--) {
    x = -detLog(EXP_V / x + exp(-x));
    EXP_K[i + 1] = Math.floor((x / prev) * ZIG_SCALE);
    prev = x;
    EXP_F[i] = exp(-x);
    EXP_W[i] = x / ZIG_SCALE;
  }
}
{
  let x = NORM_R;
  let prev = x;
  const q = NORM_V / exp(-0.5 * x * x);
  NORM_K[0] = Math.floor((x / q) * ZIG_SCALE);
  NORM_W[0] = q / ZIG_SCALE;
  NORM_W[127] = x / ZIG_SCALE;
  NORM_F[0] = 1;
  NORM_F[127] = exp(-0.5 * x * x);
  for (let i = 126; i >= 1; i--) {
    x = Math.sqrt(-2 * detLog(NORM_V / x + exp(-0.5 * x * x)));
    NORM_K[i + 1] = Math.floor((x / prev) * ZIG_SCALE);
    prev = x;
    NORM_F[i] = exp(-0.5 * x * x);
    NORM_W[i] = x / ZIG_SCALE;
  }
}



/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a stream name. */
export function hashString(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** SplitMix32 finaliser: spreads nearby seeds (1, 2, 3…) into unrelated states. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The seed of the named sub-stream of `seed`. */
export function deriveSeed(seed: number, streamName: string): number {
  return mix32((seed >>> 0) ^ mix32(hashString(streamName)));
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** The generator's internal state, for snapshots. */
  state(): number[];
}

/**
 * sfc32, seeded through SplitMix32: fast, 128-bit state, passes PractRand far beyond what a course needs. The state
 * lives in an Int32Array: uint32 values above 2^30 would otherwise be boxed as heap numbers on every update, which
 * made each draw several times slower.
 *
 * A class, not an object of closures: every stream shares the same prototype methods, so a hot call site such as
 * `rng.next()` stays monomorphic (and inlined) across streams and across simulations. With closures, each new
 * stream brought new function objects, and optimised code was thrown away ("wrong call target") at the start of
 * every run.
 */
class Sfc32 implements Rng {
  private readonly s = new Int32Array(4);

  constructor(seed: number, state?: readonly number[]) {
    const s = this.s;
    if (state && state.length === 4) {
      s.set(state);
    } else {
      s[0] = mix32(seed >>> 0);
      s[1] = mix32(s[0] >>> 0);
      s[2] = mix32(s[1] >>> 0);
      s[3] = 1;
      for (let i = 0; i < 12; i++) this.u32();
    }
  }

  /** The next raw 32-bit output, as an unsigned number. */
  u32(): number {
    const s = this.s;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (a + b + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /**
   * An own arrow function rather than a prototype method, so a detached `rng.next` (as in
   * `Array.from({ length }, rng.next)`) keeps working as it did when streams were objects of closures. Every
   * instance's `next` comes from this one function literal, so call sites still inline it.
   */
  readonly next = (): number => this.u32() / 4294967296;

  int(maxExclusive: number): number {
    return Math.floor((this.u32() / 4294967296) * maxExclusive);
  }

  /** Ziggurat; small on purpose so call sites inline it, with the rare wedge and tail cases out of line. */
  exponential(mean: number): number {
    const u = this.u32();
    const layer = u & 255;
    const j = u >>> 8;
    if (j < (EXP_K[layer] as number)) return j * (EXP_W[layer] as number) * mean;
    return this.exponentialSlow(layer, j) * mean;
  }

  /** A unit exponential draw that missed the ziggurat's rectangles: the exact wedge test or the tail. */
  private exponentialSlow(layer: number, j: number): number {
    for (;;) {
      // Beyond the base layer's rectangle: the memoryless tail, R plus a fresh unit exponential.
      if (layer === 0) return EXP_R - lnUnit32(4294967296 - this.u32());
      const x = j * (EXP_W[layer] as number);
      const f = EXP_F[layer] as number;
      if (f + this.next() * ((EXP_F[layer - 1] as number) - f) < exp(-x)) return x;
      const u = this.u32();
      layer = u & 255;
      j = u >>> 8;
      if (j < (EXP_K[layer] as number)) return j * (EXP_W[layer] as number);
    }
  }

  normal(): number {
    const u = this.u32();
    const layer = u & 127;
    const j = (u | 0) >> 7;
    if ((j < 0 ? -j : j) < (NORM_K[layer] as number)) return j * (NORM_W[layer] as number);
    return this.normalSlow(layer, j);
  }

  private normalSlow(layer: number, j: number): number {
    for (;;) {
      if (layer === 0) {
        // Marsaglia's tail method: beyond R, accept R + x with x ~ Exp(R) when 2y ≥ x², y ~ Exp(1).
        let x: number;
        let y: number;
        do {
          x = -lnUnit32(4294967296 - this.u32()) / NORM_R;
          y = -lnUnit32(4294967296 - this.u32());
        } while (y + y < x * x);
        return j > 0 ? NORM_R + x : -NORM_R - x;
      }
      const x = j * (NORM_W[layer] as number);
      const f = NORM_F[layer] as number;
      if (f + this.next() * ((NORM_F[layer - 1] as number) - f) < exp(-0.5 * x * x)) return x;
      const u = this.u32();
      layer = u & 127;
      j = (u | 0) >> 7;
      if ((j < 0 ? -j : j) < (NORM_K[layer] as number)) return j * (NORM_W[layer] as number);
    }
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** As unsigned 32-bit numbers, the form snapshots have always used. */
  state(): number[] {
    return Array.from(this.s, (x) => x >>> 0);
  }
}

export function createRng(seed: number, state?: readonly number[]): Rng {
  return new Sfc32(seed, state);
}

/** A stream of `seed` that is independent of every other named stream. */
export function createStream(seed: number, streamName: string): Rng {
  return createRng(deriveSeed(seed, streamName));
}
