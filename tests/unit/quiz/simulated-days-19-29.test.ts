import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS } from "@/lib/quiz/simulated";
import { alarmDelayParams, blastRadiusParams } from "@/lib/quiz/generators/observability-chaos";

const SEEDS = Array.from({ length: 80 }, (_, i) => i * 7919 + 3);

describe("alarm-detection-delay (Day 19)", () => {
  const gen = SIM_NUMERIC_GENERATORS["alarm-detection-delay"]!;
  it("fires at the end of the M-th breaching period, counted from the first period the failure pushes over the threshold", () => {
    for (const seed of SEEDS) {
      const p = alarmDelayParams(seed);
      const { answer } = gen.generate(seed);
      // Hand formula: the failing instance gets 1/n of the requests (round robin), so every full period after the
      // failure has an error rate of 100/n % (> threshold); the period it fails in has about (1 − f) of that.
      const k0 = Math.floor(p.failSec / p.periodSec);
      const f = p.failSec / p.periodSec - k0;
      const partialPct = ((1 - f) * 100) / p.instances;
      const firstBreachEnd = (partialPct > p.thresholdPct ? k0 + 1 : k0 + 2) * p.periodSec;
      const expected = firstBreachEnd + (p.datapointsToAlarm - 1) * p.periodSec - p.failSec;
      expect(answer, `seed ${seed} ${JSON.stringify(p)}`).toBeCloseTo(expected, 6);
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(5);
  });
});

describe("chaos-blast-radius-failures (Day 29)", () => {
  const gen = SIM_NUMERIC_GENERATORS["chaos-blast-radius-failures"]!;
  it("matches the requests routed to stopped instances until each is marked unhealthy (within 3 %)", () => {
    for (const seed of SEEDS) {
      const p = blastRadiusParams(seed);
      const { answer } = gen.generate(seed);
      // Target i is checked at i·I/n + j·I. A stopped one is marked unhealthy `threshold` failed checks later: its
      // first check after the kill, plus (threshold − 1) intervals, plus the timeout of the last check.
      const I = p.intervalSec;
      const marks = Array.from({ length: p.killed }, (_, i) => {
        const offset = (i * I) / p.instances;
        const firstCheck = offset + Math.ceil((p.killSec - offset) / I) * I;
        return firstCheck + (p.unhealthyThreshold - 1) * I + p.timeoutSec;
      }).sort((a, b) => a - b);
      // Round robin over the targets still counted healthy: the stopped-but-undetected ones get their share.
      let expected = 0;
      let t = p.killSec;
      marks.forEach((u, m) => {
        expected += (p.ratePerSec * (u - t) * (p.killed - m)) / (p.instances - m);
        t = u;
      });
      // Plus the requests in service on the stopped instances at the moment they stop (20 ms each).
      expected += (p.ratePerSec * 0.02 * p.killed) / p.instances;
      expect(answer, `seed ${seed} ${JSON.stringify(p)}`).toBeGreaterThan(expected * 0.97 - 2);
      expect(answer, `seed ${seed} ${JSON.stringify(p)}`).toBeLessThan(expected * 1.03 + 2);
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(5);
  });
});
