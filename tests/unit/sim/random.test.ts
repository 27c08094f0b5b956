import { describe, expect, it } from "vitest";
import { createRng, createStream } from "@/lib/sim";

const N = 1_000_000;

/** Φ(x), the standard normal CDF (Abramowitz & Stegun 26.2.17: absolute error < 7.5e-8, far below the KS bound). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

/** The Kolmogorov–Smirnov statistic of `samples` against `cdf`. */
function ksStatistic(samples: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, f - i / sorted.length, (i + 1) / sorted.length - f);
  }
  return d;
}

/** Counts within `sigmas` binomial standard deviations of n·p. */
function expectCount(count: number, p: number, sigmas = 5): void {
  const sd = Math.sqrt(N * p * (1 - p));
  expect(Math.abs(count - N * p)).toBeLessThan(sigmas * sd);
}

// At n = 10^6 the 0.1 % critical value of the KS statistic is 1.95 / √n ≈ 0.00195.
const KS_LIMIT = 1.95 / Math.sqrt(N);

describe("Rng.exponential (ziggurat)", () => {
  const rng = createStream(11, "test/exponential");
  const xs = Float64Array.from({ length: N }, () => rng.exponential(1));

  it("has the exponential distribution: KS statistic, mean, variance and tail beyond the base layer", () => {
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x))).toBeLessThan(KS_LIMIT);
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    expect(Math.abs(mean - 1)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    expect(xs.every((x) => x >= 0)).toBe(true);
    // Beyond the ziggurat's base layer (x > 7.697) only the tail method produces values.
    expectCount(xs.filter((x) => x > 8).length, Math.exp(-8));
    expectCount(xs.filter((x) => x < 0.01).length, 1 - Math.exp(-0.01));
  });

  it("scales by the mean", () => {
    const a = createStream(3, "s");
    const b = createStream(3, "s");
    for (let i = 0; i < 1000; i++) expect(a.exponential(45)).toBeCloseTo(45 * b.exponential(1), 9);
  });
});

describe("Rng.normal (ziggurat)", () => {
  const rng = createStream(12, "test/normal");
  const zs = Float64Array.from({ length: N }, () => rng.normal());

  it("has the standard normal distribution: KS statistic, moments, symmetry and both tails", () => {
    expect(ksStatistic(zs, normalCdf)).toBeLessThan(KS_LIMIT);
    const mean = zs.reduce((a, b) => a + b, 0) / N;
    const variance = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    // Beyond the base layer (|z| > 3.4426) only the tail method produces values, on both sides.
    const pTail = normalCdf(-3.6);
    expectCount(zs.filter((z) => z > 3.6).length, pTail);
    expectCount(zs.filter((z) => z < -3.6).length, pTail);
    expectCount(zs.filter((z) => z > 0.5 && z < 1).length, normalCdf(1) - normalCdf(0.5));
  });
});

describe("random streams", () => {
  it("are pinned: the same seed gives these draws in every engine (tables are built with deterministic math)", () => {
    const rng = createRng(2024);
    const draws = [rng.next(), rng.exponential(1), rng.normal(), rng.int(1000), rng.exponential(30), rng.normal()];
    expect(draws.map((x) => x.toPrecision(12))).toEqual(PINNED_DRAWS);
  });

  it("restore from state continues the same sequence", () => {
    const a = createRng(5);
    a.exponential(1);
    a.normal();
    const b = createRng(5, a.state());
    for (let i = 0; i < 100; i++) {
      expect(b.exponential(2)).toBe(a.exponential(2));
      expect(b.normal()).toBe(a.normal());
    }
  });
});

const PINNED_DRAWS = ["0.506631290540", "0.896644261841", "-0.122702578563", "172.000000000", "79.5940207952", "-0.00606187814800"];
