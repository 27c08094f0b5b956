import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AutoScalingLab } from "@/app/ui/widgets/auto-scaling-lab";
import {
  CHALLENGES,
  DEFAULT_CONFIG,
  PEAK_RPS,
  RUN_MINUTES,
  challengeMet,
  cpuPercent,
  groupConfig,
  runScalingLab,
  type ScalingLabConfig,
} from "@/app/ui/widgets/auto-scaling-lab/model";

const run = (c: Partial<ScalingLabConfig>) => runScalingLab({ ...DEFAULT_CONFIG, ...c });

describe("AutoScalingLab model", () => {
  it("samples every minute of the run and charges per instance-hour", () => {
    const v = run({ mode: "fixed", fixedCapacity: 15 });
    expect(v.minutes).toHaveLength(RUN_MINUTES);
    // 15 instances × 3 h × $0.10 = $4.50, and 15 × 100 rps covers the 1,200 rps peak at 80 % CPU.
    expect(v.totals.costUsd).toBeCloseTo(4.5, 9);
    expect(v.totals.hotMinutes).toBe(0);
    expect(Math.max(...v.demandRps)).toBe(PEAK_RPS);
  });

  it("a fixed group too small for the spike runs hot and drops requests", () => {
    const v = run({ mode: "fixed", fixedCapacity: 8 });
    expect(v.totals.hotMinutes).toBeGreaterThan(30);
    expect(v.totals.unserved).toBeGreaterThan(0);
  });

  it("target tracking scales out fast and back in, staying inside [min, max]", () => {
    const v = run({});
    expect(v.totals.peakInService).toBeGreaterThan(20);
    expect(Math.max(...v.desired)).toBeLessThanOrEqual(DEFAULT_CONFIG.maxSize);
    expect(v.inService[v.inService.length - 1]).toBeLessThan(v.totals.peakInService);
    expect(v.totals.hotMinutes).toBeLessThanOrEqual(5);
  });

  it("a cap on the maximum leaves the spike unserved", () => {
    expect(run({ maxSize: 10 }).totals.unserved).toBeGreaterThan(run({}).totals.unserved);
  });

  it("slower launches mean more hot minutes", () => {
    expect(run({ launchSeconds: 600 }).totals.hotMinutes).toBeGreaterThan(run({ launchSeconds: 60 }).totals.hotMinutes);
  });

  it("the lesson's challenges are reachable, and not by the defaults", () => {
    const [first, second] = CHALLENGES;
    expect(challengeMet(first!, run({}))).toBe(false);
    expect(challengeMet(first!, run({ targetCpu: 60, scheduledBoost: true, scheduledMin: 12 }))).toBe(true);
    expect(challengeMet(second!, run({ targetCpu: 70, scheduledBoost: true, scheduledMin: 16 }))).toBe(true);
    expect(challengeMet(second!, run({ mode: "fixed", fixedCapacity: 15 }))).toBe(false);
  });

  it("builds valid groups for every mode", () => {
    for (const mode of ["fixed", "target-tracking", "step"] as const) {
      const g = groupConfig({ ...DEFAULT_CONFIG, mode, minSize: 5, maxSize: 4 });
      expect(g.minSize).toBeLessThanOrEqual(g.desiredCapacity);
      expect(g.desiredCapacity).toBeLessThanOrEqual(g.maxSize);
    }
    expect(run({ mode: "step" }).totals.activities).toBeGreaterThan(3);
  });

  it("cpuPercent caps at 100 and handles an empty group", () => {
    expect(cpuPercent(400, 8)).toBe(50);
    expect(cpuPercent(2000, 8)).toBe(100);
    expect(cpuPercent(100, 0)).toBe(100);
    expect(cpuPercent(0, 0)).toBe(0);
  });
});

describe("AutoScalingLab component", () => {
  it("renders its frame, status and controls without effects", () => {
    const html = renderToString(createElement(AutoScalingLab, { seed: 3 }));
    expect(html).toContain('data-widget="AutoScalingLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Target tracking at 50 %");
    expect(html).toContain('type="range"');
  });

  it("starts in the preset's mode", () => {
    const html = renderToString(createElement(AutoScalingLab, { preset: "fixed" }));
    expect(html).toContain("Fixed capacity of 8 instances");
  });
});
