import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ALB_DEREGISTRATION_DELAY_MS,
  ALB_HEALTH_CHECK,
  InfrastructureModel,
  ServiceModel,
  Simulation,
  buildRegion,
  runScenario,
  type InfraLogEntry,
  type ServiceConfig,
  type ServiceLogEntry,
} from "@/lib/sim";
import { parseScenario } from "@/lib/validation/scenario";

type Over = Partial<ServiceConfig>;

function service(over: Over = {}, seed = 1) {
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 1_000_000 });
  const svc = new ServiceModel(sim, {
    regionId: "us-east-1",
    sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: 100 } }],
    classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: 5 } }],
    targets: [
      { id: "a1", azId: "us-east-1a" },
      { id: "b1", azId: "us-east-1b" },
    ],
    loadBalancer: { algorithm: "round-robin" },
    ...over,
  });
  return { sim, svc };
}

const health = (sim: Simulation<ServiceLogEntry>, targetId: string) =>
  sim.log.filter((e) => e.type === "target-health" && e.targetId === targetId);

describe("instances", () => {
  it("serves FIFO on c workers; latency = network + queue + service", () => {
    const { sim, svc } = service({
      sources: [{ id: "users", arrivals: { kind: "trace", atMs: [0, 0, 0] }, location: "london" }],
      classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: 10 } }],
      targets: [{ id: "a1", azId: "us-east-1a", workers: 2 }],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
      azIds: ["us-east-1a"],
      logRequests: true,
    });
    sim.runUntil(1_000);
    const done = sim.log.filter((e) => e.type === "request-completed");
    expect(done.map((e) => e.type === "request-completed" && e.atMs)).toEqual([10, 10, 20]);
    const network = done[0]?.type === "request-completed" ? done[0].latencyMs - 10 : 0;
    expect(network).toBeGreaterThan(60); // London ↔ N. Virginia plus 0.3 ms inside the AZ
    expect(done[2]?.type === "request-completed" && done[2].latencyMs).toBeCloseTo(network + 20, 9);
    expect(svc.view().totals.queueing).toEqual({ started: 3, waitedFraction: 1 / 3, meanWaitMs: 10 / 3 });
  });

  it("a slower instance takes proportionally longer", () => {
    const { sim, svc } = service({
      targets: [{ id: "slow", azId: "us-east-1a", speed: 0.25 }],
      sources: [{ id: "users", arrivals: { kind: "trace", atMs: [0] } }],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
    });
    sim.runUntil(100);
    expect(svc.view().totals.latency?.maxMs).toBeCloseTo(20 + 0.3, 9);
  });

  it("fails requests over the queue limit with queue-full and late ones with timeout", () => {
    const { sim, svc } = service({
      sources: [{ id: "users", arrivals: { kind: "trace", atMs: [0, 0, 0, 0] } }],
      classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: 30 }, timeoutMs: 50 }],
      targets: [{ id: "a1", azId: "us-east-1a", maxQueue: 2 }],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
    });
    sim.runUntil(1_000);
    // #1 served 0–30; #2 would end at 60 > 50: stopped at its deadline; #3 reaches the front at 50: already late.
    const t = svc.view().totals;
    expect(t.completed).toBe(1);
    expect(t.failedByCause).toMatchObject({ "queue-full": 1, timeout: 2 });
    expect(t.availabilityByRequests).toBe(0.25);
  });
});

