import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FaultToleranceLab } from "@/app/ui/widgets/fault-tolerance-lab";
import {
  DEFAULT_CONFIG,
  createLab,
  crashInstance,
  failAz,
  instanceIds,
  statusMessage,
  viewLab,
  worstDetectionMs,
  type LabConfig,
} from "@/app/ui/widgets/fault-tolerance-lab/model";

function run(over: Partial<LabConfig>, fault: "crash" | "az") {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createLab(config, 1);
  h.sim.runUntil(60_000);
  expect(fault === "crash" ? crashInstance(h) : failAz(h)).toBe(true);
  h.sim.runUntil(180_000);
  return { config, v: viewLab(h) };
}

describe("FaultToleranceLab model", () => {
  it("places instances per AZ as the redundancy option says", () => {
    expect(instanceIds({ ...DEFAULT_CONFIG, redundancy: "4" }).map((t) => t.azId)).toEqual([
      "us-east-1a",
      "us-east-1a",
      "us-east-1b",
      "us-east-1c",
    ]);
  });

  it("no failure, no errors", () => {
    const h = createLab(DEFAULT_CONFIG, 1);
    h.sim.runUntil(60_000);
    const v = viewLab(h);
    expect(v.totals.failed).toBe(0);
    expect(statusMessage(DEFAULT_CONFIG, v, false)).toMatch(/all 3 instances up/);
  });

  it("detection takes about threshold × interval; requests sent to the dead instance fail meanwhile", () => {
    const slow = run({ redundancy: "6", checkIntervalMs: 30_000 }, "crash").v;
    const fast = run({ redundancy: "6", checkIntervalMs: 5_000 }, "crash").v;
    const took = (d: (typeof slow.detections)[number]) => (d.unhealthyAtMs as number) - d.downAtMs;
    expect(took(slow.detections[0]!)).toBeLessThanOrEqual(worstDetectionMs({ ...DEFAULT_CONFIG, checkIntervalMs: 30_000 }));
    expect(took(fast.detections[0]!)).toBeLessThan(took(slow.detections[0]!));
    expect(fast.totals.failedByCause["target-unreachable"]).toBeLessThan(slow.totals.failedByCause["target-unreachable"]);
    expect(slow.totals.failedByCause.timeout).toBe(0); // five survivors carry the load
    // The lesson: with 5-second checks, "detection takes about 12 s and fewer than 1,000 requests fail".
    expect(Math.abs(took(fast.detections[0]!) - 12_000)).toBeLessThanOrEqual(2_000);
    expect(fast.totals.failed).toBeLessThan(1_000);
  });

  it("N+1 for an instance is not N+1 for an AZ: 4 instances overload when us-east-1a fails, 6 do not", () => {
    const four = run({ redundancy: "4", checkIntervalMs: 5_000 }, "az").v;
    const six = run({ redundancy: "6", checkIntervalMs: 5_000 }, "az").v;
    expect(four.totals.failedByCause.timeout).toBeGreaterThan(0);
    expect(six.totals.failedByCause.timeout).toBe(0);
    expect(six.availability!).toBeGreaterThan(four.availability!);
  });

  it("5 instances placed 2 + 2 + 1 are the cheapest option without timeouts when the two-instance AZ fails", () => {
    const five = run({ redundancy: "5", checkIntervalMs: 5_000 }, "az").v;
    expect(five.totals.failedByCause.timeout).toBe(0);
    expect(run({ redundancy: "5", checkIntervalMs: 5_000, retries: true }, "az").v.availabilityWithRetry!).toBeGreaterThanOrEqual(0.99);
  });

  it("the lesson's challenge: 99 % through an AZ outage needs an AZ's worth of spare, fast checks and retries", () => {
    const all = run({ redundancy: "6", checkIntervalMs: 5_000, retries: true }, "az").v;
    expect(all.availabilityWithRetry!).toBeGreaterThanOrEqual(0.99);
    expect(run({ redundancy: "6", checkIntervalMs: 5_000 }, "az").v.availability!).toBeLessThan(0.99);
    expect(run({ redundancy: "6", checkIntervalMs: 30_000, retries: true }, "az").v.availabilityWithRetry!).toBeLessThan(0.99);
  });
});

describe("FaultToleranceLab component", () => {
  it("renders its frame, controls and status without effects", () => {
    const html = renderToString(createElement(FaultToleranceLab, { redundancy: "6", seed: 2 }));
    expect(html).toContain('data-widget="FaultToleranceLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Fail AZ us-east-1a");
    expect(html).toContain("web-c2");
  });
});
