import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { wanRttMs } from "@/lib/sim";
import { MultiRegionFailoverLab } from "@/app/ui/widgets/multi-region-failover-lab";
import {
  CITIES,
  DEFAULT_CONFIG,
  RUN_END_MS,
  SEC_MS,
  WRITES_PER_SEC,
  createLab,
  outageAtMs,
  predictedDetectMs,
  predictedWorstRecoveryMs,
  routeAnswer,
  statusMessage,
  viewLab,
  type LabConfig,
} from "@/app/ui/widgets/multi-region-failover-lab/model";

function run(over: Partial<LabConfig>, seed = 1) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createLab(config, seed);
  h.sim.runUntil(RUN_END_MS);
  return { config, v: viewLab(h) };
}

describe("MultiRegionFailoverLab model", () => {
  it("draws the outage between 4 and 6 minutes, from the seed", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const t = outageAtMs(seed);
      expect(t).toBeGreaterThanOrEqual(240 * SEC_MS);
      expect(t).toBeLessThanOrEqual(360 * SEC_MS);
      expect(t % SEC_MS).toBe(0);
      expect(outageAtMs(seed)).toBe(t);
    }
  });

  it("latency routing picks the lower modelled round trip among healthy Regions; failover routing the healthy primary", () => {
    for (const city of CITIES) {
      const best = wanRttMs(city, "us-east-1") <= wanRttMs(city, "eu-west-1") ? 0 : 1;
      expect(routeAnswer("active-active", city, [true, true])).toBe(best);
      expect(routeAnswer("active-active", city, [false, true])).toBe(1);
      expect(routeAnswer("active-active", city, [true, false])).toBe(0);
      expect(routeAnswer("active-passive", city, [true, true])).toBe(0);
      expect(routeAnswer("active-passive", city, [false, true])).toBe(1);
    }
    expect(routeAnswer("active-active", "london", [true, true])).toBe(1);
    expect(routeAnswer("active-active", "new-york", [true, true])).toBe(0);
  });

  it.each([
    { intervalSec: 30, threshold: 3, ttlSec: 300 },
    { intervalSec: 30, threshold: 3, ttlSec: 60 },
    { intervalSec: 10, threshold: 1, ttlSec: 10 },
    { intervalSec: 10, threshold: 5, ttlSec: 60 },
  ])("detection ≤ threshold × interval, last error < that + TTL (%o)", (dns) => {
    for (const seed of [1, 2, 3]) {
      const { config, v } = run({ ...dns, mode: "active-passive" }, seed);
      expect(v.failed).toBe(true);
      expect(v.detectedAfterMs).not.toBeNull();
      expect(v.detectedAfterMs!).toBeGreaterThan((dns.threshold - 1) * dns.intervalSec * SEC_MS);
      expect(v.detectedAfterMs!).toBeLessThanOrEqual(predictedDetectMs(config));
      expect(v.errors).toBeGreaterThan(0);
      expect(v.lastErrorAfterMs!).toBeLessThan(predictedWorstRecoveryMs(config));
      // After recovery every city is served from eu-west-1.
      for (const c of v.cities) expect(c.region).toBe("eu-west-1");
    }
  });

  it("a shorter TTL means fewer errors and more DNS queries", () => {
    const long = run({ ttlSec: 300 }).v;
    const short = run({ ttlSec: 10 }).v;
    expect(short.errors).toBeLessThan(long.errors);
    expect(short.dnsQueries).toBeGreaterThan(long.dnsQueries * 10);
  });

  it("active-active: only the failed Region's users see errors, and Europe is faster before the outage", () => {
    const ap = run({ mode: "active-passive" }).v;
    const aa = run({ mode: "active-active" }).v;
    expect(aa.errors).toBeLessThan(ap.errors * 0.75);
    const london = (v: typeof aa) => v.cities.find((c) => c.id === "london")!;
    expect(london(aa).errors).toBe(0);
    expect(london(aa).p95BeforeMs!).toBeLessThan(london(ap).p95BeforeMs!);
  });

  it("failing the passive Region costs no user request and no data", () => {
    const { v } = run({ mode: "active-passive", failRegion: "eu-west-1" });
    expect(v.failed).toBe(true);
    expect(v.errors).toBe(0);
    expect(v.loss).toBeNull();
    expect(v.healthy).toEqual([true, false]);
  });

  it("lost writes ≈ write rate × RPO, and RPO grows with the replication lag", () => {
    const low = run({ lag: "low" }).v.loss!;
    const high = run({ lag: "high" }).v.loss!;
    expect(high.rpoMs).toBeGreaterThan(low.rpoMs);
    expect(high.rpoMs).toBeGreaterThanOrEqual(30 * SEC_MS);
    for (const l of [low, high]) expect(Math.abs(l.lostWrites - (WRITES_PER_SEC * l.rpoMs) / SEC_MS)).toBeLessThanOrEqual(WRITES_PER_SEC);
    // Active-active: the failed Region took half the writes.
    const aa = run({ mode: "active-active", lag: "high" }).v.loss!;
    expect(Math.abs(aa.lostWrites - (WRITES_PER_SEC / 2) * (aa.rpoMs / SEC_MS))).toBeLessThanOrEqual(WRITES_PER_SEC / 2);
  });

  it("the status message changes with the run's phase", () => {
    const h = createLab(DEFAULT_CONFIG, 1);
    const paused = { playing: false, ended: false };
    const m0 = statusMessage(DEFAULT_CONFIG, viewLab(h), paused);
    h.sim.runUntil(60 * SEC_MS);
    const m1 = statusMessage(DEFAULT_CONFIG, viewLab(h), paused);
    h.sim.runUntil(RUN_END_MS);
    const m2 = statusMessage(DEFAULT_CONFIG, viewLab(h), { playing: false, ended: true });
    expect(new Set([m0, m1, m2]).size).toBe(3);
    expect(m2).toMatch(/Health check failed after/);
  });

  it("while playing, the status changes only with the phase; pausing announces the numbers", () => {
    const h = createLab(DEFAULT_CONFIG, 1);
    const playing = { playing: true, ended: false };
    const during = (atMs: number) => {
      h.sim.runUntil(atMs);
      return statusMessage(DEFAULT_CONFIG, viewLab(h), playing);
    };
    const start = h.failAtMs;
    const undetected = [during(start + 2 * SEC_MS), during(start + 10 * SEC_MS)];
    expect(undetected[0]).toBe(undetected[1]);
    expect(undetected[0]).toMatch(/outage has started.*Pause to hear the numbers/);
    const detected = [during(start + predictedDetectMs(DEFAULT_CONFIG) + 10 * SEC_MS), during(start + predictedDetectMs(DEFAULT_CONFIG) + 60 * SEC_MS)];
    expect(detected[0]).toBe(detected[1]);
    expect(detected[0]).not.toBe(undetected[0]);
    expect(detected[0]).not.toMatch(/\d+ errors/);
    expect(statusMessage(DEFAULT_CONFIG, viewLab(h), { playing: false, ended: false })).toMatch(/\d+ errors/);
  });
});

describe("MultiRegionFailoverLab component", () => {
  it("renders its root, a live status and labelled controls", () => {
    const html = renderToString(createElement(MultiRegionFailoverLab, { seed: 3, mode: "active-active", ttlSec: 60 }));
    expect(html).toContain('data-widget="MultiRegionFailoverLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Failure threshold");
    expect(html).toContain("DNS record TTL");
    expect(html).toMatch(/aria-label="Routing"/);
  });
});
