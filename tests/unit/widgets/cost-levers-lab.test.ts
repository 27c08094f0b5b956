import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CostLeversLab } from "@/app/ui/widgets/cost-levers-lab";
import {
  BASELINE,
  CHALLENGES,
  COLD_GB,
  COLD_READ_GB_PER_WEEK,
  HOT_GB,
  MEAN_SERVICE_MS,
  NONPROD_INSTANCES,
  RUN_HOURS,
  SLO_P95_MS,
  STORAGE_TIERS,
  baselineWeeklyCost,
  pricePerInstanceHour,
  probeHour,
  runCostLevers,
  storageCostPerWeek,
  summarise,
  type CostLeversConfig,
} from "@/app/ui/widgets/cost-levers-lab/model";

const run = (c: Partial<CostLeversConfig>, seed = 1) => runCostLevers({ ...BASELINE, ...c }, seed);
const LONG = 120_000;

describe("CostLeversLab model", () => {
  it("bills a fixed fleet and always-on staging as instances × price × 168 h, and probes every hour", { timeout: LONG }, () => {
    const v = run({});
    const price = pricePerInstanceHour("xlarge", "x86");
    expect(v.totals.prodCompute).toBeCloseTo(BASELINE.fixedInstances * price * RUN_HOURS, 6);
    expect(v.totals.nonProdCompute).toBeCloseTo(NONPROD_INSTANCES * price * RUN_HOURS, 6);
    expect(v.totals.total).toBeCloseTo(baselineWeeklyCost(), 6);
    expect(v.hours).toHaveLength(RUN_HOURS);
    // Oversized: the baseline meets the objective with most of its vCPUs idle.
    expect(v.totals.sloMet).toBe(true);
    expect(v.totals.utilisation!).toBeLessThan(0.3);
  });

  it("prices storage as GB-months prorated over 730 hours plus retrievals", () => {
    for (const tier of Object.keys(STORAGE_TIERS) as (keyof typeof STORAGE_TIERS)[]) {
      const s = storageCostPerWeek(tier);
      const monthly = HOT_GB * 0.023 + COLD_GB * STORAGE_TIERS[tier].perGbMonth;
      expect(s.storage).toBeCloseTo((monthly * 168) / 730, 9);
      expect(s.retrieval).toBeCloseTo(COLD_READ_GB_PER_WEEK * STORAGE_TIERS[tier].retrievalPerGb, 9);
    }
    expect(storageCostPerWeek("glacier-ir").total).toBeLessThan(storageCostPerWeek("standard").total);
  });

  it("measures utilisation by the utilisation law: λ × service time ÷ vCPUs", () => {
    for (const [instances, vcpu, rps] of [
      [8, 2, 200],
      [4, 4, 250],
      [12, 1, 150],
    ] as const) {
      const p = probeHour(17, instances, vcpu, rps);
      const expected = (rps * MEAN_SERVICE_MS) / 1000 / (instances * vcpu);
      expect(Math.abs(p.utilisation - expected), `${instances}×${vcpu} at ${rps}/s`).toBeLessThan(0.05);
      expect(p.failed).toBe(0);
    }
  });

  it("an hour with no instance in service has no capacity: every request fails", () => {
    const p = probeHour(17, 0, 2, 100);
    expect(p.instances).toBe(0);
    expect(p.arrived).toBeGreaterThan(1_000);
    expect(p.failed).toBe(p.arrived);
    expect(p.p95Ms).toBeNull();
  });

  it("prices the unit cost per million requests served, failures excluded", () => {
    const probe = { hour: 0, instances: 1, demandRps: 5, arrived: 100, failed: 20, p95Ms: 50, utilisation: 0.2 };
    const t = summarise(BASELINE, [probe], 3, 0, 1);
    expect(t.served).toBe(80 * 180); // 20 s sampled of each 3 600 s hour
    expect(t.costPerMillion).toBeCloseTo((3 / (80 * 180)) * 1e6, 9);
    expect(summarise(BASELINE, [{ ...probe, failed: 100 }], 3, 0, 1).costPerMillion).toBeNull();
  });

  it("the worked example halves the bill and keeps the objective; one lever too far breaks it", { timeout: LONG }, () => {
    const worked = run({ size: "large", scheduleNonProd: true, coldTier: "glacier-ir" });
    const price = pricePerInstanceHour("large", "x86");
    expect(worked.totals.nonProdCompute).toBeCloseTo(NONPROD_INSTANCES * price * 60, 6);
    expect(worked.totals.sloMet).toBe(true);
    expect(worked.totals.worstP95Ms!).toBeLessThan(SLO_P95_MS);
    // The lesson: right-sized to `large`, "the worst hour's p95 is still only about 110 ms" (default seed).
    expect(worked.totals.worstP95Ms!).toBeGreaterThan(95);
    expect(worked.totals.worstP95Ms!).toBeLessThan(125);
    expect(CHALLENGES.find((c) => c.id === "cut-half")!.met({ ...BASELINE, size: "large", scheduleNonProd: true, coldTier: "glacier-ir" }, worked)).toBe(true);
    // 6 large instances: 12 vCPUs for a 12-vCPU peak, utilisation ≈ 1 in the busiest hours.
    const tooSmall = run({ size: "large", fixedInstances: 6 });
    expect(tooSmall.totals.hoursOverSlo).toBeGreaterThan(0);
    expect(tooSmall.totals.sloMet).toBe(false);
    // The lesson: p95 climbs to "about 0.8–1.2 s in the lab, depending on the run".
    expect(tooSmall.totals.worstP95Ms!).toBeGreaterThan(750);
    expect(tooSmall.totals.worstP95Ms!).toBeLessThan(1_250);
    // Glacier Flexible Retrieval is cheaper still, but old reports no longer open at once.
    expect(storageCostPerWeek("glacier-flexible").total).toBeLessThan(storageCostPerWeek("glacier-ir").total);
    expect(STORAGE_TIERS["glacier-flexible"].instant).toBe(false);
  });

  it("target tracking follows demand: cheaper than the peak-sized fleet, and a higher target runs fewer instance-hours", { timeout: LONG }, () => {
    const t50 = run({ size: "large", capacity: "target-tracking", targetCpu: 50 });
    const t80 = run({ size: "large", capacity: "target-tracking", targetCpu: 80 });
    const fixedPeak = 8 * pricePerInstanceHour("large", "x86") * RUN_HOURS;
    expect(t50.totals.prodCompute).toBeLessThan(fixedPeak);
    expect(t80.totals.prodCompute).toBeLessThan(t50.totals.prodCompute);
    expect(t80.totals.utilisation!).toBeGreaterThan(t50.totals.utilisation!);
    // The group tracks its target: average utilisation within 15 points of it (it lags ramps, and never goes below 2).
    expect(Math.abs(t50.totals.utilisation! - 0.5)).toBeLessThan(0.15);
    expect(Math.min(...t50.instances)).toBeGreaterThanOrEqual(2);
  });
});

describe("CostLeversLab component", () => {
  it("renders its frame, settings and status without running", () => {
    const html = renderToString(createElement(CostLeversLab, { seed: 3 }));
    expect(html).toContain('data-widget="CostLeversLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Press Play to run the week");
    expect(html).toContain("Lifecycle rule");
  });
});
