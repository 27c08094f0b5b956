import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/sim";
import { PurchaseMixLab } from "@/app/ui/widgets/purchase-mix-lab";
import {
  CHALLENGES,
  COMMIT_DISCOUNT,
  DEFAULT_CONFIG,
  ON_DEMAND_PER_HOUR,
  RUN_HOURS,
  RUN_MS,
  SPOT_DISCOUNT,
  createPurchaseMix,
  dataTransferOutCost,
  runPurchaseMix,
  statusMessage,
  viewPurchaseMix,
  type PurchaseMixConfig,
} from "@/app/ui/widgets/purchase-mix-lab/model";

const run = (c: Partial<PurchaseMixConfig>, seed = 1) => runPurchaseMix({ ...DEFAULT_CONFIG, ...c }, seed);

describe("PurchaseMixLab model", () => {
  const base = run({});

  it("meters exactly the instance-hours the Auto Scaling group bills", () => {
    expect(base.totals.instanceHours).toBeCloseTo(base.handle.group.view().instanceHours, 6);
    expect(base.hours).toHaveLength(RUN_HOURS);
    const sum = base.billed.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(base.totals.instanceHours, 6);
  });

  it("all On-Demand costs instance-hours × the On-Demand price and never runs short", () => {
    expect(base.totals.computeCost).toBeCloseTo(base.totals.instanceHours * ON_DEMAND_PER_HOUR, 6);
    expect(base.totals.computeSavings).toBeCloseTo(0, 9);
    expect(base.totals.shortHours).toBe(0);
    // Diurnal and weekly demand: the busiest hour needs several times the quietest.
    expect(Math.max(...base.billed)).toBeGreaterThan(3 * Math.min(...base.billed));
  });

  it("splits every hour into covered, unused, On-Demand and Spot as the formulas say", () => {
    const commit = 8;
    const v = run({ commitInstances: commit, term: "3y", spotPercent: 50, interruptionsPer1000h: 0 });
    let covered = 0;
    let unused = 0;
    let above = 0;
    for (const u of v.billed) {
      covered += Math.min(commit, u);
      unused += Math.max(0, commit - u);
      above += Math.max(0, u - commit);
    }
    expect(v.totals.committedUsedHours).toBeCloseTo(covered, 6);
    expect(v.totals.unusedCommitHours).toBeCloseTo(unused, 6);
    expect(v.totals.spotHours).toBeCloseTo(above / 2, 6);
    expect(v.totals.onDemandHours).toBeCloseTo(above / 2, 6);
    const expected =
      commit * RUN_HOURS * ON_DEMAND_PER_HOUR * (1 - COMMIT_DISCOUNT["3y"]) +
      (above / 2) * ON_DEMAND_PER_HOUR +
      (above / 2) * ON_DEMAND_PER_HOUR * (1 - SPOT_DISCOUNT);
    expect(v.totals.computeCost).toBeCloseTo(expected, 6);
  });

  it("over-committing wastes money: a plan above the quiet-hour usage leaves hours unused", () => {
    const small = run({ commitInstances: 4, term: "1y" });
    const big = run({ commitInstances: 20, term: "1y" });
    expect(small.totals.unusedCommitHours).toBe(0);
    expect(big.totals.unusedCommitHours).toBeGreaterThan(0.25 * 20 * RUN_HOURS);
    expect(big.totals.computeCost).toBeGreaterThan(small.totals.computeCost);
  });

  it("interruptions average the chosen rate per Spot instance-hour, and one pool fails together", () => {
    let interruptions = 0;
    let spotHours = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const v = run({ spotPercent: 100, interruptionsPer1000h: 10, diversified: true }, seed);
      interruptions += v.totals.interruptions;
      spotHours += v.totals.spotHours;
    }
    const rate = (1000 * interruptions) / spotHours;
    expect(rate).toBeGreaterThan(5);
    expect(rate).toBeLessThan(15);
    const onePool = run({ spotPercent: 100, interruptionsPer1000h: 10, diversified: false });
    const spread = run({ spotPercent: 100, interruptionsPer1000h: 10, diversified: true });
    expect(onePool.totals.shortHours).toBeGreaterThan(0);
    expect(spread.totals.shortHours).toBe(0);
  });

  it("batch work loses up to an hour of task per interruption; web requests lose none", () => {
    const batch = run({ spotPercent: 100, interruptionsPer1000h: 10, workload: "batch", diversified: true });
    expect(batch.totals.lostWorkHours).toBeGreaterThan(0);
    expect(batch.totals.lostWorkHours).toBeLessThanOrEqual(batch.totals.interruptions);
    const web = run({ spotPercent: 100, interruptionsPer1000h: 10, workload: "web", diversified: true });
    expect(web.totals.lostWorkHours).toBe(0);
  });

  it("data transfer: tiers after 100 GB free; inter-AZ charged on both sides", () => {
    expect(dataTransferOutCost(100)).toBe(0);
    expect(dataTransferOutCost(1_100)).toBeCloseTo(90, 9);
    expect(dataTransferOutCost(10_340)).toBeCloseTo(10_240 * 0.09, 6);
    expect(dataTransferOutCost(10_440)).toBeCloseTo(10_240 * 0.09 + 100 * 0.085, 6);
    expect(base.totals.interAzCost).toBeCloseTo(base.totals.interAzGb * 0.02, 9);
    expect(run({ crossAzDatabase: false }).totals.interAzCost).toBe(0);
  });

  it("the needed-instances curve covers every hour and does not depend on the mix", () => {
    expect(base.needed).toHaveLength(RUN_HOURS);
    expect(run({ commitInstances: 8, spotPercent: 50 }).needed).toEqual(base.needed);
    // The group tracks the curve: its busiest hour bills about as many instances as the busiest hour needs.
    expect(Math.max(...base.needed)).toBeCloseTo(Math.max(...base.billed), -1);
  });

  it("while playing, the status changes only with the phase; a pause or the end announces the numbers", () => {
    const config = { ...DEFAULT_CONFIG, spotPercent: 100, interruptionsPer1000h: 10, diversified: true };
    const h = createPurchaseMix(config, 1);
    const playing = { playing: true, ended: false };
    const ready = statusMessage(config, viewPurchaseMix(h), playing);
    expect(ready).toMatch(/^Ready:/);
    const messages = new Set<string>();
    for (let day = 1; day <= 29; day++) {
      h.sim.runUntil(day * DAY_MS);
      messages.add(statusMessage(config, viewPurchaseMix(h), playing));
    }
    // A sentence for the month under way, and one once Spot interruptions have begun: nothing per day or per dollar.
    expect(messages.size).toBeLessThanOrEqual(2);
    for (const m of messages) expect(m).toMatch(/Pause to hear the numbers\.$/);
    expect(statusMessage(config, viewPurchaseMix(h), { playing: false, ended: false })).toMatch(/^Paused on day 30: .*compute so far \$/);
    h.sim.runUntil(RUN_MS);
    expect(statusMessage(config, viewPurchaseMix(h), { playing: false, ended: true })).toMatch(/^Month finished:/);
  });

  it("every challenge is reachable", () => {
    const ok = (c: Partial<PurchaseMixConfig>, id: string) => {
      const cfg = { ...DEFAULT_CONFIG, ...c };
      const spec = CHALLENGES.find((x) => x.id === id)!;
      return spec.met(cfg, runPurchaseMix(cfg, 1));
    };
    expect(ok({ commitInstances: 8, term: "3y" }, "commit-20")).toBe(true);
    expect(ok({ commitInstances: 8, term: "1y" }, "commit-20")).toBe(false);
    expect(ok({ commitInstances: 8, term: "3y", spotPercent: 100, diversified: true, interruptionsPer1000h: 10 }, "web-spot-50")).toBe(true);
    expect(ok({ commitInstances: 12, term: "3y", spotPercent: 10, diversified: true, interruptionsPer1000h: 10, workload: "batch" }, "batch-33")).toBe(true);
  });
});

describe("PurchaseMixLab render", () => {
  it("renders its frame, settings and status without effects", () => {
    const html = renderToString(createElement(PurchaseMixLab, { seed: 3 }));
    expect(html).toContain('data-widget="PurchaseMixLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Savings Plan commitment");
    expect(html).toContain("Ready:");
  });
});
