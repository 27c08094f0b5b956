import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScalingCurve, scalingStatus } from "@/app/ui/widgets/scaling-curve/scaling-curve";
import {
  GOOD_FIT,
  MAX_VERTICAL_WORKERS,
  RUN_MS,
  WORKLOADS,
  X1_PER_SEC,
  amdahlSpeedup,
  cheapestMeeting,
  createScaling,
  fitError,
  uslCapacity,
  uslPeak,
  viewScaling,
  type WorkloadId,
} from "@/app/ui/widgets/scaling-curve/model";

function measured(id: WorkloadId, seed = 1) {
  const h = createScaling(id, seed);
  h.sim.runUntil(RUN_MS);
  return viewScaling(h);
}

describe("scaling formulas", () => {
  it("USL with κ = 0 is Amdahl's law, and the lesson's worked examples hold", () => {
    for (const n of [1, 2, 7, 16, 64]) expect(uslCapacity(n, 0.05, 0)).toBeCloseTo(amdahlSpeedup(n, 0.05), 10);
    expect(amdahlSpeedup(16, 0.05)).toBeCloseTo(9.14, 2);
    expect(amdahlSpeedup(8, 0.1)).toBeCloseTo(4.71, 2);
    expect(uslPeak(0.03, 0.002)).toBeCloseTo(22.02, 1);
    expect(uslPeak(0.02, 0.0005)).toBeCloseTo(44.27, 1);
    expect(uslPeak(0.1, 0)).toBe(Infinity);
    expect(20 * uslCapacity(22, 0.03, 0.002)).toBeCloseTo(172, 0);
  });

  it("the USL peak is the maximum of C(N)", () => {
    const peak = uslPeak(0.05, 0.001);
    const n = Math.round(peak);
    expect(uslCapacity(n, 0.05, 0.001)).toBeGreaterThan(uslCapacity(n - 3, 0.05, 0.001));
    expect(uslCapacity(n, 0.05, 0.001)).toBeGreaterThan(uslCapacity(n + 3, 0.05, 0.001));
  });
});

describe("ScalingCurve measurements", () => {
  it.each(Object.keys(WORKLOADS) as WorkloadId[])("%s: measured throughput follows the workload's USL (a good fit)", (id) => {
    const v = measured(id);
    const w = WORKLOADS[id];
    expect(fitError(v.horizontal, w.sigma, w.kappa)!).toBeLessThan(GOOD_FIT);
    expect(fitError(v.vertical, w.sigma, w.kappa)!).toBeLessThan(GOOD_FIT);
    expect(v.vertical.every((m) => m.workers <= MAX_VERTICAL_WORKERS)).toBe(true);
    // A clearly wrong model fits badly.
    expect(fitError(v.horizontal, 0, 0)!).toBeGreaterThan(0.1);
  });

  it("backs the lesson's challenges", () => {
    const lock = measured("shared-lock");
    expect(cheapestMeeting(lock.vertical, 150)).toBeNull();
    const h = cheapestMeeting(lock.horizontal, 150)!;
    expect(h.pricePerHour).toBeLessThan(1.1);
    const stateless = measured("stateless");
    expect(cheapestMeeting(stateless.horizontal, 400)!.workers).toBe(32);
    const last = stateless.horizontal[stateless.horizontal.length - 1]!;
    expect(last.efficiency!).toBeGreaterThan(0.6);
    expect(lock.horizontal[lock.horizontal.length - 1]!.efficiency!).toBeLessThan(0.2);
    const chatty = measured("chatty");
    const best = chatty.horizontal.reduce((a, b) => ((b.throughputPerSec ?? 0) > (a.throughputPerSec ?? 0) ? b : a));
    expect(best.workers).toBeGreaterThanOrEqual(16);
    expect(best.workers).toBeLessThanOrEqual(32);
    expect(X1_PER_SEC).toBe(20);
  });

  it("status changes with the learner's model", () => {
    const v = measured("chatty");
    const good = scalingStatus(v, { sigma: 0.03, kappa: 0.002 }, "chatty", true, 150);
    const bad = scalingStatus(v, { sigma: 0.05, kappa: 0 }, "chatty", true, 150);
    expect(good).toMatch(/good fit/);
    expect(bad).not.toBe(good);
    expect(bad).not.toMatch(/good fit/);
    expect(scalingStatus(viewScaling(createScaling("chatty", 1)), { sigma: 0.05, kappa: 0 }, "chatty", false, 150)).toMatch(/^Ready/);
  });

  it("renders its root, status and labelled controls on the server", () => {
    const html = renderToString(createElement(ScalingCurve, { seed: 2, workload: "stateless" }));
    expect(html).toContain('data-widget="ScalingCurve"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Contention σ");
  });
});

describe("ScalingCurve status while playing", () => {
  it("announces the phase, not numbers that change every frame", () => {
    const h = createScaling("chatty", 1);
    h.sim.runUntil(4_000);
    const v = viewScaling(h);
    expect(scalingStatus(v, { sigma: 0.03, kappa: 0.002 }, "chatty", false, 150, true)).toMatch(/^Measuring/);
    expect(scalingStatus(v, { sigma: 0.03, kappa: 0.002 }, "chatty", false, 150, false)).toMatch(/^Paused.*off by/);
  });
});
