import { describe, expect, it } from "vitest";
import { SIM_CONFIG_SCENARIOS, SIM_NUMERIC_GENERATORS } from "@/lib/quiz/simulated";
import { capstoneBrief, capstoneReference, designValues } from "@/lib/quiz/generators/capstone";
import { CAPSTONE_PRICES } from "@/lib/sim";

describe("capstone-cost-per-hour", () => {
  const gen = SIM_NUMERIC_GENERATORS["capstone-cost-per-hour"]!;

  it("matches the hand formula: web + load balancer + database nodes + recovery Region", () => {
    const storage = (20 * CAPSTONE_PRICES.backupStoragePerGiBMonth) / 730; // 20 GiB of backups, per hour
    for (let seed = 1; seed <= 60; seed++) {
      const { params, answer } = gen.generate(seed);
      const n = Number(params.instances);
      const web = n * CAPSTONE_PRICES.instancePerHour;
      const db = Number(params.dbNodes) * CAPSTONE_PRICES.dbInstancePerHour;
      const recovery = CAPSTONE_PRICES.dbInstancePerHour + Number(params.standbyInstances) * CAPSTONE_PRICES.instancePerHour + storage;
      const hand = web + CAPSTONE_PRICES.loadBalancerPerHour + db + recovery;
      expect(Math.abs(answer - hand)).toBeLessThanOrEqual(0.006);
      expect(Number(params.instances)).toBe(Number(params.azCount) * Number(params.instancesPerAz));
    }
  });

  it("is deterministic per seed", () => {
    expect(gen.generate(7)).toEqual(gen.generate(7));
  });
});

describe("capstone-design (sim-config)", () => {
  const scenario = SIM_CONFIG_SCENARIOS["capstone-design"]!;

  it("the best answer meets every target, over many seeds (every brief and peak)", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const { brief, load } = capstoneBrief(seed);
      seen.add(`${brief.dr}/${load.peakRps}`);
      const best = scenario.bestAnswer(seed);
      const outcome = scenario.grade(seed, best.values);
      expect(outcome.fraction, `seed ${seed}: ${outcome.summary}`).toBe(1);
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it("gives partial credit per target and says which were missed, with numbers", () => {
    const seed = 3;
    const { brief } = capstoneBrief(seed);
    // A single-AZ database and no DR: availability, RTO and RPO are missed; latency and cost are met.
    const weak = { ...designValues(capstoneReference(brief.dr)), database: "single", dr: "none" };
    const outcome = scenario.grade(seed, weak);
    expect(outcome.fraction).toBeCloseTo(2 / 5, 10);
    expect(outcome.summary).toMatch(/Missed: Availability \d+\.\d\d %/);
    expect(outcome.summary).toMatch(/RTO \(Region lost\) never/);
  });

  it("an overloaded web tier misses the latency target at the highest peak", () => {
    const seed = Array.from({ length: 60 }, (_, i) => i + 1).find((s) => capstoneBrief(s).load.peakRps === 75)!;
    const { brief } = capstoneBrief(seed);
    const small = { ...designValues(capstoneReference(brief.dr)), instancesPerAz: "1" };
    const outcome = scenario.grade(seed, small);
    expect(outcome.fraction).toBeLessThan(1);
    expect(outcome.summary).toMatch(/Missed:.*p95 latency/);
  });

  it("rejects incomplete answers", () => {
    expect(scenario.grade(1, { azCount: "3" }).fraction).toBe(0);
  });

  it("offers one select per design choice, with the best answer among the options", () => {
    const fields = scenario.fields(1);
    const best = scenario.bestAnswer(1).values;
    for (const f of fields) expect(f.options.map((o) => o.value)).toContain(best[f.name]);
    expect(Object.keys(scenario.params(1))).toEqual(expect.arrayContaining(["peakRps", "rto", "rpo", "budget"]));
  });
});