describe("load-balancer health checks (ALB defaults)", () => {
  it("uses the ALB defaults: 30 s interval, 5 s timeout, thresholds 5 and 2, 300 s deregistration delay", () => {
    expect(ALB_HEALTH_CHECK).toEqual({ intervalMs: 30_000, timeoutMs: 5_000, healthyThreshold: 5, unhealthyThreshold: 2 });
    expect(ALB_DEREGISTRATION_DELAY_MS).toBe(300_000);
  });

  it("a dead target is marked unhealthy after two failed checks; until then its share of requests fails", () => {
    const { sim, svc } = service({ logRequests: true });
    svc.scheduleInstance(100_000, "b1", "fail");
    sim.runUntil(400_000);
    const down = health(sim, "b1");
    expect(down).toHaveLength(1);
    const markedAt = down[0]?.atMs as number;
    // Checks of b1 run at 15 s + 30 s·k; the two after 100 s start at 105 s and 135 s, and fail at +5 s.
    expect(markedAt).toBe(140_000);
    const unreachable = sim.log.filter((e) => e.type === "request-failed" && e.cause === "target-unreachable");
    expect(unreachable.length).toBeGreaterThan(1_000);
    expect(Math.max(...unreachable.map((e) => e.atMs))).toBeLessThan(markedAt);
    expect(svc.routableTargets("us-east-1a")).toEqual(["a1"]);
    const t = svc.view().totals;
    expect(t.availabilityByTime).toBe(1); // a1 stayed up
    expect(t.availabilityByRequests).toBeLessThan(1);
  });

  it("a recovered target takes traffic again after five passing checks", () => {
    const { sim, svc } = service();
    svc.scheduleInstance(100_000, "b1", "fail");
    svc.scheduleInstance(200_000, "b1", "recover");
    sim.runUntil(600_000);
    const transitions = health(sim, "b1").map((e) => e.type === "target-health" && [e.atMs, e.to]);
    // Passes at 225, 255, 285, 315, 345 s: healthy on the fifth.
    expect(transitions).toEqual([
      [140_000, "unhealthy"],
      [345_000, "healthy"],
    ]);
    expect(svc.routableTargets("us-east-1a")).toEqual(["a1", "b1"]);
  });

  it("fails open when every target is unhealthy: routes to all of them", () => {
    const { sim, svc } = service({ logRequests: true });
    svc.scheduleInstance(10_000, "a1", "fail");
    svc.scheduleInstance(10_000, "b1", "fail");
    svc.scheduleInstance(100_000, "a1", "recover");
    sim.runUntil(150_000);
    expect(sim.log.some((e) => e.type === "lb-fail-open" && e.failOpen)).toBe(true);
    expect(svc.view().failOpen).toBe(true);
    // a1 is back but not yet healthy; fail-open still sends it about half the requests, which succeed.
    const served = sim.log.filter((e) => e.type === "request-completed" && e.atMs > 100_000 && e.atMs < 150_000);
    expect(served.length).toBeGreaterThan(2_000);
    expect(served.every((e) => e.type === "request-completed" && e.targetId === "a1")).toBe(true);
  });

  it("cross-zone off: each AZ's node splits only among its own AZ's targets", () => {
    const targets = [
      { id: "a1", azId: "us-east-1a" },
      { id: "b1", azId: "us-east-1b" },
      { id: "b2", azId: "us-east-1b" },
      { id: "b3", azId: "us-east-1b" },
    ];
    const share = (crossZone: boolean) => {
      const { sim, svc } = service({
        targets,
        sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: 200 } }],
        loadBalancer: { algorithm: "round-robin", crossZone },
      });
      sim.runUntil(100_000);
      const v = svc.view();
      return (v.targets[0]?.completed as number) / v.totals.completed;
    };
    expect(share(false)).toBeCloseTo(0.5, 1);
    expect(share(true)).toBeCloseTo(0.25, 1);
  });

  it("weighted round robin splits exactly by weight", () => {
    const { sim, svc } = service({
      targets: [
        { id: "a1", azId: "us-east-1a", weight: 3 },
        { id: "b1", azId: "us-east-1b", weight: 1 },
      ],
      azIds: ["us-east-1a"],
      loadBalancer: { algorithm: "weighted-round-robin", healthCheck: null },
    });
    sim.runUntil(40_000);
    expect(svc.view().targets.map((t) => t.completed)).toEqual([3_000, 1_000]);
  });
});

