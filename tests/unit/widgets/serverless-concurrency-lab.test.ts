import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ServerlessConcurrencyLab } from "@/app/ui/widgets/serverless-concurrency-lab";
import {
  CONTAINER_SLOTS,
  DEFAULT_CONFIG,
  LAB_END_MS,
  PRICES,
  createServerlessLab,
  effectiveProvisioned,
  fleetCapacityPerSec,
  littleConcurrency,
  statusMessage,
  viewServerlessLab,
  type ServerlessConfig,
} from "@/app/ui/widgets/serverless-concurrency-lab/model";

function run(over: Partial<ServerlessConfig>, untilMs = LAB_END_MS, seed = 1) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createServerlessLab(config, seed);
  h.sim.runUntil(untilMs);
  return { config, h, v: viewServerlessLab(h) };
}

describe("ServerlessConcurrencyLab model", () => {
  it("Little's law: the function's average concurrency is close to rate × duration", () => {
    const { v } = run({ ratePerSec: 50, durationMs: 250, spike: "none", init: "light" });
    const expected = littleConcurrency(50, 250); // 12.5
    // Cold starts add a little (the init time counts as concurrency), so allow 15 %.
    expect(v.fn.avgConcurrency!).toBeGreaterThan(expected * 0.9);
    expect(v.fn.avgConcurrency!).toBeLessThan(expected * 1.15);
  });

  it("every arrival is accounted for on both sides", () => {
    const { v } = run({ ratePerSec: 100, spike: "x10", limit: 50, containers: 2 });
    expect(v.fn.served + v.fn.throttled + v.fn.busy).toBe(v.arrivals);
    expect(v.fleet.served + v.fleet.failed + v.fleet.busy + v.fleet.queued).toBe(v.arrivals);
  });

  it("concurrency never exceeds the limit, and a tight limit throttles", () => {
    const { v } = run({ ratePerSec: 50, durationMs: 250, spike: "none", limit: 10 });
    expect(v.fn.peakBusy).toBeLessThanOrEqual(10);
    expect(v.fn.envs).toBeLessThanOrEqual(10);
    expect(v.fn.throttled).toBeGreaterThan(0);
    // Served throughput is capped near limit / duration = 40 requests per second.
    expect(v.fn.served / (LAB_END_MS / 1000)).toBeLessThan(41);
  });

  it("a generous limit never throttles; cold starts happen only when concurrency grows", () => {
    const { v } = run({ ratePerSec: 20, spike: "x10", limit: 1000 });
    expect(v.fn.throttled).toBe(0);
    expect(v.fn.coldStarts).toBe(v.fn.envs);
    expect(v.fn.coldStarts).toBeGreaterThan(littleConcurrency(200, 250));
    expect(v.fn.coldStarts).toBeLessThan(v.arrivals / 20);
  });

  it("enough provisioned concurrency removes cold starts, and costs money even when idle", () => {
    const cold = run({ ratePerSec: 20, spike: "none", provisioned: 0 }).v;
    const warm = run({ ratePerSec: 20, spike: "none", provisioned: 25 }).v;
    expect(cold.fn.coldStarts).toBeGreaterThan(0);
    expect(warm.fn.coldStarts).toBe(0);
    expect(warm.fn.p99Ms!).toBeLessThan(cold.fn.p99Ms!);
    const idle = run({ ratePerSec: 10, spike: "none", provisioned: 100 }).v;
    // 100 GB configured for the whole run costs at least the configured price.
    expect(idle.fn.cost.total).toBeGreaterThan((100 * LAB_END_MS * PRICES.provisionedPerGbSecond) / 1000);
  });

  it("provisioned concurrency is capped by the limit", () => {
    expect(effectiveProvisioned({ ...DEFAULT_CONFIG, limit: 25, provisioned: 50 })).toBe(25);
  });

  it("a fleet below the spike's demand queues, then fails requests; a big one serves them all", () => {
    const small = run({ ratePerSec: 20, spike: "x10", containers: 2 }).v;
    expect(fleetCapacityPerSec({ ...DEFAULT_CONFIG, containers: 2 })).toBe(80);
    expect(small.fleet.peakQueue).toBeGreaterThan(0);
    expect(small.fleet.failed).toBeGreaterThan(0);
    expect(small.fleet.peakBusy).toBeLessThanOrEqual(2 * CONTAINER_SLOTS);
    const big = run({ ratePerSec: 20, spike: "x10", containers: 8 }).v;
    expect(big.fleet.failed).toBe(0);
  });

  it("is deterministic for a seed and the status message changes with the run", () => {
    const a = run({}, 100_000, 7).v;
    const b = run({}, 100_000, 7).v;
    expect(a).toEqual(b);
    const start = statusMessage(DEFAULT_CONFIG, run({}, 0).v, { playing: false, ended: false });
    const end = statusMessage(DEFAULT_CONFIG, run({}).v, { playing: false, ended: true });
    expect(start).toMatch(/Press Play/);
    expect(end).toMatch(/^Run finished/);
  });

  it("renders its controls, status and charts to static markup", () => {
    const html = renderToString(createElement(ServerlessConcurrencyLab, { seed: 3 }));
    expect(html).toContain('data-widget="ServerlessConcurrencyLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Function concurrency limit");
    expect(html).toContain("Provisioned concurrency");
    expect(html).toContain("Requests in flight per 5 s");
    expect(html).toContain("Press Play");
    expect(renderToString(createElement(ServerlessConcurrencyLab, { preset: "steady" }))).toContain("12.5");
  });
});
