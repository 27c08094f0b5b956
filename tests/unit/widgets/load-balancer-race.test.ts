import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LoadBalancerRace, raceStatus } from "@/app/ui/widgets/load-balancer-race/load-balancer-race";
import {
  DEFAULT_RACE,
  HEALTH_CHECKS,
  createRace,
  detectionMs,
  detectionWindowMs,
  errorsPerSecond,
  setServerUp,
  viewRace,
  type RaceConfig,
} from "@/app/ui/widgets/load-balancer-race/model";

function run(config: RaceConfig, seed: number, failAtMs: number | null, endMs: number) {
  const h = createRace(config, seed);
  if (failAtMs !== null) {
    h.sim.runUntil(failAtMs);
    setServerUp(h, 1, false);
  }
  h.sim.runUntil(endMs);
  return viewRace(h);
}

describe("LoadBalancerRace model", () => {
  it("feeds both sides exactly the same arrivals", () => {
    const v = run(DEFAULT_RACE, 5, null, 30_000);
    expect(v.a.service.series.arrived).toEqual(v.b.service.series.arrived);
    expect(v.a.service.totals.arrived).toBeGreaterThan(0);
  });

  it("least outstanding requests beats round robin on unequal servers (the lesson's first challenge)", () => {
    for (const seed of [1, 2, 3]) {
      const v = run(DEFAULT_RACE, seed, null, 120_000);
      const rr = v.a.service.totals.latency!.p99Ms;
      const lor = v.b.service.totals.latency!.p99Ms;
      expect(lor).toBeLessThan(0.5 * rr);
      // Round robin overloads the half-speed server.
      expect(v.a.service.targets[3]!.utilisation!).toBeGreaterThan(0.97);
    }
  });

  it("marks a dead server unhealthy within the health-check window, and round robin keeps sending to it until then", () => {
    for (const preset of ["alb-default", "fast"] as const) {
      const config: RaceConfig = { ...DEFAULT_RACE, speeds: [1, 1, 1, 1], loadFraction: 0.6, healthCheck: preset };
      const v = run(config, 1, 30_000, 150_000);
      const window = detectionWindowMs(HEALTH_CHECKS[preset].spec);
      const detected = detectionMs(v.a, "server-2");
      expect(detected).not.toBeNull();
      expect(detected!).toBeGreaterThanOrEqual(window.minMs);
      expect(detected!).toBeLessThanOrEqual(window.maxMs);
      const unreachable = v.a.service.totals.failedByCause["target-unreachable"];
      expect(unreachable).toBeGreaterThan(0);
      // Challenge 2: fast checks keep the failure's errors under 600 on the round-robin side; ALB defaults do not.
      if (preset === "fast") expect(v.a.errors).toBeLessThan(600);
      else expect(v.a.errors).toBeGreaterThan(600);
      expect(errorsPerSecond(v.a.service).reduce((x, y) => x + y, 0)).toBe(v.a.errors);
    }
  });

  it("ALB-default detection window is 35–65 s", () => {
    expect(detectionWindowMs(HEALTH_CHECKS["alb-default"].spec)).toEqual({ minMs: 35_000, maxMs: 65_000 });
  });
});

describe("LoadBalancerRace status and markup", () => {
  it("announces the phases the learner causes", () => {
    const h = createRace(DEFAULT_RACE, 1);
    const ready = raceStatus(DEFAULT_RACE, viewRace(h), false);
    expect(ready).toMatch(/^Ready/);
    h.sim.runUntil(20_000);
    const running = raceStatus(DEFAULT_RACE, viewRace(h), false);
    expect(running).toMatch(/lower p95|same p95/);
    setServerUp(h, 0, false);
    const failed = raceStatus(DEFAULT_RACE, viewRace(h), false);
    expect(failed).toMatch(/server-1 is down/);
    h.sim.runUntil(100_000);
    expect(raceStatus(DEFAULT_RACE, viewRace(h), false)).toMatch(/marked server-1 unhealthy/);
    setServerUp(h, 0, true);
    expect(raceStatus(DEFAULT_RACE, viewRace(h), false)).toMatch(/back up/);
    expect(raceStatus(DEFAULT_RACE, viewRace(h), true)).toMatch(/^Race finished/);
  });

  it("renders its root, status and labelled controls on the server", () => {
    const html = renderToString(createElement(LoadBalancerRace, { seed: 3 }));
    expect(html).toContain('data-widget="LoadBalancerRace"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Load balancer A algorithm");
    expect(html).toContain("Fail server-4");
  });
});
