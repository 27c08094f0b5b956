import { describe, expect, it } from "vitest";
import { HealthChecker, ResolverCache } from "@/lib/sim";

describe("HealthChecker (consecutive results change the verdict)", () => {
  it("threshold 3: three failures in a row mark it unhealthy, three passes in a row healthy again", () => {
    const c = new HealthChecker(3);
    const results = [false, false, true, false, false, false, false, true, true, true];
    const flips = results.map((passed) => c.record(passed));
    expect(flips).toEqual([false, false, false, false, false, true, false, false, false, true]);
    expect(c.healthy).toBe(true);
  });

  it("reports the verdict after each result", () => {
    const c = new HealthChecker(2);
    expect([false, false, true, false, true, true].map((passed) => (c.record(passed), c.healthy))).toEqual([true, false, false, false, false, true]);
  });

  it("threshold 1 follows every result; a checker can start unhealthy; threshold < 1 is rejected", () => {
    const c = new HealthChecker(1);
    expect([true, false, false, true].map((passed) => c.record(passed))).toEqual([false, true, false, true]);
    const down = new HealthChecker(2, false);
    expect(down.healthy).toBe(false);
    expect([true, true].map((passed) => down.record(passed))).toEqual([false, true]);
    expect(down.healthy).toBe(true);
    expect(() => new HealthChecker(0)).toThrow(RangeError);
  });
});

describe("ResolverCache (answers kept for the TTL)", () => {
  it("asks again exactly when the TTL has run out, each resolver on its own", () => {
    const cache = new ResolverCache(2, 60_000);
    let next = 0;
    const query = () => ++next;
    expect(cache.answer(0)).toBe(-1);
    expect(cache.resolve(0, 0, query)).toBe(1);
    expect(cache.resolve(0, 59_999, query)).toBe(1);
    expect(cache.resolve(1, 30_000, query)).toBe(2);
    expect(cache.resolve(0, 60_000, query)).toBe(3); // expires at fetch + TTL
    expect(cache.resolve(1, 89_999, query)).toBe(2);
    expect(cache.resolve(1, 90_000, query)).toBe(4);
    expect([cache.answer(0), cache.answer(1), cache.queries]).toEqual([3, 4, 4]);
  });

  it("with a health checker: users move one TTL after the first lookup that follows detection", () => {
    // Checks every 10 s from 0, threshold 3; the primary fails at 25 s, so checks at 30, 40 and 50 s fail: unhealthy
    // at 50 s. Users ask every second from 0.5 s; TTL 60 s: lookups at 0.5 s (primary) and 60.5 s (secondary).
    const checker = new HealthChecker(3);
    const cache = new ResolverCache(1, 60_000);
    const query = () => (checker.healthy ? 0 : 1);
    let detectedAtMs: number | null = null;
    let switchedAtMs: number | null = null;
    for (let t = 0; t <= 120_000; t += 500) {
      if (t % 10_000 === 0 && checker.record(t < 25_000)) detectedAtMs ??= t;
      if (t % 1_000 === 500 && cache.resolve(0, t, query) === 1) switchedAtMs ??= t;
    }
    expect(detectedAtMs).toBe(50_000);
    expect(switchedAtMs).toBe(60_500);
    expect(cache.queries).toBe(2);
  });
});