describe("deregistration delay", () => {
  const slow: Over = {
    sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: 10 } }],
    classes: [{ id: "report", serviceTime: { kind: "deterministic", ms: 20_000 } }],
    targets: [
      { id: "a1", azId: "us-east-1a", workers: 1000 },
      { id: "b1", azId: "us-east-1b", workers: 1000 },
    ],
  };

  it("a draining target gets no new requests but finishes in-flight ones within the delay", () => {
    const { sim, svc } = service({ ...slow, logRequests: true });
    svc.scheduleRegistration(60_000, "b1", "deregister");
    sim.runUntil(200_000);
    const toB = sim.log.filter((e) => e.type === "request-completed" && e.targetId === "b1");
    expect(Math.max(...toB.map((e) => e.atMs))).toBeLessThanOrEqual(80_000);
    expect(health(sim, "b1").map((e) => e.type === "target-health" && e.to)).toEqual(["draining", "unused"]);
    expect(svc.view().totals.failed).toBe(0);
  });

  it("requests still in flight when the delay runs out fail with 'deregistered'", () => {
    const { sim, svc } = service({ ...slow, loadBalancer: { algorithm: "round-robin", deregistrationDelayMs: 5_000 } });
    svc.deregisterTarget("b1");
    sim.runUntil(60_000);
    expect(svc.view().totals.failedByCause.deregistered).toBe(0); // nothing in flight at t = 0
    svc.registerTarget("b1");
    sim.runUntil(300_000);
    // A new registration needs one passing check: b1's first comes 15 s after registering (checks are staggered).
    expect(health(sim, "b1").at(-1)).toMatchObject({ atMs: 75_000, from: "initial", to: "healthy" });
    expect(svc.routableTargets("us-east-1b")).toEqual(["a1", "b1"]);
    svc.deregisterTarget("b1");
    sim.runUntil(400_000);
    // In flight at 300 s: b1's share of the last 20 s (100 requests); the oldest 25 finish within the 5 s delay.
    expect(svc.view().totals.failedByCause.deregistered).toBe(75);
  });
});

describe("instances on infrastructure VMs", () => {
  it("an AZ failure takes its instances' requests with it; restarted VMs rejoin after health checks", () => {
    const sim = new Simulation<ServiceLogEntry | InfraLogEntry>({ seed: 3, maxLogEntries: 1_000_000 });
    const infra = new InfrastructureModel(sim, {
      regions: [buildRegion({ id: "us-east-1", azCount: 3, hostsPerAz: 2, cpuCores: 8, memoryGiB: 32 })],
      hypervisor: "type-1",
      workloads: [{ id: "web", replicas: 3, minRunning: 2, vcpu: 2, memoryGiB: 4, placement: "spread" }],
      restartDelayMs: 60_000,
    });
    infra.placePending();
    const svc = new ServiceModel(
      sim,
      {
        regionId: "us-east-1",
        sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: 50 } }],
        classes: [{ id: "api", serviceTime: { kind: "exponential", meanMs: 200 } }],
        targets: ["web-1", "web-2", "web-3"].map((vmId) => ({ id: vmId, vmId, workers: 8 })),
        loadBalancer: { algorithm: "least-outstanding" },
        logRequests: true,
      },
      infra,
    );
    expect(svc.view().targets.map((t) => t.azId)).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    infra.scheduleFault(100_000, "az", "us-east-1a", "fail");
    sim.runUntil(600_000);
    const lost = sim.log.find((e) => e.type === "instance-down");
    expect(lost).toMatchObject({ atMs: 100_000, targetId: "web-1" });
    expect(lost?.type === "instance-down" && lost.lostRequests).toBeGreaterThan(0);
    const view = svc.view();
    expect(view.totals.failedByCause["instance-failed"]).toBe(lost?.type === "instance-down" ? lost.lostRequests : -1);
    // Restarted in another AZ 60 s later, then healthy after five checks.
    expect(view.targets[0]).toMatchObject({ up: true, health: "healthy" });
    expect(view.targets[0]?.azId).not.toBe("us-east-1a");
    expect(view.totals.availabilityByTime).toBe(1);
    expect(view.series.utilisationByAz["us-east-1a"]?.[200]).toBeNull();
  });
});

