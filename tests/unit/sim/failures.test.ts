import { describe, expect, it } from "vitest";
import {
  AutoScalingGroup,
  FailureModel,
  InfrastructureModel,
  Simulation,
  infrastructureSink,
  type AutoscalingLogEntry,
  type Fault,
  type FailureLogEntry,
  type FaultSink,
  type InfraLogEntry,
} from "@/lib/sim";
import { REGION, web } from "./helpers";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A sink that records what it was told. */
function recorder() {
  const seen: [number, Fault, boolean][] = [];
  return { seen, sink: (sim: { nowMs: number }): FaultSink => ({ applyFault: (f, failed) => void seen.push([sim.nowMs, f, failed]) }) };
}

describe("scheduled chaos", () => {
  it("injects faults at their times and recovers timed ones automatically", () => {
    const sim = new Simulation<FailureLogEntry>({ seed: 1 });
    const rec = recorder();
    new FailureModel(
      sim,
      {
        chaos: [
          { atMs: 10 * MIN, action: "fail", fault: { kind: "az", id: "us-east-1a" }, durationMs: 5 * MIN },
          { atMs: 20 * MIN, action: "fail", fault: { kind: "region", id: "us-east-1" } },
          { atMs: 40 * MIN, action: "recover", fault: { kind: "region", id: "us-east-1" } },
        ],
      },
      [rec.sink(sim)],
    );
    sim.runUntil(HOUR);
    expect(rec.seen).toEqual([
      [10 * MIN, { kind: "az", id: "us-east-1a" }, true],
      [15 * MIN, { kind: "az", id: "us-east-1a" }, false],
      [20 * MIN, { kind: "region", id: "us-east-1" }, true],
      [40 * MIN, { kind: "region", id: "us-east-1" }, false],
    ]);
    expect(sim.log.map((e) => e.type)).toEqual(["fault-injected", "fault-cleared", "fault-injected", "fault-cleared"]);
  });

  it("a host failure takes its VMs with it (through the infrastructure model)", () => {
    const sim = new Simulation<FailureLogEntry | InfraLogEntry>({ seed: 1 });
    const infra = new InfrastructureModel(sim, { regions: [REGION], hypervisor: "type-1", workloads: [web({ replicas: 3, minRunning: 3 })] });
    infra.placePending();
    const host = infra.view().vms.find((v) => v.id === "web-1")?.hostId as string;
    new FailureModel(sim, { chaos: [{ atMs: MIN, action: "fail", fault: { kind: "host", id: host }, durationMs: MIN }] }, [infrastructureSink(infra)]);
    sim.runUntil(MIN);
    expect(infra.workloadStatus("web")).toMatchObject({ running: 2, lost: 1, serving: false });
    sim.runUntil(2 * MIN);
    expect(infra.view().regions[0]?.azs.flatMap((a) => a.hosts).find((h) => h.id === host)?.up).toBe(true);
  });

  it("crashes an Auto Scaling group's instance, which the group replaces", () => {
    const sim = new Simulation<FailureLogEntry | AutoscalingLogEntry>({ seed: 1 });
    const asg = new AutoScalingGroup(
      sim,
      { id: "app", minSize: 2, maxSize: 4, desiredCapacity: 2, launchTimeMs: MIN, costPerInstanceHour: 0.1 },
      () => 50,
    );
    new FailureModel(sim, { chaos: [{ atMs: 30_000, action: "fail", fault: { kind: "instance", id: "app-2" } }] }, [asg]);
    sim.runUntil(3 * MIN);
    expect(asg.view().instances.map((i) => [i.id, i.state])).toEqual([
      ["app-1", "in-service"],
      ["app-3", "in-service"],
    ]);
  });
});

