import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { kOfNAvailability } from "@/lib/sim";
import { StorageDurabilityLab } from "@/app/ui/widgets/storage-durability-lab";
import {
  AZ_OUTAGES,
  DEFAULT_CONFIG,
  HOUR_MS,
  PRICES,
  RESTORE_HOURS,
  SAMPLES,
  VOLUME_GIB,
  WRITE_GIB_PER_HOUR,
  burnAz,
  createStorageLab,
  expectedUnavailableHoursPerYear,
  failuresPerYear,
  monthlyCost,
  runStorageLab,
  statusMessage,
  stepLabel,
  takeAzDown,
  viewStorageLab,
  type StorageLabConfig,
} from "@/app/ui/widgets/storage-durability-lab/model";

const cfg = (c: Partial<StorageLabConfig>): StorageLabConfig => ({ ...DEFAULT_CONFIG, ...c });

describe("StorageDurabilityLab formulas", () => {
  it("counts failures as N × AFR a year, and prices the options", () => {
    expect(failuresPerYear(cfg({ volumes: 1000, afrPercent: 0.2 }))).toBeCloseTo(2, 12);
    const cost = monthlyCost(cfg({ volumes: 10 }));
    expect(cost.volume).toBeCloseTo(10 * VOLUME_GIB * PRICES.volume, 9);
    expect(cost.snapshots).toBeGreaterThan(cost.volume);
    expect(cost.object).toBeLessThan(cost.volume);
  });

  it("object storage in 3 AZs is unavailable only when two are down: far less than one AZ", () => {
    const e = expectedUnavailableHoursPerYear(cfg({ azOutages: "frequent", afrPercent: 0.2 }));
    const o = AZ_OUTAGES.frequent;
    const az = o.mtbfHours / (o.mtbfHours + o.mttrHours);
    expect(e.object).toBeCloseTo((1 - kOfNAvailability(2, [az, az, az])) * 8_760, 9);
    expect(e.object).toBeLessThan(e.volume / 10);
    expect(e.snapshots).toBeLessThan(e.volume);
  });
});

