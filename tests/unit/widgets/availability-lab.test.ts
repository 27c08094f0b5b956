import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AvailabilityLab } from "@/app/ui/widgets/availability-lab";
import {
  DEFAULT_CONFIG,
  SAMPLES,
  azAwareFormula,
  downtimeHoursPerYear,
  formatAvailability,
  formatDowntime,
  independentFormula,
  normalize,
  runAvailabilityLab,
  type AvailabilityLabConfig,
} from "@/app/ui/widgets/availability-lab/model";

const cfg = (c: Partial<AvailabilityLabConfig>) => ({ ...DEFAULT_CONFIG, ...c });

describe("AvailabilityLab formulas", () => {
  it("one of everything is the product of the parts", () => {
    const lb = 8_760 / 8_760.25;
    const app = 720 / 720.5;
    const db = 4_380 / 4_384;
    expect(independentFormula(DEFAULT_CONFIG)).toBeCloseTo(lb * app * db, 12);
  });

  it("two instances that are both needed are worse than one", () => {
    expect(independentFormula(cfg({ instances: 2, needed: 2 }))).toBeLessThan(independentFormula(DEFAULT_CONFIG));
    expect(independentFormula(cfg({ instances: 2, needed: 1 }))).toBeGreaterThan(independentFormula(DEFAULT_CONFIG));
  });

  it("the AZ-aware formula equals the independent one without AZ outages, and is lower with them", () => {
    const c = cfg({ instances: 3, needed: 2, azs: 3, dbStandby: true });
    expect(azAwareFormula(c)).toBeCloseTo(independentFormula(c), 14);
    const oneAz = { ...c, azs: 1 as const, azOutages: true };
    const threeAz = { ...c, azOutages: true };
    expect(azAwareFormula(oneAz)).toBeLessThan(azAwareFormula(threeAz));
    expect(azAwareFormula(oneAz)).toBeLessThan(independentFormula(oneAz));
  });

  it("normalizes impossible settings", () => {
    expect(normalize(cfg({ instances: 2, needed: 5 })).needed).toBe(2);
    expect(normalize(cfg({ instances: 0 })).instances).toBe(1);
  });
});

describe("AvailabilityLab simulation", () => {
  it("converges on the formula over 100 simulated years", () => {
    for (const c of [cfg({ years: 100 }), cfg({ years: 100, instances: 3, needed: 2, azs: 1, dbStandby: true, azOutages: true })]) {
      const v = runAvailabilityLab(c, 7);
      expect(Math.abs(v.measured - v.azAware)).toBeLessThan(0.0003);
      expect(v.samples).toHaveLength(SAMPLES + 1);
      expect(v.outages).toBeGreaterThan(10);
    }
  });

  it("is deterministic for a seed", () => {
    expect(runAvailabilityLab(cfg({ years: 1 }), 3).measured).toBe(runAvailabilityLab(cfg({ years: 1 }), 3).measured);
  });

  it("spreading over AZs recovers most of what AZ outages cost", () => {
    const base = { instances: 3, needed: 2, dbStandby: true, azOutages: true, years: 100 };
    const one = runAvailabilityLab(cfg({ ...base, azs: 1 }), 1);
    const three = runAvailabilityLab(cfg({ ...base, azs: 3 }), 1);
    expect(three.measured).toBeGreaterThan(one.measured);
  });
});

describe("AvailabilityLab formatting", () => {
  it("shows the nines and downtime a year", () => {
    expect(formatAvailability(0.9999)).toBe("99.9900 %");
    expect(formatAvailability(0.99)).toBe("99.00 %");
    expect(formatDowntime(downtimeHoursPerYear(0.9999))).toBe("52.6 min");
    expect(formatDowntime(downtimeHoursPerYear(0.999))).toBe("8 h 46 min");
  });
});

describe("AvailabilityLab component", () => {
  it("renders its frame, status and controls without effects", () => {
    const html = renderToString(createElement(AvailabilityLab, { seed: 1 }));
    expect(html).toContain('data-widget="AvailabilityLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Ready: 1 app instance (need 1)");
    expect(html).toContain('type="range"');
  });

  it("starts from the redundant preset", () => {
    const html = renderToString(createElement(AvailabilityLab, { preset: "redundant" }));
    expect(html).toContain("3 app instances (need 2) over 3 AZs");
  });
});
