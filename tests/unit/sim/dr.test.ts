import { describe, expect, it } from "vitest";
import {
  DR_STRATEGIES,
  DatabaseModel,
  FailureModel,
  Simulation,
  createDrRun,
  drCostPerHour,
  runDrScenario,
  type ChaosAction,
  type DatabaseConfig,
  type DatabaseLogEntry,
  type DrScenario,
  type FailureLogEntry,
} from "@/lib/sim";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

const EAST_A = { regionId: "us-east-1", azId: "us-east-1a" };
const EAST_B = { regionId: "us-east-1", azId: "us-east-1b" };
const WEST_A = { regionId: "us-west-2", azId: "us-west-2a" };
const TOPOLOGY = [
  { regionId: "us-east-1", azIds: ["us-east-1a", "us-east-1b"] },
  { regionId: "us-west-2", azIds: ["us-west-2a", "us-west-2b"] },
];

/** 100 writes/s; a cross-Region replica with a fixed 2 s lag shipped every 100 ms; hourly backups from t = 0. */
const DATABASE: DatabaseConfig = {
  id: "orders",
  primary: EAST_A,
  syncStandby: EAST_B,
  asyncReplica: { location: WEST_A, lag: { kind: "fixed", ms: 2 * SEC }, shipIntervalMs: 100 },
  backups: { intervalMs: HOUR },
  writesPerSec: 100,
  dataGiB: 50,
};

const regionFailure = (atMs: number): ChaosAction => ({ atMs, action: "fail", fault: { kind: "region", id: "us-east-1" } });

const drill = (over: Partial<DrScenario["dr"]> = {}): DrScenario => ({
  name: "drill",
  seed: 1,
  durationMs: 6 * HOUR,
  dr: {
    strategies: [...DR_STRATEGIES],
    primaryRegionId: "us-east-1",
    recoveryRegionId: "us-west-2",
    costs: { appInstances: 8, appInstancePerHour: 0.2, dbInstancePerHour: 1, backupStoragePerGiBMonth: 0.095 },
    database: DATABASE,
    chaos: [regionFailure(90 * MIN)],
    topology: TOPOLOGY,
    ...over,
  },
});

function dbRun(config: DatabaseConfig, chaos: ChaosAction[]) {
  const sim = new Simulation<DatabaseLogEntry | FailureLogEntry>({ seed: 1 });
  const sinks: DatabaseModel[] = [];
  const failures = new FailureModel(sim, { chaos, topology: TOPOLOGY }, sinks);
  const db = new DatabaseModel(sim, config, failures);
  sinks.push(db);
  return { sim, db };
}

describe("data loss: RPO by replication mode", () => {
  it("backup every 60 min, Region failure at 90 min ⇒ RPO 30 min (backup & restore)", () => {
    const result = runDrScenario(drill({ strategies: ["backup-restore"] })).strategies[0];
    expect(result?.rpoMs).toBe(30 * MIN);
    expect(result?.lostWrites).toBe(100 * 30 * 60);
    expect(result?.incident?.loss?.source).toBe("backup");
  });

  it("asynchronous replication with a fixed 2 s lag ⇒ RPO 2 s (200 writes at 100/s)", () => {
    const { sim, db } = dbRun(DATABASE, [regionFailure(90 * MIN)]);
    sim.runUntil(2 * HOUR);
    const loss = db.lastLoss();
    expect(loss?.cause).toBe("region");
    expect(loss?.standby).toBeNull(); // the standby was in the same Region
    expect(loss?.replica).toMatchObject({ source: "replica", rpoMs: 2 * SEC, lostWrites: 200 });
    expect(loss?.backup).toMatchObject({ rpoMs: 30 * MIN });
  });

  it("a random lag gives an RPO of at least its minimum, the same for the same seed", () => {
    const config: DatabaseConfig = { ...DATABASE, asyncReplica: { location: WEST_A, lag: { kind: "exponential", minMs: 500, meanMs: 1500 } } };
    const rpo = () => {
      const { sim, db } = dbRun(config, [regionFailure(90 * MIN)]);
      sim.runUntil(2 * HOUR);
      return db.lastLoss()?.replica?.rpoMs ?? -1;
    };
    expect(rpo()).toBeGreaterThanOrEqual(500);
    expect(rpo()).toBe(rpo());
  });

  it("synchronous standby: losing the primary's AZ loses nothing; the standby takes over after 60 s", () => {
    const { sim, db } = dbRun(DATABASE, [{ atMs: 30 * MIN, action: "fail", fault: { kind: "az", id: "us-east-1a" }, durationMs: HOUR }]);
    sim.runUntil(30 * MIN + 59 * SEC);
    expect(db.view()).toMatchObject({ acceptingWrites: false, primary: EAST_A });
    sim.runUntil(31 * MIN);
    expect(db.view()).toMatchObject({ acceptingWrites: true, primary: EAST_B, standby: null });
    expect(db.lastLoss()?.standby).toMatchObject({ rpoMs: 0, lostWrites: 0 });
    sim.runUntil(2 * HOUR);
    const v = db.view();
    expect(v.rejectedWrites).toBe(100 * 60); // the 60 s failover
    expect(v.standby).toMatchObject({ ...EAST_A, up: true }); // the old primary rejoined as standby
  });

  it("a partition between the primary and its synchronous standby stalls writes; one between Regions grows the lag", () => {
    const cut = { atMs: 10 * MIN, action: "fail" as const, fault: { kind: "partition" as const, a: "us-east-1a", b: "us-east-1b" }, durationMs: 2 * MIN };
    const { sim, db } = dbRun(DATABASE, [cut]);
    sim.runUntil(HOUR);
    expect(db.view().rejectedWrites).toBe(100 * 120);

    // us-east-1 cut off from everything else at 600.5 s; the last batch shipped at 600 s. The Region fails 5 min later.
    const isolate = { atMs: 600_500, action: "fail" as const, fault: { kind: "partition" as const, a: "us-east-1", b: "*" } };
    const async: DatabaseConfig = { ...DATABASE, asyncReplica: { location: WEST_A, lag: { kind: "fixed", ms: 2 * SEC }, shipIntervalMs: SEC } };
    const run = dbRun(async, [isolate, regionFailure(900_500)]);
    run.sim.runUntil(HOUR);
    expect(run.db.lastLoss()?.replica?.rpoMs).toBe(300_500);
    // Inside the Region, AZs still reach each other: the synchronous standby kept acknowledging.
    expect(run.db.lastLoss()?.atMs).toBe(900_500);
  });
});

