import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS } from "@/lib/quiz/simulated";

const SEEDS = Array.from({ length: 60 }, (_, i) => i * 104729 + 3);
const gen = (name: string) => {
  const g = SIM_NUMERIC_GENERATORS[name];
  if (!g) throw new Error(`missing generator ${name}`);
  return g;
};
const num = (v: number | string | undefined) => Number(v);

describe("simulator questions for days 16, 17 and 18", () => {
  it("measured-availability: the answer is 1 − downtime ÷ total, and runs vary around the series formula", () => {
    let sum = 0;
    for (const seed of SEEDS) {
      const { params, answer } = gen("measured-availability").generate(seed);
      expect(Math.abs(answer - (1 - num(params.downMin) / num(params.totalMin)) * 100)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(num(params.downMin)).toBeGreaterThan(0);
      sum += answer;
    }
    // Not a fidelity test (tests/unit/sim has those): the measured values must sit in a plausible band.
    expect(sum / SEEDS.length).toBeGreaterThan(98);
    expect(sum / SEEDS.length).toBeLessThan(100);
  });

  it("retry-amplification: attempts per second are within 4 % of rate × (1 + p + … + p^retries)", () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const { params, answer } = gen("retry-amplification").generate(seed);
      const p = num(params.p);
      let factor = 0;
      for (let i = 0; i <= num(params.maxRetries); i++) factor += p ** i;
      const expected = num(params.ratePerSec) * factor;
      expect(Math.abs(answer - expected) / expected).toBeLessThan(0.04);
    }
  });

  it("backup-copy-rpo: the newest backup whose copy arrived before the failure sets the RPO", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen("backup-copy-rpo").generate(seed);
      const [h, m] = String(params.failClock).split(":").map(Number) as [number, number];
      // The failure is on the second day, so yesterday's backups count too.
      const failMin = 24 * 60 + h * 60 + m;
      const interval = num(params.intervalH) * 60;
      let taken = Math.floor(failMin / interval) * interval;
      while (taken + num(params.copyMin) > failMin) taken -= interval;
      expect(answer).toBe(failMin - taken);
    }
  });
});
