import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeploymentStrategyLab } from "@/app/ui/widgets/deployment-strategy-lab";
import {
  ALARM_PERIOD_MS,
  BAD_V2_ERROR_RATE,
  DEFAULT_CONFIG,
  DEPLOY_AT_MS,
  FLEET_SIZE,
  INSTANCE_PER_HOUR,
  KEEP_OLD_MS,
  LAB_END_MS,
  LAUNCH_MS,
  RATE_PER_SEC,
  createDeployLab,
  expectedBadFailures,
  rollBack,
  statusMessage,
  viewDeployLab,
  type DeployConfig,
} from "@/app/ui/widgets/deployment-strategy-lab/model";

function run(over: Partial<DeployConfig>, untilMs = LAB_END_MS, seed = 1) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createDeployLab(config, seed);
  h.sim.runUntil(untilMs);
  return { config, h, v: viewDeployLab(h) };
}

describe("DeploymentStrategyLab model", () => {
  it("the lesson's worked example, on the default seed: rolling ≈ 90 v2 failures, all at once ≈ 18,300", () => {
    const rolling = run({ newVersion: "bad", strategy: "rolling", batch: 1 }).v;
    expect(rolling.v2Errors).toBeGreaterThan(70);
    expect(rolling.v2Errors).toBeLessThan(110);
    const allAtOnce = run({ newVersion: "bad", strategy: "all-at-once" }).v;
    expect(allAtOnce.v2Errors + allAtOnce.capacityErrors).toBeGreaterThan(17_500);
    expect(allAtOnce.v2Errors + allAtOnce.capacityErrors).toBeLessThan(19_000);
  });

  it("a good version rolls out everywhere with no alarm", () => {
    for (const strategy of ["all-at-once", "rolling", "blue-green", "canary"] as const) {
      const { v } = run({ strategy, newVersion: "good", batch: 1 });
      expect(v.phase, strategy).toBe("done");
      expect(v.detectedAtMs).toBeNull();
      expect(v.instances.every((i) => i.version === 2 && i.state === "in-service")).toBe(true);
      expect(v.instances).toHaveLength(FLEET_SIZE);
    }
  });

  it("rolling takes one launch time per batch; all at once removes all capacity for one launch time", () => {
    for (const batch of [1, 2, 3]) {
      const { v } = run({ strategy: "rolling", batch, newVersion: "good" });
      // The last batch finishes after ceil(N / batch) launches; then the bake.
      expect(v.doneAtMs).toBe(DEPLOY_AT_MS + Math.ceil(FLEET_SIZE / batch) * LAUNCH_MS + KEEP_OLD_MS);
      expect(v.minCapacity).toBeCloseTo((FLEET_SIZE - batch) / FLEET_SIZE, 9);
    }
    const all = run({ strategy: "all-at-once", newVersion: "good" }).v;
    expect(all.minCapacity).toBe(0);
    // Every request during the launch time fails with 503: about rate × launch time.
    expect(all.capacityErrors).toBeGreaterThan(0.9 * RATE_PER_SEC * (LAUNCH_MS / 1000));
    expect(all.capacityErrors).toBeLessThan(1.1 * RATE_PER_SEC * (LAUNCH_MS / 1000));
  });

  it("blue/green keeps full capacity and pays for a second fleet while both run", () => {
    const { v } = run({ strategy: "blue-green", newVersion: "good" });
    expect(v.minCapacity).toBe(1);
    expect(v.capacityErrors).toBe(0);
    // The green fleet exists from the start of the deployment until the blue one is terminated.
    expect(v.extraInstanceHours).toBeCloseTo((FLEET_SIZE * (LAUNCH_MS + KEEP_OLD_MS)) / 3_600_000, 6);
    expect(v.extraCost).toBeCloseTo(v.extraInstanceHours * INSTANCE_PER_HOUR, 9);
  });

  it("a bad canary is caught at the first alarm period boundary and its failures match rate × share × error rate × exposure", () => {
    const { v, config } = run({ strategy: "canary", canaryPct: 10, newVersion: "bad" });
    const exposed = DEPLOY_AT_MS + LAUNCH_MS;
    expect(v.detectedAtMs).toBe(Math.ceil((exposed + 1) / ALARM_PERIOD_MS) * ALARM_PERIOD_MS);
    expect(v.phase).toBe("rolled-back");
    const expected = expectedBadFailures(RATE_PER_SEC, config.canaryPct / 100, BAD_V2_ERROR_RATE, v.detectedAtMs! - exposed);
    // Poisson traffic and random errors: within a generous band of the expectation.
    expect(v.v2Errors).toBeGreaterThan(expected * 0.5);
    expect(v.v2Errors).toBeLessThan(expected * 1.5 + 10);
  });

  it("the blast radius grows with exposure: canary < blue/green, and automatic rollback limits both", () => {
    const canary = run({ strategy: "canary", newVersion: "bad" }).v;
    const bg = run({ strategy: "blue-green", newVersion: "bad" }).v;
    const noRollback = run({ strategy: "blue-green", newVersion: "bad", autoRollback: false }).v;
    expect(canary.v2Errors).toBeLessThan(bg.v2Errors);
    expect(bg.v2Errors).toBeLessThan(noRollback.v2Errors);
    expect(noRollback.phase).toBe("done");
  });

  it("an in-place rollback redeploys v1 everywhere", () => {
    const { v } = run({ strategy: "rolling", batch: 2, newVersion: "bad" });
    expect(v.phase).toBe("rolled-back");
    expect(v.instances.every((i) => i.version === 1 && i.state === "in-service")).toBe(true);
    expect(v.recoveredAtMs!).toBeGreaterThan(v.detectedAtMs!);
  });

  it("a manual rollback during the canary switches traffic back at once", () => {
    const h = createDeployLab({ ...DEFAULT_CONFIG, strategy: "canary", newVersion: "good" }, 2);
    h.sim.runUntil(DEPLOY_AT_MS + LAUNCH_MS + 30_000);
    rollBack(h);
    h.sim.runUntil(LAB_END_MS);
    const v = viewDeployLab(h);
    expect(v.phase).toBe("rolled-back");
    expect(v.recoveredAtMs).toBe(DEPLOY_AT_MS + LAUNCH_MS + 30_000);
    expect(v.buckets[v.buckets.length - 1]!.v2Share).toBe(0);
  });

  it("the seed decides an unknown version, and keeps the verdict hidden until the run shows it", () => {
    const verdicts = new Set(Array.from({ length: 20 }, (_, s) => createDeployLab({ ...DEFAULT_CONFIG, newVersion: "random" }, s + 1).bad));
    expect(verdicts.size).toBe(2);
    expect(run({ newVersion: "random" }, 60_000).v.bad).toBeNull();
  });

  it("is deterministic, and the status message follows the run", () => {
    expect(run({}, 400_000, 5).v).toEqual(run({}, 400_000, 5).v);
    expect(statusMessage(DEFAULT_CONFIG, run({}, 0).v, { playing: false, ended: false })).toMatch(/Press Play/);
    expect(statusMessage(DEFAULT_CONFIG, run({}).v, { playing: false, ended: true })).toMatch(/^Run finished: rolled back/);
  });

  it("renders to static markup", () => {
    const html = renderToString(createElement(DeploymentStrategyLab, { seed: 3 }));
    expect(html).toContain('data-widget="DeploymentStrategyLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Roll back now");
    expect(html).toContain("Rolling batch size");
    expect(renderToString(createElement(DeploymentStrategyLab, { preset: "canary" }))).toContain("canary, 10 % for 5 min");
  });
});
