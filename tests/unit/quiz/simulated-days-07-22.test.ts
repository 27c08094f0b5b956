import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

function generator(id: string) {
  const gen = SIM_NUMERIC_GENERATORS[id];
  if (!gen) throw new Error(`missing generator ${id}`);
  return gen;
}

describe("Day 7: shared-nat-egress-success", () => {
  it("the measured success share matches n(60 − D) / (n(60 − D) + (n − 1)D) within 2 points over many seeds", () => {
    const gen = generator("shared-nat-egress-success");
    const seen = new Set<string>();
    let worst = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { params, answer } = gen.generate(seed);
      const n = Number(params.azCount);
      const d = Number(params.outageMin);
      // Every AZ calls for the 60 − D minutes the NAT gateway's AZ is up; during the outage the first AZ's instances
      // are down (no calls) and the other n − 1 AZs' calls all fail.
      const expected = (100 * n * (60 - d)) / (n * (60 - d) + (n - 1) * d);
      worst = Math.max(worst, Math.abs(answer - expected));
      expect(Math.abs(answer - expected), `seed ${seed}: ${answer} vs ${expected}`).toBeLessThan(2);
      expect(Number(params.attempted)).toBeGreaterThan(Number(params.succeeded));
      seen.add(`${n}/${d}`);
    }
    expect(worst).toBeGreaterThan(0); // a measurement, not the formula
    expect(seen.size).toBeGreaterThan(8);
  });

  it("is deterministic and fast, and fills the prompt's placeholders", () => {
    const gen = generator("shared-nat-egress-success");
    const a = gen.generate(11);
    expect(gen.generate(11)).toEqual(a);
    const text = fillTemplate("{azCount} AZs, {ratePerSec}/s, outage {outageMin} min from {startMin} to {endMin}, {others} others", a.params);
    expect(text).not.toMatch(/\{/);
  });
});

describe("Day 22: waf-rate-rule-allowed-rps", () => {
  it("the measured allowed rate matches users + every source under the limit, within 8 % over many seeds", () => {
    const gen = generator("waf-rate-rule-allowed-rps");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const { params, answer } = gen.generate(seed);
      const limit = Number(params.limit);
      // Each address is blocked exactly when its requests per 5-minute window exceed the limit: users send 30, the
      // office 30 per person, a bot 300 × its rate. Once settled, only the addresses under the limit get through.
      const expected =
        Number(params.usersRate) +
        (Number(params.officePerWindow) <= limit ? Number(params.officeRate) : 0) +
        (Number(params.botPerWindow) <= limit ? Number(params.bots) * Number(params.botRate) : 0);
      const rel = Math.abs(answer - expected) / expected;
      expect(rel, `seed ${seed}: ${answer} vs ${expected}`).toBeLessThan(0.08);
      seen.add(`${Number(params.officePerWindow) <= limit}/${Number(params.botPerWindow) <= limit}`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it("is deterministic, fast, and fills its placeholders", () => {
    const gen = generator("waf-rate-rule-allowed-rps");
    const a = gen.generate(5);
    expect(gen.generate(5)).toEqual(a);
    expect(fillTemplate("{users} {officeUsers} {bots} {botRate} {limit} {botPerWindow} {officePerWindow}", a.params)).not.toMatch(/\{/);
  });
});
