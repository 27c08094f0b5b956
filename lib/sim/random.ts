/**
 * Seeded pseudo-random numbers. The engine never touches Math.random: every draw comes from a stream derived from
 * the run's seed and a stream name, so adding a component (a new stream) leaves every other stream's draws as they
 * were, and the same seed gives the same run in Node and in the browser.
 */

import { logUnit32 } from "./det-math";

// Bound once: bundlers (and tsx) compile an imported binding to a getter, a call on every use in the hot path.
const lnUnit32 = logUnit32;

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

  /** −ln(1 − u) · mean with the deterministic logarithm: Math.log differs in the last bit between engines. */
  exponential(mean: number): number {
    return -lnUnit32(4294967296 - this.u32()) * mean;
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
