import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CacheLab } from "@/app/ui/widgets/cache-lab";
import {
  CATALOGUE_SIZE,
  DEFAULT_CONFIG,
  HIT_LATENCY_MS,
  cacheCapacity,
  costPerHour,
  createCacheLab,
  flushCache,
  headShare,
  idealHitRatio,
  originCapacityPerSec,
  statusMessage,
  viewCacheLab,
  zipfCdf,
  type CacheConfig,
} from "@/app/ui/widgets/cache-lab/model";

function run(over: Partial<CacheConfig>, untilMs = 600_000, flushAtMs: number | null = null) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createCacheLab(config, 1);
  if (flushAtMs !== null) {
    h.sim.runUntil(flushAtMs);
    flushCache(h);
  }
  h.sim.runUntil(untilMs);
  return { config, h, v: viewCacheLab(h) };
}

describe("CacheLab model", () => {
  it("Zipf table: sums to 1, the head dominates, steeper skew concentrates more", () => {
    const cdf = zipfCdf(CATALOGUE_SIZE, 1);
    expect(cdf[CATALOGUE_SIZE - 1]).toBeCloseTo(1, 12);
    // Top 10 % of a Zipf(1) catalogue of 5 000: H(500) / H(5000) ≈ 6.79 / 9.09.
    expect(headShare(cdf, 500)).toBeCloseTo(6.7928 / 9.0945, 3);
    expect(headShare(zipfCdf(CATALOGUE_SIZE, 1.2), 500)).toBeGreaterThan(headShare(cdf, 500));
  });

  it("no cache: every request reaches the origin and pays the ocean round trip", () => {
    const { v } = run({ cachePct: 0, originInstances: 4 }, 120_000);
    expect(v.totals.hits).toBe(0);
    expect(v.p50Ms!).toBeGreaterThan(90);
    expect(v.totals.errors).toBe(0);
  });

  it("a bigger cache raises the hit ratio (never above the ideal) and cuts origin load", () => {
    const ratios = [2, 10, 25, 50].map((cachePct) => {
      const { v, config } = run({ cachePct, warm: true, originInstances: 4 }, 300_000);
      expect(v.hitRatio!).toBeLessThanOrEqual(idealHitRatio(config) + 0.01);
      return v.hitRatio!;
    });
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeGreaterThan(ratios[i - 1]!);
  });

  it("a short TTL lowers the hit ratio even when everything fits", () => {
    const short = run({ cachePct: 100, ttlSec: 1, warm: true, originInstances: 4 }, 300_000).v.hitRatio!;
    const long = run({ cachePct: 100, ttlSec: 300, warm: true, originInstances: 4 }, 300_000).v.hitRatio!;
    expect(short).toBeLessThan(0.7);
    expect(long).toBeGreaterThan(0.95);
  });

  it("p95 stays at cache speed only when more than 95 % of requests hit", () => {
    const good = run({ cachePct: 100, ttlSec: 3600, warm: true, originInstances: 1 }).v;
    expect(good.hitRatio!).toBeGreaterThan(0.95);
    expect(good.p95Ms!).toBeLessThan(HIT_LATENCY_MS + 2);
    expect(good.totals.errors).toBe(0);
    const half = run({ cachePct: 25, ttlSec: 300, warm: true, originInstances: 4 }, 300_000).v;
    expect(half.p50Ms!).toBeLessThan(HIT_LATENCY_MS + 2);
    expect(half.p95Ms!).toBeGreaterThan(100);
  });

  it("cold start and a full invalidation overload a small origin; a warm start or a bigger origin does not", () => {
    expect(run({ cachePct: 25, originInstances: 1, warm: false }, 60_000).v.totals.errors).toBeGreaterThan(0);
    expect(run({ cachePct: 25, originInstances: 1, warm: true }, 60_000).v.totals.errors).toBe(0);
    expect(run({ cachePct: 25, originInstances: 2, warm: false }, 60_000).v.totals.errors).toBe(0);
    const flushed = run({ cachePct: 25, originInstances: 1, warm: true }, 360_000, 300_000).v;
    expect(flushed.flushes).toBe(1);
    expect(flushed.totals.errors).toBeGreaterThan(0);
    expect(run({ cachePct: 25, originInstances: 2, warm: true }, 360_000, 300_000).v.totals.errors).toBe(0);
  });

  it("the lesson's budget challenge: 1 000 req/s, p95 < 50 ms, no errors, under $0.65 an hour", () => {
    const config: Partial<CacheConfig> = { ratePerSec: 1000, cachePct: 100, ttlSec: 300, originInstances: 1, warm: true };
    const { v } = run(config);
    expect(v.p95Ms!).toBeLessThan(50);
    expect(v.totals.errors).toBe(0);
    expect(costPerHour({ ...DEFAULT_CONFIG, ...config }).total).toBeLessThan(0.65);
    // Cold, the same set-up drops requests at the start; the next origin size up costs too much.
    expect(run({ ...config, warm: false }, 30_000).v.totals.errors).toBeGreaterThan(0);
    expect(costPerHour({ ...DEFAULT_CONFIG, ...config, originInstances: 2 }).total).toBeGreaterThan(0.65);
  });

  it("capacity, size and cost helpers", () => {
    expect(cacheCapacity({ ...DEFAULT_CONFIG, cachePct: 10 })).toBe(500);
    expect(originCapacityPerSec({ ...DEFAULT_CONFIG, originInstances: 2 })).toBeCloseTo(2 * originCapacityPerSec({ ...DEFAULT_CONFIG, originInstances: 1 }));
    expect(costPerHour({ ...DEFAULT_CONFIG, cachePct: 0, originInstances: 4 }).total).toBeCloseTo(0.8);
  });

  it("is deterministic, and its status is quiet while playing", () => {
    const a = run({}, 90_000).v;
    expect(run({}, 90_000).v).toEqual(a);
    const cfg = DEFAULT_CONFIG;
    const h = createCacheLab(cfg, 1);
    h.sim.runUntil(10_000);
    const m1 = statusMessage(cfg, viewCacheLab(h), { playing: true, ended: false });
    h.sim.runUntil(20_000);
    expect(statusMessage(cfg, viewCacheLab(h), { playing: true, ended: false })).toBe(m1);
    expect(statusMessage(cfg, viewCacheLab(h), { playing: false, ended: false })).toMatch(/Paused at 20 s: hit ratio/);
  });
});

describe("CacheLab component", () => {
  it("renders its root, status, controls and charts to static markup", () => {
    const html = renderToString(createElement(CacheLab, { seed: 3 }));
    expect(html).toContain('data-widget="CacheLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Invalidate everything");
    expect(html).toContain("Origin load per 5 s");
    expect(renderToString(createElement(CacheLab, { preset: "no-cache" }))).toContain("No cache");
  });
});
