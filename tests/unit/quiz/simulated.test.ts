import { describe, expect, it } from "vitest";
import { SIM_CONFIG_SCENARIOS, SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";
import { minReplicasToSurviveAzLoss } from "@/lib/sim";

describe("simulator-generated questions", () => {
  it("az-outage-survivors: the engine's answer is the replicas outside the failed AZ, and is deterministic", () => {
    const gen = SIM_NUMERIC_GENERATORS["az-outage-survivors"];
    if (!gen) throw new Error("missing generator");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { params, answer } = gen.generate(seed);
      expect(gen.generate(seed)).toEqual({ params, answer });
      const replicas = Number(params.replicas);
      const azCount = Number(params.azCount);
      expect(answer).toBe(replicas - replicas / azCount);
      seen.add(`${azCount}x${replicas}`);
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it("token-bucket-accepted: the engine agrees with the hand formula", () => {
    const gen = SIM_NUMERIC_GENERATORS["token-bucket-accepted"];
    if (!gen) throw new Error("missing generator");
    for (let seed = 1; seed <= 60; seed++) {
      const { params, answer } = gen.generate(seed);
      const burst = Number(params.burst);
      const rate = Number(params.ratePerSec);
      const gap = Number(params.gapMs);
      const later = Number(params.later);
      // Burst empties the bucket at t = 0; afterwards a request at t passes when a whole token has refilled since
      // the last accepted one.
      let tokens = 0;
      let last = 0;
      let acceptedLater = 0;
      for (let i = 1; i <= later; i++) {
        const t = i * gap;
        tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
        last = t;
        if (tokens >= 1 - 1e-9) {
          tokens -= 1;
          acceptedLater++;
        }
      }
      expect(answer).toBe(burst + acceptedLater);
    }
  });

  it("survive-az-loss: the best answer earns full marks, more replicas half, too few or one AZ nothing", () => {
    const scenario = SIM_CONFIG_SCENARIOS["survive-az-loss"];
    if (!scenario) throw new Error("missing scenario");
    for (let seed = 1; seed <= 12; seed++) {
      const { required } = scenario.params(seed) as { required: number };
      const minimum = minReplicasToSurviveAzLoss(required, 3) ?? 0;
      const best = scenario.bestAnswer(seed);
      expect(scenario.grade(seed, best.values).fraction).toBe(1);
      expect(scenario.grade(seed, { replicas: String(minimum + 1), placement: "spread" }).fraction).toBe(0.5);
      expect(scenario.grade(seed, { replicas: String(minimum - 1), placement: "spread" }).fraction).toBe(0);
      expect(scenario.grade(seed, { replicas: "9", placement: "single-az" }).fraction).toBe(0);
      expect(scenario.grade(seed, { replicas: "banana", placement: "spread" }).fraction).toBe(0);
    }
  });

  it("fills templates and leaves unknown names alone", () => {
    expect(fillTemplate("{a} of {b} in {c}", { a: 4, b: "six" })).toBe("4 of six in {c}");
    expect(fillTemplate("{n|day|days}, {m|day|days}, {z|day|days}", { n: 1, m: 3 })).toBe("1 day, 3 days, {z|day|days}");
  });
});