describe("metrics", () => {
  it("time series: one bucket per second, utilisation per target and AZ, cost", () => {
    const { sim, svc } = service({
      sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: 100 } }],
      classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: 10 } }],
      targets: [
        { id: "a1", azId: "us-east-1a", costPerHour: 3.6 },
        { id: "b1", azId: "us-east-1b", costPerHour: 3.6 },
      ],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
      costPerMillionRequests: 1_000,
    });
    sim.runUntil(10_000);
    const s = svc.view().series;
    expect(s.arrived).toEqual(new Array(10).fill(100));
    expect(s.completed.slice(1)).toEqual(new Array(9).fill(100));
    expect(s.latencyP50Ms[5]).toBeCloseTo(10.3, 1);
    expect(s.utilisationByTarget.a1?.[5]).toBeCloseTo(0.5, 9);
    expect(s.utilisationByAz["us-east-1b"]?.[5]).toBeCloseTo(0.5, 9);
    expect(s.availability).toEqual(new Array(10).fill(1));
    // 2 × $3.60/h for 1 s = $0.002, plus 100 requests at $1000 per million = $0.1.
    expect(s.costUsd[3]).toBeCloseTo(0.102, 12);
    // Ten buckets, plus the arrival at exactly 10 s in the open eleventh.
    expect(svc.view().totals.costUsd).toBeCloseTo(1.021, 9);
  });

  it("latency statistics hold every completed request, in completion order, however many a bucket holds", () => {
    // 5 s buckets at 1 000 req/s: about 5 000 completions per bucket, with a view and a snapshot taken mid-bucket.
    const { sim, svc } = service({
      sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: 1000 } }],
      classes: [{ id: "api", serviceTime: { kind: "exponential", meanMs: 20 } }],
      targets: [
        { id: "a1", azId: "us-east-1a", workers: 40 },
        { id: "b1", azId: "us-east-1b", workers: 40 },
      ],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
      bucketMs: 5_000,
      logRequests: true,
    });
    sim.runUntil(7_300);
    svc.view();
    sim.snapshot();
    sim.runUntil(20_000);
    const view = svc.view();
    const done = sim.log.filter((e) => e.type === "request-completed");
    // The histogram sums latencies in the order they complete, bucket by bucket; the run's total adds bucket sums.
    const bucketSums = [0, 0, 0, 0];
    const bucketCounts = [0, 0, 0, 0];
    for (const e of done) {
      const k = Math.floor(e.atMs / 5_000);
      if (k < 4) {
        bucketSums[k] = (bucketSums[k] as number) + e.latencyMs;
        bucketCounts[k] = (bucketCounts[k] as number) + 1;
      }
    }
    expect(Math.min(...bucketCounts)).toBeGreaterThan(4_000);
    expect(view.series.completed).toEqual(bucketCounts);
    expect(view.series.latencyMeanMs).toEqual(bucketSums.map((sum, k) => sum / (bucketCounts[k] as number)));
    const total = bucketSums.reduce((a, b) => a + b, 0);
    expect(view.totals.latency?.meanMs).toBe(total / done.length);
    expect(view.totals.latency?.maxMs).toBe(Math.max(...done.map((e) => e.latencyMs)));
  });
});

describe("the lb-race scenario", () => {
  it("validates, runs and ranks least outstanding ahead of round robin", () => {
    const file = path.resolve(__dirname, "../../../lib/sim/scenarios/lb-race.json");
    const result = runScenario(parseScenario(JSON.parse(readFileSync(file, "utf8"))));
    const p99 = Object.fromEntries((result.race ?? []).map((r) => [r.algorithm, r.totals.latency?.p99Ms as number]));
    expect(Object.keys(p99)).toHaveLength(5);
    expect(p99["least-outstanding"]).toBeLessThan(0.7 * (p99["round-robin"] as number));
    expect(p99["power-of-two"]).toBeLessThan(p99.random as number);
    expect(result.service?.totals.arrived).toBeGreaterThan(200_000);
  });
});
