import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AutoScalingGroup,
  AvailabilityMonitor,
  DrModel,
  FailureModel,
  Simulation,
  cpuUtilizationMetric,
  type AutoscalingLogEntry,
  type AvailabilityLogEntry,
  type DatabaseLogEntry,
  type DrLogEntry,
  type FailureLogEntry,
  type FaultSink,
} from "@/lib/sim";

const MIN = 60_000;
const HOUR = 60 * MIN;
const RUN_MS = 12 * HOUR;

type Entry = AutoscalingLogEntry | AvailabilityLogEntry | DatabaseLogEntry | DrLogEntry | FailureLogEntry;

/** Every resilience model on one simulation, with every random source on: random AZ outages, random lag. */
function build(seed: number) {
  const sim = new Simulation<Entry>({ seed });
  const demand = { points: [[0, 300], [3 * HOUR, 1500], [6 * HOUR, 200], [9 * HOUR, 900]] as [number, number][], interpolation: "linear" as const };
  const asg = new AutoScalingGroup(
    sim,
    {
      id: "web",
      minSize: 2,
      maxSize: 30,
      desiredCapacity: 4,
      launchTimeMs: 90_000,
      instanceWarmupMs: 120_000,
      costPerInstanceHour: 0.05,
      azIds: ["us-east-1a", "us-east-1b"],
      regionId: "us-east-1",
      policies: [
        { kind: "target-tracking", id: "tt", targetValue: 50 },
        {
          kind: "step",
          id: "step",
          alarm: { threshold: 85, comparison: ">=", evaluationPeriods: 2 },
          adjustmentType: "PercentChangeInCapacity",
          steps: [{ lowerBound: 0, upperBound: null, scalingAdjustment: 30 }],
          minAdjustmentMagnitude: 2,
        },
      ],
      scheduledActions: [{ atMs: 8 * HOUR, minSize: 5 }],
    },
    cpuUtilizationMetric({ demand, capacityPerInstanceRps: 100 }),
  );
  const monitor = new AvailabilityMonitor(sim, {
    components: [{ id: "us-east-1a", mtbfMs: 3 * HOUR, mttrMs: 20 * MIN }, { id: "us-east-1b", mtbfMs: 3 * HOUR, mttrMs: 20 * MIN }],
    systems: [{ id: "either-az", kind: "parallel", members: ["us-east-1a", "us-east-1b"] }],
  });
  const sinks: FaultSink[] = [asg, monitor];
  const failures = new FailureModel(
    sim,
    {
      components: [
        { id: "us-east-1a", mtbfMs: 3 * HOUR, mttrMs: 20 * MIN, fault: { kind: "az", id: "us-east-1a" } },
        { id: "us-east-1b", mtbfMs: 3 * HOUR, mttrMs: 20 * MIN, fault: { kind: "az", id: "us-east-1b" } },
      ],
      chaos: [
        { atMs: 2 * HOUR, action: "fail", fault: { kind: "partition", a: "us-east-1", b: "*" }, durationMs: 10 * MIN },
        { atMs: 10 * HOUR, action: "fail", fault: { kind: "region", id: "us-east-1" } },
      ],
      topology: [
        { regionId: "us-east-1", azIds: ["us-east-1a", "us-east-1b"] },
        { regionId: "us-west-2", azIds: ["us-west-2a"] },
      ],
    },
    sinks,
  );
  const dr = new DrModel(
    sim,
    {
      strategy: "warm-standby",
      primaryRegionId: "us-east-1",
      recoveryRegionId: "us-west-2",
      costs: { appInstances: 4, appInstancePerHour: 0.05, dbInstancePerHour: 0.5, backupStoragePerGiBMonth: 0.1 },
      database: {
        id: "db",
        primary: { regionId: "us-east-1", azId: "us-east-1a" },
        syncStandby: { regionId: "us-east-1", azId: "us-east-1b" },
        asyncReplica: { location: { regionId: "us-west-2", azId: "us-west-2a" }, lag: { kind: "exponential", minMs: 200, meanMs: 800 } },
        backups: { intervalMs: HOUR },
        writesPerSec: 50,
        dataGiB: 10,
        bytesPerWrite: 1024,
      },
    },
    failures,
  );
  sinks.push(dr);
  return { sim, asg, monitor, failures, dr };
}

function fullRun(seed: number) {
  const w = build(seed);
  w.sim.runUntil(RUN_MS);
  return w;
}

const views = (w: ReturnType<typeof build>) => ({
  asg: w.asg.view(),
  monitor: w.monitor.view(),
  failures: w.failures.view(),
  dr: w.dr.view(),
  db: w.dr.database.view(),
});

describe("determinism of the resilience models", () => {
  it("the same seed gives the identical log and snapshot; another seed differs", () => {
    const a = fullRun(42);
    expect(a.sim.log.length).toBeGreaterThan(50);
    expect(fullRun(42).sim.log).toEqual(a.sim.log);
    expect(JSON.stringify(fullRun(42).sim.snapshot())).toBe(JSON.stringify(a.sim.snapshot()));
    expect(fullRun(43).sim.log).not.toEqual(a.sim.log);
    expect(a.dr.view().phase).toBe("restored");
  });

  it("snapshot → JSON → restore → continue equals an uninterrupted run, wherever the cut is (property)", () => {
    const reference = fullRun(7);
    const expected = JSON.stringify(reference.sim.snapshot());
    const expectedViews = views(reference);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RUN_MS }), (cutMs) => {
        const first = build(7);
        first.sim.runUntil(cutMs);
        const saved = JSON.parse(JSON.stringify(first.sim.snapshot()));
        const second = build(7);
        second.sim.restore(saved);
        second.sim.runUntil(RUN_MS);
        expect(JSON.stringify(second.sim.snapshot())).toBe(expected);
        expect(views(second)).toEqual(expectedViews);
      }),
      { numRuns: 30 },
    );
  });

  it("a snapshot does not alias live state", () => {
    const w = fullRun(3);
    const snap = w.sim.snapshot();
    const before = JSON.stringify(snap);
    w.asg.setDesiredCapacity(20);
    w.sim.runUntil(RUN_MS + HOUR);
    expect(JSON.stringify(snap)).toBe(before);
  });

  it("stepping event by event ends where runUntil does", () => {
    const stepped = build(11);
    while (stepped.sim.nextEventAtMs() <= RUN_MS) stepped.sim.step();
    stepped.sim.runUntil(RUN_MS);
    expect(stepped.sim.snapshot()).toEqual(fullRun(11).sim.snapshot());
  });
});