describe("network partitions", () => {
  const topology = [
    { regionId: "us-east-1", azIds: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    { regionId: "eu-west-1", azIds: ["eu-west-1a"] },
    { regionId: "ap-south-1", azIds: ["ap-south-1a"] },
  ];

  it("between two AZs cuts only that pair", () => {
    const sim = new Simulation<FailureLogEntry>({ seed: 1 });
    const f = new FailureModel(sim, { topology });
    f.inject({ kind: "partition", a: "us-east-1a", b: "us-east-1b" }, true);
    expect(f.reachable("us-east-1a", "us-east-1b")).toBe(false);
    expect(f.reachable("us-east-1b", "us-east-1a")).toBe(false);
    expect(f.reachable("us-east-1a", "us-east-1c")).toBe(true);
    expect(f.reachable("us-east-1a", "us-east-1a")).toBe(true);
    f.inject({ kind: "partition", a: "us-east-1b", b: "us-east-1a" }, false);
    expect(f.reachable("us-east-1a", "us-east-1b")).toBe(true);
  });

  it("between a Region and the rest (*) cuts it off from every other location but not within", () => {
    const sim = new Simulation<FailureLogEntry>({ seed: 1 });
    const f = new FailureModel(sim, { topology, chaos: [{ atMs: MIN, action: "fail", fault: { kind: "partition", a: "us-east-1", b: "*" }, durationMs: MIN }] });
    expect(f.reachable("us-east-1a", "eu-west-1a")).toBe(true);
    sim.runUntil(MIN);
    expect(f.reachable("us-east-1a", "eu-west-1a")).toBe(false);
    expect(f.reachable("eu-west-1", "us-east-1c")).toBe(false);
    expect(f.reachable("us-east-1a", "us-east-1b")).toBe(true);
    expect(f.reachable("eu-west-1a", "ap-south-1a")).toBe(true);
    expect(f.view().partitions).toEqual([["us-east-1", "*"]]);
    sim.runUntil(2 * MIN);
    expect(f.reachable("us-east-1a", "eu-west-1a")).toBe(true);
  });
});

describe("random failures from MTBF/MTTR", () => {
  it("each component has its own stream: adding one leaves another's failures unchanged", () => {
    const times = (ids: string[]) => {
      const sim = new Simulation<FailureLogEntry>({ seed: 9 });
      new FailureModel(sim, { components: ids.map((id) => ({ id, mtbfMs: 5 * HOUR, mttrMs: HOUR })) });
      sim.runUntil(500 * HOUR);
      return sim.log.filter((e) => e.fault.kind !== "partition" && e.fault.id === "lb").map((e) => [e.type, e.atMs]);
    };
    const alone = times(["lb"]);
    expect(alone.length).toBeGreaterThan(100);
    expect(times(["disk", "lb", "dns"])).toEqual(alone);
  });

  it("mean up and down times match MTBF and MTTR (4 000 cycles, within 5 %)", () => {
    const sim = new Simulation<FailureLogEntry>({ seed: 3, maxLogEntries: 20_000 });
    new FailureModel(sim, { components: [{ id: "x", mtbfMs: 10 * HOUR, mttrMs: 2 * HOUR }] });
    sim.runUntil(48_000 * HOUR);
    const log = sim.log;
    const ups: number[] = [];
    const downs: number[] = [];
    let last = 0;
    for (const e of log) {
      (e.type === "fault-injected" ? ups : downs).push(e.atMs - last);
      last = e.atMs;
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    // Exponential times: the mean of n has a relative standard error 1/√n ≈ 1.6 %; 5 % is three of them.
    expect(ups.length).toBeGreaterThan(3800);
    expect(Math.abs(mean(ups) / (10 * HOUR) - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean(downs) / (2 * HOUR) - 1)).toBeLessThan(0.05);
  });

  it("a component can also be failed and repaired by hand", () => {
    const sim = new Simulation<FailureLogEntry>({ seed: 1 });
    const f = new FailureModel(sim, { components: [{ id: "lb", mtbfMs: 1000 * HOUR, mttrMs: HOUR }] });
    f.inject({ kind: "component", id: "lb" }, true);
    expect(f.isComponentUp("lb")).toBe(false);
    expect(f.view().components).toEqual([{ id: "lb", up: false }]);
    f.inject({ kind: "component", id: "lb" }, false);
    expect(f.isComponentUp("lb")).toBe(true);
    expect(() => f.isComponentUp("nope")).toThrow(/Unknown component/);
  });

  it("a random component can stand for an AZ and drive an Auto Scaling group's outages", () => {
    const sim = new Simulation<FailureLogEntry | AutoscalingLogEntry>({ seed: 4 });
    const asg = new AutoScalingGroup(
      sim,
      { id: "app", minSize: 4, maxSize: 4, desiredCapacity: 4, launchTimeMs: MIN, costPerInstanceHour: 0.1, azIds: ["a", "b"] },
      () => 50,
    );
    new FailureModel(sim, { components: [{ id: "az-a", mtbfMs: 10 * HOUR, mttrMs: HOUR, fault: { kind: "az", id: "a" } }] }, [asg]);
    sim.runUntil(100 * HOUR);
    expect(sim.log.filter((e) => e.type === "asg-instance-failed").length).toBeGreaterThan(0);
    expect(asg.view().desired).toBe(4);
  });
});
