import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResilientTierLab } from "@/app/ui/widgets/resilient-tier-lab";
import {
  DEFAULT_CONFIG,
  OUTAGE,
  RUN_MS,
  TARGETS,
  createTier,
  runTier,
  statusMessage,
  viewTier,
  type TierConfig,
} from "@/app/ui/widgets/resilient-tier-lab/model";

const cfg = (over: Partial<TierConfig>): TierConfig => ({ ...DEFAULT_CONFIG, ...over });

describe("ResilientTierLab model", () => {
  it("the default (1 per AZ, no scaling) fails the drill badly", () => {
    const v = runTier(DEFAULT_CONFIG, 1);
    expect(v.verdict.pass).toBe(false);
    expect(v.availability!).toBeLessThan(0.9);
  });

  it("the AZ outage takes that AZ's instances; the group replaces them in the other AZs", () => {
    const h = createTier(cfg({ perAz: 3 }), 1);
    h.sim.runUntil(OUTAGE.startMs + 1);
    const during = viewTier(h);
    expect(during.azs[0]!.inService).toBe(0);
    expect(during.azs[0]!.up).toBe(false);
    h.sim.runUntil(OUTAGE.startMs + 4 * 60_000);
    const later = viewTier(h);
    expect(later.azs[0]!.inService).toBe(0);
    expect(later.azs[1]!.inService + later.azs[2]!.inService).toBe(9);
    // The load balancer stopped routing to the dead AZ: no healthy targets there.
    expect(later.azs[0]!.healthy).toBe(0);
  });

  it("3 per AZ, target tracking at 60 %, round robin and 5 s health checks passes every target", () => {
    const best = cfg({ perAz: 3, scaling: 60, algorithm: "round-robin", checkIntervalMs: 5_000 });
    for (const seed of [1, 2, 3]) {
      expect(runTier(best, seed).verdict, `seed ${seed}`).toEqual({ p95: true, availability: true, cost: true, pass: true });
      // A fixed 4 per AZ is fast and available enough, but costs too much.
      const fixed = runTier({ ...best, perAz: 4, scaling: "off" }, seed);
      expect(fixed.verdict.p95 && fixed.verdict.availability).toBe(true);
      expect(fixed.verdict.cost).toBe(false);
    }
  });

  it("slower health checks, and least outstanding requests toward fast-failing dead targets, cost availability", () => {
    const best = cfg({ perAz: 3, scaling: 60, algorithm: "round-robin", checkIntervalMs: 5_000 });
    const a = runTier(best, 1).availability!;
    const slow = runTier({ ...best, checkIntervalMs: 30_000 }, 1).availability!;
    const lor = runTier({ ...best, algorithm: "least-outstanding" }, 1);
    expect(slow).toBeLessThan(a);
    expect(lor.availability!).toBeLessThan(a);
    expect(lor.service.totals.failedByCause["target-unreachable"]).toBeGreaterThan(runTier(best, 1).service.totals.failedByCause["target-unreachable"]);
  });

  it("a fixed 3 per AZ keeps most requests but its p95 blows up while an AZ is down during the spike", () => {
    const v = runTier(cfg({ perAz: 3, scaling: "off" }), 1);
    expect(v.verdict.p95).toBe(false);
    expect(v.p95Ms!).toBeGreaterThan(TARGETS.p95Ms);
  });

  it("bills the group's instance-hours", () => {
    const v = runTier(cfg({ perAz: 2, scaling: "off" }), 1);
    expect(v.costPerHour).toBeCloseTo(6 * 0.1, 6);
    expect(v.nowMs).toBe(RUN_MS);
  });

  it("announces each phase, then the verdict", () => {
    const h = createTier(cfg({ perAz: 3, scaling: 60, checkIntervalMs: 5_000 }), 1);
    const messages = [statusMessage(h.config, viewTier(h), false)];
    for (const m of [1, 4, 9, 13, 14]) {
      h.sim.runUntil(m * 60_000);
      messages.push(statusMessage(h.config, viewTier(h), false));
    }
    h.sim.runUntil(RUN_MS);
    messages.push(statusMessage(h.config, viewTier(h), true));
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages.at(-1)).toMatch(/Drill passed/);
  });
});

describe("ResilientTierLab component", () => {
  it("renders its frame, status and labelled controls", () => {
    const html = renderToString(createElement(ResilientTierLab, { perAz: 2 }));
    expect(html).toContain('data-widget="ResilientTierLab"');
    expect(html).toContain('data-testid="widget-status"');
    const selects = [...html.matchAll(/<select[^>]*id="([^"]+)"/g)];
    expect(selects.length).toBeGreaterThanOrEqual(4);
    for (const m of selects) expect(html).toContain(`for="${m[1]}"`);
    expect(html).toContain("Ready: 2 per AZ (6 to start)");
  });
});
