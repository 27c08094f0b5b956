import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RightSizingLab } from "@/app/ui/widgets/right-sizing-lab";
import {
  CHALLENGES,
  DEFAULT_CONFIG,
  RUN_MS,
  createRightSizing,
  creditMinutes,
  instanceType,
  memoryFits,
  predictedUtilisation,
  runRightSizing,
  statusMessage,
  viewRightSizing,
  type RightSizingConfig,
} from "@/app/ui/widgets/right-sizing-lab/model";

const cfg = (over: Partial<RightSizingConfig>): RightSizingConfig => ({ ...DEFAULT_CONFIG, ...over });

describe("RightSizingLab model", () => {
  it("measured CPU matches offered load ÷ vCPUs (utilisation law)", () => {
    for (const over of [{ typeId: "m.large", count: 3 }, { typeId: "c.xlarge", count: 2 }, { typeId: "m.xlarge", count: 1, ratePerSec: 100 }]) {
      const c = cfg(over);
      const v = runRightSizing(c, 3, 5 * 60_000);
      expect(v.cpu!).toBeCloseTo(predictedUtilisation(c), 1);
      expect(v.failed).toBe(0);
    }
  });

  it("more headroom means lower p95; an overloaded fleet queues without bound", () => {
    const tight = runRightSizing(cfg({ typeId: "m.large", count: 3 }), 1, 5 * 60_000).p95Ms!;
    const roomy = runRightSizing(cfg({ typeId: "m.large", count: 4 }), 1, 5 * 60_000).p95Ms!;
    const over = runRightSizing(cfg({ typeId: "m.xlarge", count: 1 }), 1, 5 * 60_000).p95Ms!;
    expect(roomy).toBeLessThan(tight);
    expect(over).toBeGreaterThan(10 * tight);
  });

  it("a working set that does not fit crash-loops and fails requests; one that fits does not", () => {
    expect(memoryFits(cfg({ typeId: "c.large" }))).toBe(false);
    expect(memoryFits(cfg({ typeId: "m.large" }))).toBe(true);
    const v = runRightSizing(cfg({ typeId: "c.large", count: 4 }), 1, 3 * 60_000);
    expect(v.failed).toBeGreaterThan(0);
  });

  it("standard burstable: throttled when the credits run out, at the time the credit arithmetic predicts", () => {
    // 50 req/s × 20 ms = 1 busy vCPU on a 2-vCPU t.large: 50 % CPU, spends 1.0 credit/min, earns 0.6: 5 credits last 12.5 min.
    const c = cfg({ typeId: "t.large", count: 1, ratePerSec: 50, startCredits: 5 });
    expect(creditMinutes(instanceType("t.large"), 5, 0.5)).toBeCloseTo(12.5, 6);
    const before = runRightSizing(c, 1, 11 * 60_000);
    expect(before.throttleEvents).toBe(0);
    const after = runRightSizing(c, 1, 15 * 60_000);
    expect(after.throttleEvents).toBe(1);
    expect(after.recentP95Ms!).toBeGreaterThan(5 * before.p95Ms!);
    // Unlimited: never throttled, and the surplus is billed.
    const u = runRightSizing({ ...c, creditMode: "unlimited" }, 1, 15 * 60_000);
    expect(u.throttleEvents).toBe(0);
    expect(u.surplusUsd).toBeGreaterThan(0);
    // Surplus rate: (1.0 − 0.6) credits/min = 0.4 vCPU-h per hour × $0.05 = $0.02 an hour.
    expect(u.surplusPerHour).toBeCloseTo(0.02, 2);
  });

  it("each challenge has a configuration that meets it", () => {
    const solutions: [string, Partial<RightSizingConfig>][] = [
      ["fit", { typeId: "m.large", count: 3 }],
      ["memory", { workingSetGiB: 12, ratePerSec: 100, typeId: "m.xlarge", count: 1 }],
      ["burst", { typeId: "t.large", count: 1, ratePerSec: 50, startCredits: 0, creditMode: "unlimited" }],
    ];
    for (const [id, over] of solutions) {
      const c = cfg(over);
      const ch = CHALLENGES.find((x) => x.id === id)!;
      expect(ch.met(c, runRightSizing(c, 1, RUN_MS), true)).toBe(true);
    }
  });
});

describe("RightSizingLab component", () => {
  it("renders its root, settings and status to static markup", () => {
    const html = renderToString(createElement(RightSizingLab, { seed: 2 }));
    expect(html).toContain('data-widget="RightSizingLab"');
    expect(html).toContain('aria-label="Challenges"');
    expect(html).toContain("Not run");
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Instance type");
    expect(html).toContain("Press Play");
  });

  it("the status message changes with the configuration", () => {
    const v = runRightSizing(DEFAULT_CONFIG, 1, 0);
    const paused = { playing: false, ended: false };
    expect(statusMessage(DEFAULT_CONFIG, v, paused)).toContain("does not fit");
    expect(statusMessage(cfg({ typeId: "m.large" }), runRightSizing(cfg({ typeId: "m.large" }), 1, 0), paused)).toContain("fits");
  });

  it("while playing, the status changes only with the phase; a pause announces the numbers", () => {
    const c = cfg({ typeId: "t.large", count: 1, ratePerSec: 50, startCredits: 5 });
    const h = createRightSizing(c, 1);
    const playing = { playing: true, ended: false };
    const at = (ms: number) => {
      h.sim.runUntil(ms);
      return statusMessage(c, viewRightSizing(h), playing);
    };
    const serving = [at(60_000), at(11 * 60_000)];
    expect(serving[0]).toBe(serving[1]);
    expect(serving[0]).toBe("Running 1 × t.large: serving. Pause to hear the numbers.");
    // Credits run out at about 12.5 min; the instance then alternates between throttled and not, the sentence does not.
    const throttled = [at(14 * 60_000), at(16 * 60_000), at(19 * 60_000)];
    expect(new Set(throttled).size).toBe(1);
    expect(throttled[0]).toMatch(/CPU credits ran out/);
    expect(statusMessage(c, viewRightSizing(h), { playing: false, ended: false })).toMatch(/worst 10-second p95 in the last minute \d/);
  });
});
