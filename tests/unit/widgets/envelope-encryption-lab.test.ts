import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EnvelopeEncryptionLab } from "@/app/ui/widgets/envelope-encryption-lab";
import {
  DEFAULT_CONFIG,
  RUN_MS,
  SECONDS_PER_MONTH,
  USD_PER_10K_REQUESTS,
  availablePerSec,
  createEnvelopeLab,
  runEnvelopeLab,
  viewEnvelopeLab,
  type EnvelopeConfig,
} from "@/app/ui/widgets/envelope-encryption-lab/model";

const cfg = (c: Partial<EnvelopeConfig>): EnvelopeConfig => ({ ...DEFAULT_CONFIG, ...c });
const secs = RUN_MS / 1000;

describe("EnvelopeEncryptionLab simulation", () => {
  it("under the quota, every object costs one KMS request and nothing is throttled", () => {
    for (const mode of ["direct", "data-key-per-object"] as const) {
      const v = runEnvelopeLab(cfg({ mode, objectsPerSec: 1_000, otherPerSec: 0 }), 2);
      expect(v.counts.kmsThrottled).toBe(0);
      expect(v.counts.kmsAccepted).toBe(v.counts.encrypted);
      expect(v.counts.failed).toBe(0);
      // Poisson arrivals: within 5 standard deviations of rate × time.
      expect(Math.abs(v.counts.objects - 1_000 * secs)).toBeLessThan(5 * Math.sqrt(1_000 * secs));
    }
  });

  it("never admits more than the token bucket allows: quota × time + one second of burst", () => {
    const c = cfg({ mode: "direct", objectsPerSec: 15_000, otherPerSec: 4_000, quotaPerSec: 10_000 });
    const v = runEnvelopeLab(c, 3);
    const rate = availablePerSec(c);
    expect(v.counts.kmsAccepted).toBeLessThanOrEqual(rate * secs + rate);
    // Demand is well above the quota, so KMS is kept busy at about the quota.
    expect(v.counts.kmsAccepted).toBeGreaterThan(rate * secs * 0.98);
    expect(v.counts.kmsThrottled).toBeGreaterThan(0);
    expect(v.counts.failed).toBeGreaterThan(0);
    for (const s of v.samples) expect(s.kmsAccepted).toBeLessThanOrEqual(rate * 2);
  });

  it("conserves objects: arrived = encrypted + failed + retrying", () => {
    const h = createEnvelopeLab(cfg({ mode: "direct", objectsPerSec: 15_000 }), 4);
    h.sim.runUntil(7_321);
    const c = h.counts;
    expect(c.encrypted + c.failed).toBeLessThanOrEqual(c.objects);
    h.sim.runUntil(RUN_MS + 10_000);
    // After the last retry has had time to run, everything has an outcome.
    expect(h.counts.encrypted + h.counts.failed).toBe(h.counts.objects);
  });

  it("with a cached data key, KMS calls ≈ objects / min(max objects, max age × rate)", () => {
    for (const [age, msgs] of [[1, 100_000], [10, 1_000], [60, 10_000]] as const) {
      const c = cfg({ mode: "cached-data-key", objectsPerSec: 4_000, cacheMaxAgeSec: age, cacheMaxMessages: msgs });
      const v = runEnvelopeLab(c, 5);
      const perKey = Math.min(msgs, age * 4_000);
      const expected = v.counts.objects / perKey;
      expect(v.counts.kmsThrottled).toBe(0);
      expect(v.counts.dataKeys).toBeGreaterThanOrEqual(Math.floor(expected));
      expect(v.counts.dataKeys).toBeLessThanOrEqual(Math.ceil(expected) + Math.ceil(expected * 0.05) + 1);
      expect(v.counts.maxObjectsPerKey).toBeLessThanOrEqual(msgs);
    }
  });

  it("prices accepted requests at the per-10,000 rate", () => {
    const h = createEnvelopeLab(cfg({ mode: "direct", objectsPerSec: 1_000, otherPerSec: 0 }), 6);
    h.sim.runUntil(RUN_MS);
    const v = viewEnvelopeLab(h);
    expect(v.usdPerMonth).toBeCloseTo(((v.counts.kmsAccepted / secs) * SECONDS_PER_MONTH * USD_PER_10K_REQUESTS) / 10_000, 6);
  });

  it("is deterministic for a seed", () => {
    expect(runEnvelopeLab(DEFAULT_CONFIG, 9)).toEqual(runEnvelopeLab(DEFAULT_CONFIG, 9));
  });
});

describe("EnvelopeEncryptionLab component", () => {
  it("renders its frame, status and labelled controls without effects", () => {
    const html = renderToString(createElement(EnvelopeEncryptionLab, { seed: 1 }));
    expect(html).toContain('data-widget="EnvelopeEncryptionLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Ready: KMS Encrypt for every object, 8,000 objects/s, 6,000 KMS requests/s left for this app.");
    expect(html).toContain("<select");
  });

  it("starts in the cached mode when asked", () => {
    expect(renderToString(createElement(EnvelopeEncryptionLab, { mode: "cached-data-key" }))).toContain("Cached data key");
  });
});
