import { describe, expect, it } from "vitest";
import {
  CAPSTONE_BUCKET_MS,
  CAPSTONE_DATABASES,
  CAPSTONE_DEFAULT_LOAD,
  CAPSTONE_PRICES,
  CAPSTONE_TIMELINE,
  capstonePlannedRtoMs,
  capstoneSteadyCost,
  checkCapstoneTargets,
  createCapstoneRun,
  measureCapstone,
  measureCapstoneRecovery,
  runCapstone,
  type CapstoneDesign,
} from "@/lib/sim";

const T = CAPSTONE_TIMELINE;
const good: CapstoneDesign = {
  azCount: 3,
  instancesPerAz: 2,
  scaling: "fixed",
  checkIntervalMs: 10_000,
  algorithm: "least-outstanding",
  database: "multi-az-cluster",
  dr: "warm-standby",
};

describe("capstone drill", () => {
  it("conserves requests and measures the database's downtime as the failover time (or the AZ outage)", () => {
    for (const database of ["single", "multi-az", "multi-az-cluster"] as const) {
      const m = runCapstone({ ...good, database }, CAPSTONE_DEFAULT_LOAD, 5);
      expect(m.served + m.failed).toBeCloseTo(m.requests, 6);
      expect(m.availability!).toBeGreaterThan(0);
      expect(m.availability!).toBeLessThanOrEqual(1);
      const expected = CAPSTONE_DATABASES[database].failoverMs ?? T.azOutageEndMs - T.azOutageAtMs;
      expect(m.dbDowntimeMs).toBe(expected);
      // Requests arrive at ≈ base rate over the drill plus the spike: within 5 σ of the Poisson mean.
      const L = CAPSTONE_DEFAULT_LOAD;
      const mean = (L.baseRps * T.regionOutageAtMs + (L.peakRps - L.baseRps) * (T.spikeEndMs - T.spikeStartMs)) / 1000;
      expect(Math.abs(m.requests - mean)).toBeLessThan(5 * Math.sqrt(mean) + 200);
    }
  });

  it("requests lost to the database ≈ its downtime × the arrival rate at that moment (the spike)", () => {
    const m = runCapstone(good, CAPSTONE_DEFAULT_LOAD, 9);
    const expected = (CAPSTONE_DATABASES["multi-az-cluster"].failoverMs! / 1000) * CAPSTONE_DEFAULT_LOAD.peakRps;
    expect(m.failedByCause.database).toBeGreaterThan(expected * 0.75);
    expect(m.failedByCause.database).toBeLessThan(expected * 1.25);
  });

  it("while the drill plays, counts closed buckets only, each weighed by its own database downtime", () => {
    const run = createCapstoneRun({ ...good, database: "single" }, CAPSTONE_DEFAULT_LOAD, 7);
    const at = T.azOutageAtMs + 95_000; // mid-bucket; the AZ outage starts on a bucket boundary
    run.sim.runUntil(at);
    expect(run.dbDown[0]![0]).toBe(T.azOutageAtMs);
    const m = measureCapstone(run);
    const s = run.service.view().series;
    expect(s.arrived).toHaveLength(Math.floor(at / CAPSTONE_BUCKET_MS));
    let requests = 0;
    let completedSinceStall = 0;
    s.completed.forEach((completed, k) => {
      requests += completed + Object.values(s.failed).reduce((sum, f) => sum + (f[k] ?? 0), 0);
      if (k * CAPSTONE_BUCKET_MS >= T.azOutageAtMs) completedSinceStall += completed;
    });
    expect(m.requests).toBe(requests);
    // The closed buckets since the stall were down throughout: every completion in them is lost, none under-counted.
    expect(m.failedByCause.database).toBeCloseTo(completedSinceStall, 9);
    expect(m.dbDowntimeMs).toBe(95_000);
    expect(measureCapstoneRecovery(run)).toEqual({ nowMs: at, dbDowntimeMs: 95_000, rtoMs: null, rpoMs: null, lostWrites: null, regionFailed: false });
  });

  it("RTO is the DR plan's timeline; RPO is the replica's lag or the newest backup's age", () => {
    for (const dr of ["backup-restore", "pilot-light", "warm-standby", "active-active"] as const) {
      const m = runCapstone({ ...good, dr }, CAPSTONE_DEFAULT_LOAD, 2);
      expect(m.rtoMs).toBe(capstonePlannedRtoMs(dr, CAPSTONE_DEFAULT_LOAD.dataGiB));
      if (dr === "backup-restore") {
        // Hourly backups usable 10 min later: at 110 min the newest usable one was taken at 60 min.
        expect(m.rpoMs).toBe(T.regionOutageAtMs - 60 * 60_000);
      } else {
        expect(m.rpoMs!).toBeGreaterThan(0);
        expect(m.rpoMs!).toBeLessThan(30_000);
      }
    }
    const none = runCapstone({ ...good, dr: "none" }, CAPSTONE_DEFAULT_LOAD, 2);
    expect(none.rtoMs).toBeNull();
    expect(none.rpoMs).toBeNull();
  });

  it("a fixed group costs its size × the instance price (replacements overlap only briefly)", () => {
    const m = runCapstone(good, CAPSTONE_DEFAULT_LOAD, 4);
    const steady = capstoneSteadyCost(good);
    expect(steady.web).toBeCloseTo(6 * CAPSTONE_PRICES.instancePerHour, 10);
    expect(Math.abs(m.cost.web - steady.web)).toBeLessThan(0.02);
    expect(m.cost.total).toBeCloseTo(m.cost.web + m.cost.loadBalancer + m.cost.database + m.cost.dr, 10);
  });

  it("a single AZ loses everything while its AZ is down; three AZs keep serving", () => {
    const one = runCapstone({ ...good, azCount: 1, instancesPerAz: 6 }, CAPSTONE_DEFAULT_LOAD, 3);
    const three = runCapstone(good, CAPSTONE_DEFAULT_LOAD, 3);
    expect(one.failedByCause["no-targets"] + one.failedByCause["target-unreachable"]).toBeGreaterThan(0.9 * ((T.azOutageEndMs - T.azOutageAtMs) / 1000) * CAPSTONE_DEFAULT_LOAD.baseRps);
    expect(three.failedByCause["no-targets"]).toBe(0);
    expect(three.availability!).toBeGreaterThan(one.availability! + 0.2);
  });

  it("faster health checks send fewer requests to dead instances", () => {
    const slow = runCapstone({ ...good, checkIntervalMs: 30_000 }, CAPSTONE_DEFAULT_LOAD, 6);
    const fast = runCapstone({ ...good, checkIntervalMs: 5_000 }, CAPSTONE_DEFAULT_LOAD, 6);
    expect(fast.failedByCause["target-unreachable"]).toBeLessThan(slow.failedByCause["target-unreachable"]);
  });

  it("checks each target against the brief", () => {
    const m = runCapstone(good, CAPSTONE_DEFAULT_LOAD, 1);
    const checks = checkCapstoneTargets(m, { minAvailability: 0.985, maxP95Ms: 250, maxRtoMs: 15 * 60_000, maxRpoMs: 60_000, maxCostPerHour: 1 });
    expect(checks.map((c) => [c.id, c.met])).toEqual([
      ["availability", true],
      ["latency", true],
      ["rto", true],
      ["rpo", true],
      ["cost", false],
    ]);
  });
});
