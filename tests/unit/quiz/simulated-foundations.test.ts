import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS } from "@/lib/quiz/simulated";

const SEEDS = Array.from({ length: 60 }, (_, i) => i * 7919 + 1);
const gen = (name: string) => {
  const g = SIM_NUMERIC_GENERATORS[name];
  if (!g) throw new Error(`missing generator ${name}`);
  return g;
};
const num = (v: number | string | undefined) => Number(v);

describe("simulator questions for days 1, 9, 10 and 11", () => {
  it("on-demand-instance-hours: the scheduled group bills base × off-hours + peak × peak-hours", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen("on-demand-instance-hours").generate(seed);
      expect(answer).toBe(num(params.base) * num(params.offHours) + num(params.peak) * num(params.peakHours));
      expect(answer).toBeLessThan(num(params.owned));
    }
  });

  it("usl-speed-up: the measured speed-up is within 3 % of N / (1 + σ(N − 1) + κN(N − 1))", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const { params, answer } = gen("usl-speed-up").generate(seed);
      const n = num(params.workers);
      const expected = n / (1 + num(params.sigma) * (n - 1) + num(params.kappa) * n * (n - 1));
      expect(Math.abs(answer - expected) / expected).toBeLessThan(0.03);
    }
  });

  it("step-scaling-percent: AWS's step choice and rounding (above 1 down, between 0 and 1 up to 1)", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen("step-scaling-percent").generate(seed);
      const breach = num(params.breach);
      const pct = breach < 10 ? 10 : breach < 25 ? 30 : 50;
      const raw = (num(params.capacity) * pct) / 100;
      const change = raw > 1 ? Math.floor(raw) : 1;
      expect(answer).toBe(num(params.capacity) + change);
    }
  });

  it("health-check-detection: the last failing check starts threshold − 1 intervals after the next check, plus the timeout", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen("health-check-detection").generate(seed);
      const interval = num(params.intervalSec);
      const next = Math.ceil(num(params.crashSec) / interval) * interval;
      expect(answer).toBe(next + (num(params.threshold) - 1) * interval + num(params.timeoutSec) - num(params.crashSec));
    }
  });
});
