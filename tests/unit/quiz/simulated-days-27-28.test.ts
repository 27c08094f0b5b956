import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

function generator(id: string) {
  const gen = SIM_NUMERIC_GENERATORS[id];
  if (!gen) throw new Error(`missing generator ${id}`);
  return gen;
}

describe("Day 27: dns-failover-switch", () => {
  it("the engine's switch time equals detection (⌈f/I⌉·I + (N−1)·I) then the resolver's next re-query, on every seed", () => {
    const gen = generator("dns-failover-switch");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 150; seed++) {
      const { params, answer } = gen.generate(seed);
      expect(gen.generate(seed)).toEqual({ params, answer });
      const I = Number(params.intervalSec);
      const N = Number(params.threshold);
      const T = Number(params.ttlSec);
      const q = Number(params.queryAtSec);
      const f = Number(params.failSec);
      expect(f % I).not.toBe(0); // the failure falls between checks
      // Checks at 0, I, 2I…: the first to fail is the first after f; the N-th consecutive failure flips the record.
      const detect = Math.ceil(f / I) * I + (N - 1) * I;
      expect(Number(params.detectSec)).toBe(detect);
      expect(Number(params.firstFailCheckSec)).toBe(Math.ceil(f / I) * I);
      // The resolver re-queries at q + kT; users move at the first re-query after the record flipped.
      const k = Math.ceil((detect - q) / T);
      const switchAt = q + k * T;
      expect(Number(params.switchSec)).toBe(switchAt);
      expect(answer).toBe(switchAt - f);
      // Bounds the lesson states: more than (N−1)·I, at most N·I + T.
      expect(answer).toBeGreaterThan((N - 1) * I);
      expect(answer).toBeLessThanOrEqual(N * I + T);
      seen.add(`${I}/${N}/${T}`);
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it("fills the quiz templates with every parameter", () => {
    const { params } = generator("dns-failover-switch").generate(7);
    const text = fillTemplate("{intervalSec} {threshold} {ttlSec} {queryAtSec} {failSec} {detectSec} {switchSec}", params);
    expect(text).not.toMatch(/\{/);
  });
});

describe("Day 28: az-loss-survivor-utilisation", () => {
  it("the engine's measured survivor utilisation matches demand × service time ÷ surviving capacity", () => {
    const gen = generator("az-loss-survivor-utilisation");
    const seen = new Set<string>();
    let worst = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { params, answer } = gen.generate(seed);
      const k = Number(params.azCount);
      const perAz = Number(params.perAz);
      const w = Number(params.workers);
      const s = Number(params.serviceMs);
      const d = Number(params.demandPerSec);
      expect(Number(params.instances)).toBe(k * perAz);
      expect(Number(params.survivors)).toBe((k - 1) * perAz);
      // Utilisation law (U = X · S ÷ servers) on what survives the AZ: everything now goes to (k − 1) · perAz instances.
      const expected = ((d * s) / 1000 / ((k - 1) * perAz * w)) * 100;
      expect(expected).toBeLessThan(95);
      expect(Number(params.beforePct)).toBeCloseTo(((d * s) / 1000 / (k * perAz * w)) * 100, 1);
      const diff = Math.abs(answer - expected);
      worst = Math.max(worst, diff);
      expect(diff, `seed ${seed}: ${answer} vs ${expected}`).toBeLessThan(1.5);
      seen.add(`${k}/${perAz}/${w}/${s}`);
    }
    expect(seen.size).toBeGreaterThan(12);
  });
});
