import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WellArchitectedExplorer } from "@/app/ui/widgets/well-architected-explorer";
import {
  CACHE_PER_HOUR,
  DEFAULT_ARCHITECTURE,
  DEMAND_PER_SEC,
  LB_PER_HOUR,
  OUTAGE_AT_MS,
  OUTAGE_MS,
  RUN_END_MS,
  SIZES,
  costPerHour,
  createRun,
  formatUsdCents,
  meanWorkMs,
  offeredUtilisation,
  statusMessage,
  verdicts,
  viewRun,
  DEFAULT_TARGETS,
  type Architecture,
} from "@/app/ui/widgets/well-architected-explorer/model";

function run(a: Partial<Architecture>, seed = 1) {
  const arch = { ...DEFAULT_ARCHITECTURE, ...a };
  const h = createRun(arch, seed);
  h.sim.runUntil(RUN_END_MS);
  return viewRun(h);
}

describe("WellArchitectedExplorer model", () => {
  it("the lesson's table of four designs (default seed), within the rounding the table states", () => {
    const rows: [Architecture, number, number, number, number][] = [
      // design, availability, p95 ms, cost/h, utilisation
      [{ azCount: 1, perAz: 3, size: "xlarge", cache: false }, 0.74, 245, 0.6, 0.6],
      [{ azCount: 3, perAz: 2, size: "xlarge", cache: false }, 0.99, 180, 1.17, 0.4],
      [{ azCount: 3, perAz: 2, size: "large", cache: true }, 0.99, 130, 0.73, 0.27],
      [{ azCount: 3, perAz: 1, size: "large", cache: true }, 0.99, 240, 0.45, 0.53],
    ];
    for (const [a, availability, p95Ms, cost, utilisation] of rows) {
      const v = run(a);
      expect(Math.abs(v.availability! - availability)).toBeLessThan(0.006);
      expect(Math.abs(v.p95Ms! - p95Ms)).toBeLessThan(0.05 * p95Ms);
      expect(formatUsdCents(costPerHour(a))).toBe(`$${cost.toFixed(2)}`); // what the widget shows
      expect(Math.abs(v.utilisation! - utilisation)).toBeLessThan(0.02);
    }
  });

  it("prices the design from its parts", () => {
    const a: Architecture = { azCount: 3, perAz: 2, size: "large", cache: true };
    expect(costPerHour(a)).toBeCloseTo(6 * SIZES.large.perHour + CACHE_PER_HOUR + LB_PER_HOUR, 10);
    expect(costPerHour({ ...a, size: "xlarge", perAz: 1 })).toBeCloseTo(costPerHour({ ...a, cache: true }), 10);
  });

  it("measured utilisation follows the utilisation law (X · S ÷ workers) before the outage", () => {
    for (const a of [
      { azCount: 3, perAz: 2, size: "xlarge", cache: false },
      { azCount: 2, perAz: 3, size: "large", cache: true },
    ] as Architecture[]) {
      const h = createRun(a, 2);
      h.sim.runUntil(OUTAGE_AT_MS);
      const v = viewRun(h);
      const expected = offeredUtilisation(a, a.azCount * a.perAz);
      expect(Math.abs(v.utilisation! - expected)).toBeLessThan(0.03);
      expect(v.availability!).toBeGreaterThan(0.999);
    }
    expect(meanWorkMs({ cache: true })).toBeLessThan(meanWorkMs({ cache: false }));
  });

  it("one AZ: the AZ outage takes the whole service down for its 5 of 20 minutes", () => {
    const v = run({ azCount: 1, perAz: 3, size: "xlarge" });
    const downFraction = OUTAGE_MS / RUN_END_MS;
    expect(v.availability!).toBeGreaterThan(1 - downFraction - 0.02);
    expect(v.availability!).toBeLessThan(1 - downFraction + 0.01);
  });

  it("spreading over 3 AZs with headroom keeps availability above 98.5 %; only detection-time requests fail", () => {
    const v = run({ azCount: 3, perAz: 2, size: "xlarge", cache: false });
    expect(v.availability!).toBeGreaterThan(0.985);
    // With ALB-default health checks a dead target keeps getting its share for 35–65 s: about a third of the traffic.
    const maxFailed = (DEMAND_PER_SEC * 65) / 3;
    expect(v.failed).toBeLessThan(maxFailed * 1.2);
    expect(v.failed).toBeGreaterThan(0);
  });

  it("pillars trade: the cheapest reliable design is slower; caching buys performance and cost at once", () => {
    const lean = run({ azCount: 3, perAz: 1, size: "large", cache: true });
    const roomy = run({ azCount: 3, perAz: 2, size: "large", cache: true });
    expect(lean.costPerHour).toBeLessThan(roomy.costPerHour);
    expect(lean.p95Ms!).toBeGreaterThan(roomy.p95Ms!);
    expect(lean.utilisation!).toBeGreaterThan(roomy.utilisation!);
    const noCache = run({ azCount: 3, perAz: 2, size: "xlarge", cache: false });
    expect(roomy.costPerHour).toBeLessThan(noCache.costPerHour);
    expect(roomy.p95Ms!).toBeLessThan(noCache.p95Ms!);
  });

  it("the lesson's all-pillar challenge has a solution and the default misses it", () => {
    const targets = { minAvailability: 0.985, maxP95Ms: 200, maxCostPerHour: 0.8, minUtilisation: 0.25 };
    const good = verdicts(run({ azCount: 3, perAz: 2, size: "large", cache: true }), targets);
    expect(good).toEqual({ reliability: true, performance: true, cost: true, sustainability: true });
    const dflt = verdicts(run({}), targets);
    expect(dflt.reliability).toBe(false);
  });

  it("an overloaded survivor set times requests out", () => {
    const a: Architecture = { azCount: 2, perAz: 3, size: "large", cache: false };
    expect(offeredUtilisation(a, 3)).toBeGreaterThan(1);
    const v = run(a);
    expect(v.availability!).toBeLessThan(0.9);
  });

  it("the status message changes as the run and the architecture change", () => {
    const a = DEFAULT_ARCHITECTURE;
    const h = createRun(a, 1);
    const paused = { playing: false, ended: false };
    const m0 = statusMessage(a, viewRun(h), DEFAULT_TARGETS, paused);
    h.sim.runUntil(OUTAGE_AT_MS + 60_000);
    const m1 = statusMessage(a, viewRun(h), DEFAULT_TARGETS, paused);
    h.sim.runUntil(RUN_END_MS);
    const m2 = statusMessage(a, viewRun(h), DEFAULT_TARGETS, { playing: false, ended: true });
    const b: Architecture = { ...a, cache: true };
    const m3 = statusMessage(b, viewRun(createRun(b, 1)), DEFAULT_TARGETS, paused);
    expect(new Set([m0, m1, m2, m3]).size).toBe(4);
    expect(m1).toMatch(/us-east-1a is down/);
    expect(m1).toMatch(/availability \d+\.\d\d %/);
    expect(m2).toMatch(/of 4 pillar targets met/);
  });

  it("while playing, the status changes only with the outage's phase", () => {
    const a = DEFAULT_ARCHITECTURE;
    const h = createRun(a, 1);
    const playing = { playing: true, ended: false };
    const at = (ms: number) => {
      h.sim.runUntil(ms);
      return statusMessage(a, viewRun(h), DEFAULT_TARGETS, playing);
    };
    const phases = [
      [at(60_000), at(OUTAGE_AT_MS - 10_000)],
      [at(OUTAGE_AT_MS + 10_000), at(OUTAGE_AT_MS + OUTAGE_MS - 10_000)],
      [at(OUTAGE_AT_MS + OUTAGE_MS + 10_000), at(RUN_END_MS - 10_000)],
    ];
    for (const [first, last] of phases) {
      expect(first).toBe(last);
      expect(first).toMatch(/Pause to hear the numbers\.$/);
      expect(first).not.toMatch(/availability|p95/);
    }
    expect(new Set(phases.map((p) => p[0])).size).toBe(3);
  });
});

describe("WellArchitectedExplorer component", () => {
  it("renders its root, a live status and labelled controls", () => {
    const html = renderToString(createElement(WellArchitectedExplorer, { seed: 2, azCount: 3 }));
    expect(html).toContain('data-widget="WellArchitectedExplorer"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Availability Zones");
    expect(html).toContain("Instance size");
    expect(html).toContain("In-memory cache");
  });
});