describe("DR strategies: RTO, RPO and cost", () => {
  // Hand-computed from the default timings (detection + decision + max(database, application) + traffic switch)
  // with 50 GiB to restore at 20 min + 1 min/GiB = 70 min.
  const EXPECTED_RTO_MIN: Record<string, number> = {
    "backup-restore": 5 + 15 + Math.max(70, 60) + 5,
    "pilot-light": 5 + 15 + Math.max(5, 20) + 5,
    "warm-standby": 2 + 5 + Math.max(2, 5) + 1,
    "active-active": 0.5 + 0 + Math.max(0, 0) + 1,
  };
  const results = runDrScenario(drill()).strategies;

  it.each(results.map((r) => [r.strategy, r] as const))("%s: measured RTO equals the hand-computed one", (strategy, r) => {
    expect(r.rtoMs).toBe((EXPECTED_RTO_MIN[strategy] as number) * MIN);
    expect(r.phase).toBe("restored");
    expect(r.rpoMs).toBe(strategy === "backup-restore" ? 30 * MIN : 2 * SEC);
  });

  it("order: backup & restore slowest and cheapest … active/active fastest and dearest", () => {
    const rto = results.map((r) => r.rtoMs as number);
    const cost = results.map((r) => r.costPerHour);
    for (let i = 1; i < results.length; i++) {
      expect(rto[i]).toBeLessThan(rto[i - 1] as number);
      expect(cost[i]).toBeGreaterThan(cost[i - 1] as number);
    }
    expect(results[0]?.rpoMs).toBeGreaterThan(results[1]?.rpoMs as number);
  });

  it("cost per hour: what runs in the recovery Region", () => {
    const c = { appInstances: 8, appInstancePerHour: 0.2, dbInstancePerHour: 1, backupStoragePerGiBMonth: 0.073 };
    const storage = (100 * 0.073) / 730; // 0.01 per hour
    expect(drCostPerHour("backup-restore", c, 100, false).recoveryPerHour).toBeCloseTo(storage, 12);
    expect(drCostPerHour("pilot-light", c, 100, false).recoveryPerHour).toBeCloseTo(storage + 1, 12);
    expect(drCostPerHour("warm-standby", c, 100, false).recoveryPerHour).toBeCloseTo(storage + 1 + 2 * 0.2, 12);
    expect(drCostPerHour("active-active", c, 100, true)).toMatchObject({ primaryPerHour: 1.6 + 2 });
    expect(drCostPerHour("active-active", c, 100, false).recoveryPerHour).toBeCloseTo(storage + 1 + 1.6, 12);
  });

  it("writes resume in the recovery Region once restored", () => {
    const { sim, dr } = createDrRun(drill(), "pilot-light");
    sim.runUntil(90 * MIN + 44 * MIN);
    expect(dr.view()).toMatchObject({ phase: "switching", serving: false });
    expect(dr.database.view().acceptingWrites).toBe(false);
    sim.runUntil(90 * MIN + 45 * MIN);
    expect(dr.view()).toMatchObject({ phase: "restored", serving: true });
    expect(dr.database.view()).toMatchObject({ acceptingWrites: true, primary: WEST_A });
    sim.runUntil(3 * HOUR);
    // Rejected: the 45 min outage. Committed: everything else, of which the 2 s window is lost.
    const v = dr.database.view();
    expect(v.rejectedWrites).toBe(100 * 45 * 60);
    expect(v.committedWrites).toBe(100 * (3 * 3600 - 45 * 60));
  });

  it("timings can be overridden per strategy", () => {
    const r = runDrScenario(drill({ strategies: ["pilot-light"], timings: { "pilot-light": { decisionMs: 0, provisioningMs: 2 * MIN } } }));
    expect(r.strategies[0]?.rtoMs).toBe((5 + 0 + 5 + 5) * MIN);
  });

  it("rejects a replica outside the recovery Region", () => {
    const bad = drill({ database: { ...DATABASE, asyncReplica: { location: EAST_B, lag: { kind: "fixed", ms: 1 } } } });
    expect(() => runDrScenario(bad)).toThrow(/recovery Region/);
  });
});
