import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CapstoneLab } from "@/app/ui/widgets/capstone-lab";
import { BRIEFS, DEFAULT_CONFIG, createLab, endMs, phaseAt, statusMessage, viewLab, type LabConfig } from "@/app/ui/widgets/capstone-lab/model";
import { CAPSTONE_TIMELINE } from "@/lib/sim";

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
