import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CapstoneLab } from "@/app/ui/widgets/capstone-lab";
import { BRIEFS, DEFAULT_CONFIG, createLab, endMs, phaseAt, statusMessage, viewLab, type LabConfig } from "@/app/ui/widgets/capstone-lab/model";
import { CAPSTONE_BUCKET_MS, CAPSTONE_TIMELINE, measureCapstone } from "@/lib/sim";

function finish(config: LabConfig, seed = 1) {
  const h = createLab(config, seed);
  h.sim.runUntil(endMs(config));
  return viewLab(h);
}

describe("CapstoneLab model", () => {
  it("the default draft fails on its single points of failure", () => {
    const v = finish(DEFAULT_CONFIG);
    const met = Object.fromEntries(v.checks.map((c) => [c.id, c.met]));
    expect(met.availability).toBe(false); // single-AZ database: down for the whole AZ outage
    expect(met.rto).toBe(false);
    expect(statusMessage(DEFAULT_CONFIG, v, true)).toMatch(/^Drill finished: \d of 5 targets met\. Missed: availability/);
  });

  it("each brief can be met in full (the lesson's challenges)", () => {
    const designs: Record<keyof typeof BRIEFS, Partial<LabConfig>> = {
      shop: { azCount: 3, instancesPerAz: 1, scaling: "target-tracking", dr: "warm-standby" },
      booking: { azCount: 3, instancesPerAz: 2, scaling: "fixed", dr: "pilot-light" },
      reporting: { azCount: 3, instancesPerAz: 1, scaling: "fixed", dr: "backup-restore" },
    };
    for (const brief of Object.keys(designs) as (keyof typeof BRIEFS)[]) {
      const config: LabConfig = { ...DEFAULT_CONFIG, brief, checkIntervalMs: 10_000, algorithm: "least-outstanding", database: "multi-az-cluster", ...designs[brief] };
      const v = finish(config, 2);
      expect(v.checks.filter((c) => !c.met).map((c) => `${c.label} ${c.measured}`), brief).toEqual([]);
      // Frozen at the Region failure: availability and cost do not drift during the DR phase.
      expect(v.measurement.regionFailed).toBe(true);
      expect(v.drPhase).toBe("restored");
    }
  });

  it("the lesson's worked example (online shop, default seed): the three drafts measure as the lesson says", () => {
    const first = finish(DEFAULT_CONFIG).measurement;
    expect(Math.abs(first.availability! - 0.52)).toBeLessThan(0.01);
    expect(first.cost.total).toBeCloseTo(0.87, 2);
    const second = finish({ ...DEFAULT_CONFIG, database: "multi-az", dr: "warm-standby" }).measurement;
    expect(Math.abs(second.availability! - 0.86)).toBeLessThan(0.01);
    expect(second.p95Ms!).toBeGreaterThan(2_500);
    const third: LabConfig = { ...DEFAULT_CONFIG, azCount: 3, scaling: "target-tracking", checkIntervalMs: 10_000, algorithm: "least-outstanding", database: "multi-az-cluster", dr: "warm-standby" };
    const m = finish(third).measurement;
    expect(Math.abs(m.availability! - 0.9875)).toBeLessThan(0.0015);
    expect(Math.abs(m.p95Ms! - 200)).toBeLessThan(15);
    expect(m.rtoMs).toBe(13 * 60_000);
    expect(m.rpoMs!).toBeLessThanOrEqual(3_000);
    expect(m.cost.total).toBeCloseTo(3.14, 2);
    // With the default 30-second checks it lands right on the 98.5 % line.
    expect(Math.abs(finish({ ...third, checkIntervalMs: 30_000 }).measurement.availability! - 0.985)).toBeLessThan(0.001);
  });

  it("shows a target as not run, neither met nor missed, until the run has measured it", () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, dr: "warm-standby" };
    const h = createLab(config, 1);
    const start = viewLab(h).checks;
    expect(start.map((c) => c.state)).toEqual(["not-run", "not-run", "not-run", "not-run", "not-run"]);
    expect(start.map((c) => c.measured)).toEqual(["not run yet", "not run yet", "not drilled yet", "not drilled yet", "not run yet"]);
    h.sim.runUntil(20 * 60_000);
    const mid = Object.fromEntries(viewLab(h).checks.map((c) => [c.id, c.state]));
    expect(mid.availability).not.toBe("not-run");
    expect(mid.latency).not.toBe("not-run");
    expect(mid.cost).not.toBe("not-run");
    expect(mid.rto).toBe("not-run");
    h.sim.runUntil(endMs(config));
    expect(viewLab(h).checks.filter((c) => c.state === "not-run")).toEqual([]);
  });

  it("freezes the drill's measurement at the Region failure and keeps only the DR drill live; the chart adds up to it", () => {
    const config: LabConfig = { ...DEFAULT_CONFIG, dr: "warm-standby" };
    const h = createLab(config, 4);
    h.sim.runUntil(CAPSTONE_TIMELINE.regionOutageAtMs + 1);
    const atFailure = viewLab(h);
    const servedInChart = atFailure.series.servedPerSec.reduce((sum, x) => sum + (x * CAPSTONE_BUCKET_MS) / 1000, 0);
    expect(servedInChart).toBeCloseTo(atFailure.measurement.served, 6);
    h.sim.runUntil(endMs(config));
    const end = viewLab(h);
    const live = measureCapstone(h.run);
    expect(end.measurement).toEqual({ ...atFailure.measurement, nowMs: live.nowMs, rtoMs: live.rtoMs, rpoMs: live.rpoMs, lostWrites: live.lostWrites });
    expect(end.measurement.rtoMs).not.toBeNull();
    expect(end.measurement.peakInService).toBe(live.peakInService); // nothing launches in a failed Region
  });

  it("names the phases of the break and announces them", () => {
    expect(phaseAt(0)).toBe("steady");
    expect(phaseAt(CAPSTONE_TIMELINE.crashAtMs + 1)).toBe("crashed");
    expect(phaseAt(CAPSTONE_TIMELINE.azOutageAtMs + 1)).toBe("az-outage");
    expect(phaseAt(CAPSTONE_TIMELINE.regionOutageAtMs)).toBe("region-outage");
    const h = createLab(DEFAULT_CONFIG, 1);
    expect(statusMessage(DEFAULT_CONFIG, viewLab(h), false)).toMatch(/Press Play/);
    h.sim.runUntil(CAPSTONE_TIMELINE.azOutageAtMs + 60_000);
    const v = viewLab(h);
    expect(statusMessage(DEFAULT_CONFIG, v, false)).toMatch(/us-east-1a is down.*not accepting writes/);
    expect(v.topology.regions[0]!.azs).toHaveLength(2);
  });
});

describe("CapstoneLab component", () => {
  it("renders its frame, design controls, checks and status without effects", () => {
    const html = renderToString(createElement(CapstoneLab, { brief: "booking", seed: 3 }));
    expect(html).toContain('data-widget="CapstoneLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Disaster recovery (us-west-2)");
    expect(html).toContain("Booking site");
    expect(html).toContain("p95 latency");
  });
});
