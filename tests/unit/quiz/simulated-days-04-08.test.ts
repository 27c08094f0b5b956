import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

describe("Day 4 and Day 8 simulator-generated questions", () => {
  it("agility-experiments-per-quarter: the engine's count is batch × ⌊quarter ÷ cycle⌋", () => {
    const gen = SIM_NUMERIC_GENERATORS["agility-experiments-per-quarter"];
    if (!gen) throw new Error("missing generator");
    const seen = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) {
      const { params, answer } = gen.generate(seed);
      expect(gen.generate(seed)).toEqual({ params, answer });
      const batch = Number(params.batch);
      const cycle = batch * Number(params.buildDays) + Number(params.leadDays) + Number(params.measureDays);
      expect(Number(params.cycleDays)).toBe(cycle);
      expect(answer).toBe(batch * Math.floor(Number(params.quarterDays) / cycle));
      expect(answer).toBeGreaterThan(0);
      seen.add(answer);
    }
    expect(seen.size).toBeGreaterThan(8);
  });

  it("latency-routing-rtt: the engine picks the nearer Region and its round trip is 2·d ÷ 200 km/ms + 5 ms", () => {
    const gen = SIM_NUMERIC_GENERATORS["latency-routing-rtt"];
    if (!gen) throw new Error("missing generator");
    const cities = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const { params, answer } = gen.generate(seed);
      expect(gen.generate(seed)).toEqual({ params, answer });
      const kmA = Number(params.kmA);
      const kmB = Number(params.kmB);
      expect(Math.min(kmA, kmB)).toBeGreaterThanOrEqual(500);
      expect(params.regionA).not.toBe(params.regionB);
      // The learner's hand calculation from the rounded distances in the prompt.
      const hand = (2 * Math.min(kmA, kmB)) / 200 + 5;
      expect(Math.abs(answer - hand) / hand).toBeLessThan(0.01);
      expect(params.chosen).toBe(kmA <= kmB ? params.regionA : params.regionB);
      cities.add(String(params.city));
    }
    expect(cities.size).toBeGreaterThan(8);
  });

  it("templates fill every placeholder the Day 4 and Day 8 questions use", () => {
    const a = SIM_NUMERIC_GENERATORS["agility-experiments-per-quarter"]!.generate(5);
    expect(fillTemplate("{batch} {buildDays} {leadDays} {measureDays} {quarterDays} {cycleDays}", a.params)).not.toMatch(/\{/);
    const b = SIM_NUMERIC_GENERATORS["latency-routing-rtt"]!.generate(5);
    expect(fillTemplate("{city} {regionA} {kmA} {regionB} {kmB} {chosen}", b.params)).not.toMatch(/\{/);
  });
});
