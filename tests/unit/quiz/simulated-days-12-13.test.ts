import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

function generator(id: string) {
  const gen = SIM_NUMERIC_GENERATORS[id];
  if (!gen) throw new Error(`missing generator ${id}`);
  return gen;
}

describe("Day 12: async-replica-lost-writes", () => {
  it("the engine's lost writes equal rate × (lag + 0.5 s) on every seed, deterministically", () => {
    const gen = generator("async-replica-lost-writes");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 80; seed++) {
      const { params, answer } = gen.generate(seed);
      expect(gen.generate(seed)).toEqual({ params, answer });
      const w = Number(params.writesPerSec);
      const lag = Number(params.lagSec);
      const fail = Number(params.failAt);
      // Batches ship at whole seconds and land `lag` later: at t = N + 0.5 the newest applied batch was shipped at
      // N − lag, so the replica lacks (lag + 0.5) s of evenly spaced writes.
      expect(Number(params.cutoffSec)).toBe(Math.floor(fail) - lag);
      expect(Number(params.rpoSec)).toBe(lag + 0.5);
      expect(answer).toBe(Math.floor(fail * w) - (Math.floor(fail) - lag) * w);
      expect(answer).toBe(w * (lag + 0.5));
      seen.add(`${w}/${lag}`);
    }
    expect(seen.size).toBeGreaterThan(8);
  });
});

describe("Day 13: ttl-origin-load", () => {
  it("the measured origin load matches N / (TTL + 1/r) within 3 % over many seeds", () => {
    const gen = generator("ttl-origin-load");
    let worst = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { params, answer } = gen.generate(seed);
      const n = Number(params.objects);
      const ttl = Number(params.ttlSec);
      const r = Number(params.ratePerSec) / n;
      // Each object alternates a TTL (cached) and an exponential wait for its next request (mean 1/r): one miss per
      // cycle, so the origin sees n / (TTL + 1/r) requests per second, and the hit ratio is rT / (1 + rT).
      const expected = n / (ttl + 1 / r);
      const rel = Math.abs(answer - expected) / expected;
      worst = Math.max(worst, rel);
      expect(rel, `seed ${seed}: ${answer} vs ${expected}`).toBeLessThan(0.03);
    }
    expect(worst).toBeGreaterThan(0); // it is a measurement, not the formula
  });

  it("is deterministic and fills the prompt's placeholders", () => {
    const gen = generator("ttl-origin-load");
    const a = gen.generate(7);
    expect(gen.generate(7)).toEqual(a);
    const text = fillTemplate("{objects} objects at {ratePerSec} req/s, TTL {ttlSec} s, one request per object every {gapSec} s", a.params);
    expect(text).not.toMatch(/\{/);
  });
});