describe("StorageDurabilityLab simulation", () => {
  it("measures what the formulas predict over a long run", () => {
    const c = cfg({ volumes: 1000, afrPercent: 1, snapshotHours: 24, azOutages: "frequent", years: 100 });
    const v = runStorageLab(c, 11);
    const expected = failuresPerYear(c) * c.years; // 1,000
    expect(Math.abs(v.volumeFailures - expected)).toBeLessThan(5 * Math.sqrt(expected));
    const [vol, snap, obj] = v.options;
    // Volume only loses the whole dataset on (almost) every failure.
    expect(vol!.lostGiB).toBeGreaterThan(0.9 * v.volumeFailures * VOLUME_GIB);
    // Snapshots lose about half an interval of writes per failure on average, never more than a full interval
    // plus the longest AZ outage that skipped snapshots.
    const perFailure = snap!.lostGiB / snap!.lossEvents;
    expect(perFailure).toBeGreaterThan(0.35 * 24 * WRITE_GIB_PER_HOUR);
    expect(perFailure).toBeLessThan(0.65 * 24 * WRITE_GIB_PER_HOUR);
    expect(obj!.lostGiB).toBe(0);
    // Unavailability per dataset is close to the formula for each option (object storage depends on rare
    // overlaps of two AZ outages, so it gets a wider margin).
    for (const o of v.options) {
      const margin = o.id === "object" ? 0.6 : 0.15;
      expect(Math.abs(o.unavailablePerYear - o.expectedUnavailablePerYear)).toBeLessThan(margin * o.expectedUnavailablePerYear);
    }
    expect(v.samples).toHaveLength(SAMPLES + 1);
  });

  it("keeps the options in order under the same failures", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const v = runStorageLab(cfg({ volumes: 100, afrPercent: 1, azOutages: "rare" }), seed);
      const [vol, snap, obj] = v.options;
      expect(snap!.lostGiB).toBeLessThanOrEqual(vol!.lostGiB);
      expect(obj!.lostGiB).toBe(0);
      expect(snap!.unavailablePerYear).toBeLessThanOrEqual(vol!.unavailablePerYear);
    }
  });

  it("skips a snapshot that falls during an AZ outage, so a failure right after loses more", () => {
    const h = createStorageLab(cfg({ volumes: 3, afrPercent: 0, azOutages: "off", snapshotHours: 4, years: 1 }), 1);
    h.sim.runUntil(7 * HOUR_MS);
    takeAzDown(h, 0); // AZ a down 07:00–13:00: the 08:00 and 12:00 snapshots of volume 0 are skipped.
    h.sim.runUntil(14 * HOUR_MS);
    h.model.loseVolume(0);
    expect(h.model.state.lostGiB[1]).toBeCloseTo(10 * WRITE_GIB_PER_HOUR, 9); // back to 04:00
    h.model.loseVolume(1); // volume 1 (AZ b) had its 12:00 snapshot
    expect(h.model.state.lostGiB[1]).toBeCloseTo(12 * WRITE_GIB_PER_HOUR, 9);
    // After a restore, a second failure before the next snapshot loses only what was written since the restore.
    h.sim.runUntil(15.5 * HOUR_MS);
    h.model.loseVolume(1);
    expect(h.model.state.lostGiB[1]).toBeCloseTo(12 + (15.5 - 14 - RESTORE_HOURS) * WRITE_GIB_PER_HOUR, 9);
  });

  it("a fire in one AZ destroys a third of the volumes and no object data", () => {
    const h = createStorageLab(cfg({ volumes: 30, afrPercent: 0, azOutages: "off", snapshotHours: 24, years: 1 }), 2);
    h.sim.runUntil(30 * HOUR_MS);
    burnAz(h, 0);
    const v = viewStorageLab(h);
    expect(v.options[0]!.lostGiB).toBe(10 * VOLUME_GIB);
    expect(v.options[1]!.lostGiB).toBeCloseTo(10 * 6 * WRITE_GIB_PER_HOUR, 9);
    expect(v.options[2]!.lostGiB).toBe(0);
    expect(v.lastAction).toMatch(/fire/i);
    expect(statusMessage(v, h.config, false, false)).toContain("A fire destroys");
  });

  it("is deterministic for a seed", () => {
    const a = runStorageLab(cfg({ years: 10 }), 3);
    const b = runStorageLab(cfg({ years: 10 }), 3);
    expect(a.options).toEqual(b.options);
  });
});

describe("StorageDurabilityLab rendering", () => {
  it("renders its frame, its status and labelled controls without effects", () => {
    const html = renderToString(createElement(StorageDurabilityLab, { seed: 4 }));
    expect(html).toContain('data-widget="StorageDurabilityLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Ready:");
    expect(html).toContain("Fire in AZ a");
    for (const label of ["Datasets (one volume each)", "Volume annual failure rate", "Snapshot schedule", "Whole-AZ outages"]) {
      expect(html).toContain(label);
    }
  });

  it("names the step from the chosen period", () => {
    expect([1, 10, 100].map(stepLabel)).toEqual(["≈18 days", "6 months", "5 years"]);
    const html = renderToString(createElement(StorageDurabilityLab, { years: 100 }));
    expect(html).toContain("Step 5 years");
  });

  it("falls back to the defaults for a period or fleet size it does not offer", () => {
    const html = renderToString(createElement(StorageDurabilityLab, { years: 7, volumes: 50 }));
    expect(html).toContain('<option value="10" selected="">10 years</option>');
    expect(html).toContain('<option value="100" selected="">100</option>');
    expect(html).toContain("Step 6 months");
    expect(html).toContain("100 datasets of 500 GiB");
  });
});
