/**
 * Deterministic transcendental functions. ECMAScript leaves Math.log, exp, sin, cos, pow… "implementation-
 * approximated", and engines do differ in the last bit: Node 20 (V8 11.3) and current Chromium return different
 * Math.log and Math.pow for about one argument in three. A run that draws an exponential or a lognormal would then
 * drift apart between the server and the browser. These ports of fdlibm (Sun's freely distributable libm, the same
 * algorithms V8 once used) use only + − × ÷, comparisons and exact bit manipulation, which IEEE 754 makes identical
 * everywhere (Math.floor, trunc, round, sqrt, clz32 are exact too). Accuracy: log and exp within 1 ulp; sin and cos
 * within 2 ulp for |x| < 2^20.
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT2 = 1.4142135623730951;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

// Exact powers of two, 2^k at index k + 1074, built by doubling. Scaling by them is exact, and reading a table
// avoids aliasing a Float64Array with an Int32Array (store-to-load stalls made that 4× slower than Math.log).
const POW2_BIAS = 1074;
const POW2 = new Float64Array(1074 + 1024 + 1);
POW2[POW2_BIAS] = 1;
for (let k = 1; k <= 1024; k++) POW2[POW2_BIAS + k] = (POW2[POW2_BIAS + k - 1] as number) * 2;
for (let k = 1; k <= 1074; k++) POW2[POW2_BIAS - k] = (POW2[POW2_BIAS - k + 1] as number) / 2;

/** 2^k exactly, for −1074 ≤ k ≤ 1024. */
function pow2(k: number): number {
  return POW2[POW2_BIAS + k] as number;
}

/** ln(2^k · (1 + f)) for 1 + f in [√2/2, √2) (the core of fdlibm e_log.c). */
function logCore(k: number, f: number): number {
  // |f| < 2^-20 is rare: its branch lives in its own function, so this one stays small enough to inline.
  if ((f < 0 ? -f : f) < 9.5367431640625e-7) return logTiny(k, f);
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

/** logCore for |f| < 2^-20. */
function logTiny(k: number, f: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  const r = f * f * (0.5 - 0.33333333333333333 * f);
  return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
}

/** Natural logarithm. */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let bias = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range first.
    x *= pow2(54);
    bias = -54;
  }
  // Math.log2 only proposes the exponent; the exact comparisons below settle it, so engines cannot disagree.
  let e = Math.floor(Math.log2(x));
  if (x < pow2(e)) e--;
  else if (x >= pow2(e + 1)) e++;
  let m = x * pow2(-e);
  if (m > SQRT2) {
    m *= 0.5;
    e++;
  }
  return logCore(e + bias, m - 1);
}

/** ln(n / 2^32) for a whole n in [1, 2^32]: the logarithm of a 32-bit uniform draw, without any Math call. */
export function logUnit32(n: number): number {
  if (n === 4294967296) return 0;
  let e = 31 - Math.clz32(n);
  let m = n * pow2(-e);
  if (m > SQRT2) {
    m *= 0.5;
    e++;
  }
  return logCore(e - 32, m - 1);
}

const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;

/** e^x (fdlibm e_exp.c). */
export function detExp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = x < 0 ? -x : x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > 0.5 * LN2_HI) {
    // x = k·ln2 + r, |r| ≤ ln2 / 2
    k = ax < 1.5 * LN2_HI ? (x > 0 ? 1 : -1) : Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return k >= -1021 ? y * pow2(k) : y * pow2(k + 1000) * pow2(-1000);
}

/** x^y for x > 0, as e^(y · ln x). */
export function detPow(x: number, y: number): number {
  return detExp(y * detLog(x));
}

const PIO2_1 = 1.57079632673412561417; // the first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const TWO_OVER_PI = 6.36619772367581382433e-1;
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

function kernelSin(x: number): number {
  const z = x * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + z * x * (S1 + z * r);
}

function kernelCos(x: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  return 1 - (0.5 * z - z * r);
}

/** The quadrant n and the remainder x − n·π/2 (Cody–Waite; n·PIO2_1 is exact while |n| < 2^20). */
let quadrant = 0;
function reduce(x: number): number {
  const n = Math.round(x * TWO_OVER_PI);
  quadrant = n & 3;
  return x - n * PIO2_1 - n * PIO2_1T;
}

export function detSin(x: number): number {
  const r = reduce(x);
  switch (quadrant) {
    case 0:
      return kernelSin(r);
    case 1:
      return kernelCos(r);
    case 2:
      return -kernelSin(r);
    default:
      return -kernelCos(r);
  }
}

export function detCos(x: number): number {
  const r = reduce(x);
  switch (quadrant) {
    case 0:
      return kernelCos(r);
    case 1:
      return -kernelSin(r);
    case 2:
      return -kernelCos(r);
    default:
      return kernelSin(r);
  }
}

/** asin for 0 ≤ s ≤ 1: a fixed number of Newton steps on detSin (fixed, so every engine takes the same steps). */
export function detAsin(s: number): number {
  if (s > 0.75) return Math.PI / 2 - detAsin(Math.sqrt((1 - s) * (1 + s)));
  let theta = s;
  for (let i = 0; i < 8; i++) theta -= (detSin(theta) - s) / detCos(theta);
  return theta;
}
