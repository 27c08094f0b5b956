import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DrDrill } from "@/app/ui/widgets/dr-drill";
import {
  DEFAULT_CONFIG,
  HOUR_MS,
  MIN_MS,
  configCostPerHour,
  createDrill,
  failPrimaryRegion,
  plannedRtoMs,
  statusMessage,
  timeline,
  verdict,
  viewDrill,
  worstCaseRpoMs,
  type DrillConfig,
} from "@/app/ui/widgets/dr-drill/model";

function drill(over: Partial<DrillConfig>, failAtMs = 5.5 * HOUR_MS) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createDrill(config, 1);
  h.sim.runUntil(failAtMs);
  expect(failPrimaryRegion(h)).toBe(true);
  expect(failPrimaryRegion(h)).toBe(false); // one disaster per drill
  h.sim.runUntil(12 * HOUR_MS);
  return { config, v: viewDrill(h) };
}

describe("DrDrill model", () => {
  it("backup & restore: RPO is the age of the newest copied backup; RTO matches the plan", () => {
    const { config, v } = drill({ strategy: "backup-restore", backupIntervalMs: 4 * HOUR_MS });
    expect(v.phase).toBe("restored");
    expect(v.primaryRegion).toBe("us-west-2");
    expect(v.incident?.rpoMs).toBe(1.5 * HOUR_MS); // failure at 5 h 30, backup of 4 h 00
    expect(v.incident?.lostWrites).toBe(50 * 1.5 * 3600);
    expect(v.incident?.rtoMs).toBe(plannedRtoMs(config)); // 5 + 15 + max(20 + 50, 60) + 5 = 95 min
    expect(plannedRtoMs(config)).toBe(95 * MIN_MS);
    expect(worstCaseRpoMs(config)).toBe(4 * HOUR_MS + 10 * MIN_MS);
  });

  it("the strategies trade cost for RTO, in the whitepaper's order", () => {
    const strategies = ["backup-restore", "pilot-light", "warm-standby", "active-active"] as const;
    const runs = strategies.map((strategy) => drill({ strategy }).v);
    const rto = runs.map((v) => v.incident!.rtoMs);
    const cost = runs.map((v) => v.costPerHour.total);
    for (let i = 1; i < runs.length; i++) {
      expect(rto[i]).toBeLessThan(rto[i - 1]!);
      expect(cost[i]).toBeGreaterThan(cost[i - 1]!);
    }
  });

  it("the lesson's challenge: warm standby meets RTO ≤ 15 min and RPO ≤ 1 min; pilot light does not, even automated", () => {
    const objectives = { rtoMs: 15 * MIN_MS, rpoMs: MIN_MS };
    const warm = drill({ strategy: "warm-standby", lag: "healthy", multiAz: false }).v;
    expect(verdict(warm.incident!, objectives)).toEqual({ rtoMet: true, rpoMet: true });
    // The lesson's worked example (failure at 05:30, default seed): 13 minutes, and "100 to 150 orders" lost.
    expect(warm.incident!.rtoMs).toBe(13 * MIN_MS);
    expect(warm.incident!.lostWrites).toBeGreaterThanOrEqual(100);
    expect(warm.incident!.lostWrites).toBeLessThanOrEqual(150);
    const pilot = drill({ strategy: "pilot-light", automated: true }).v;
    expect(verdict(pilot.incident!, objectives).rtoMet).toBe(false);
    const lagging = drill({ strategy: "warm-standby", lag: "backlog" }).v;
    expect(verdict(lagging.incident!, objectives).rpoMet).toBe(false);
    expect(configCostPerHour({ ...DEFAULT_CONFIG, strategy: "warm-standby", multiAz: false })).toBeLessThan(
      configCostPerHour({ ...DEFAULT_CONFIG, strategy: "active-active", multiAz: false }),
    );
  });

  it("a Multi-AZ standby costs more but does not help when the whole Region fails", () => {
    const on = drill({ strategy: "pilot-light", multiAz: true }).v;
    const off = drill({ strategy: "pilot-light", multiAz: false }).v;
    expect(on.incident!.rpoMs).toBe(off.incident!.rpoMs);
    expect(on.incident!.rtoMs).toBe(off.incident!.rtoMs);
    expect(on.costPerHour.total).toBeGreaterThan(off.costPerHour.total);
  });

  it("builds a timeline that ends at the RTO, and a status that reports the verdict", () => {
    const { config, v } = drill({ strategy: "warm-standby" });
    const segs = timeline(v.incident!, config.strategy);
    expect(Math.max(...segs.map((s) => s.endMs))).toBe(v.incident!.rtoMs);
    const msg = statusMessage(config, v, { rtoMs: 15 * MIN_MS, rpoMs: MIN_MS }, false);
    expect(msg).toMatch(/Restored after 13 min .*met/);
  });
});

describe("DrDrill component", () => {
  it("renders its frame, controls and status without effects", () => {
    const html = renderToString(createElement(DrDrill, { strategy: "pilot-light", seed: 3 }));
    expect(html).toContain('data-widget="DrDrill"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Fail us-east-1");
    expect(html).toMatch(/Pilot light/);
  });
});
