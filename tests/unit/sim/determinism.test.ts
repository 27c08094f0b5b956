import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, Simulation, createStream, createWorld, type WorldConfig } from "@/lib/sim";
import { REGION, web } from "./helpers";

/** All four models at once, with every source of randomness switched on. */
const config = (seed: number): WorldConfig => ({
  seed,
  infrastructure: {
    regions: [REGION],
    hypervisor: "type-1",
    workloads: [web({ replicas: 4 }), { id: "batch", replicas: 2, minRunning: 1, vcpu: 4, memoryGiB: 16, placement: "pack" }],
    restartDelayMs: 300_000,
    randomHostFailures: { mtbfMs: 6 * 3_600_000, mttrMs: 1_800_000 },
  },
  gateway: {
    ratePerSec: 5,
    burst: 10,
    clients: [
      { id: "app", arrivals: { kind: "poisson", ratePerSec: 0.004 }, retry: { maxRetries: 3, baseDelayMs: 60_000, maxDelayMs: 600_000 } },
      { id: "cron", arrivals: { kind: "constant", ratePerSec: 0.001 } },
    ],
    seriesIntervalMs: 3_600_000,
  },
  provisioning: {
    demand: { baseServers: 20, growthPerDay: 0.02, dailySwingFraction: 0.3, spikes: [{ startDay: 1, durationDays: 0.5, extraServers: 30 }], noiseFraction: 0.1 },
    onPrem: { initialServers: 30, lotSize: 10, leadTimeDays: 1, reviewEveryDays: 1, headroomFraction: 0.3, costPerServerHour: 0.35 },
    cloud: { launchDelayMinutes: 5, headroomFraction: 0.1, minInstances: 2, costPerInstanceHour: 0.5 },
  },
  service: {
    regionId: "us-east-1",
    sources: [
      { id: "day", arrivals: { kind: "diurnal", meanRatePerSec: 0.05, amplitude: 0.9 }, location: "london" },
      { id: "bursts", arrivals: { kind: "bursty", onRatePerSec: 0.5, meanOnMs: 60_000, meanOffMs: 3_600_000 } },
    ],
    classes: [
      { id: "api", weight: 3, serviceTime: { kind: "exponential", meanMs: 20_000 }, timeoutMs: 60_000 },
      { id: "report", serviceTime: { kind: "lognormal", p50Ms: 30_000, p99Ms: 300_000 } },
    ],
    targets: [1, 2, 3, 4].map((n) => ({ id: `web-${n}`, vmId: `web-${n}`, workers: 2, maxQueue: 3, costPerHour: 0.1 })),
    loadBalancer: { algorithm: "power-of-two", crossZone: false },
    bucketMs: 3_600_000,
  },
});

const RUN_MS = 3 * DAY_MS;

function fullRun(seed: number) {
  const world = createWorld(config(seed));
  world.infrastructure?.placePending();
  world.sim.runUntil(RUN_MS);
  return world;
}

describe("determinism", () => {
  it("the same seed gives the identical event log and snapshot", () => {
    const a = fullRun(42);
    const b = fullRun(42);
    expect(a.sim.log.length).toBeGreaterThan(100);
    expect(b.sim.log).toEqual(a.sim.log);
    expect(JSON.stringify(b.sim.snapshot())).toBe(JSON.stringify(a.sim.snapshot()));
  });

  it("different seeds give different runs", () => {
    expect(fullRun(1).sim.log).not.toEqual(fullRun(2).sim.log);
  });

  it("snapshot → JSON → restore → continue equals an uninterrupted run, wherever the cut is (property)", () => {
    const reference = fullRun(7);
    const expected = JSON.stringify(reference.sim.snapshot());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RUN_MS }), (cutMs) => {
        const first = createWorld(config(7));
        first.infrastructure?.placePending();
        first.sim.runUntil(cutMs);
        const saved = JSON.parse(JSON.stringify(first.sim.snapshot()));
        const second = createWorld(config(7));
        second.sim.restore(saved);
        second.sim.runUntil(RUN_MS);
        expect(JSON.stringify(second.sim.snapshot())).toBe(expected);
        expect(second.infrastructure?.view()).toEqual(reference.infrastructure?.view());
        expect(second.gateway?.view()).toEqual(reference.gateway?.view());
        expect(second.provisioning?.view()).toEqual(reference.provisioning?.view());
        expect(second.service?.view()).toEqual(reference.service?.view());
      }),
      { numRuns: 25 },
    );
  });

  it("a snapshot does not alias live state", () => {
    const world = fullRun(3);
    const snap = world.sim.snapshot();
    const before = JSON.stringify(snap);
    world.sim.runUntil(RUN_MS + DAY_MS);
    expect(JSON.stringify(snap)).toBe(before);
  });

  it("stepping event by event ends where runUntil does", () => {
    const stepped = createWorld(config(11));
    stepped.infrastructure?.placePending();
    while (stepped.sim.nextEventAtMs() <= RUN_MS) stepped.sim.step();
    stepped.sim.runUntil(RUN_MS);
    expect(stepped.sim.snapshot()).toEqual(fullRun(11).sim.snapshot());
  });

  it("adding a model does not change the other models' random draws", () => {
    const infraOnly = createWorld({ seed: 5, infrastructure: config(5).infrastructure });
    infraOnly.infrastructure?.placePending();
    infraOnly.sim.runUntil(RUN_MS);
    const all = fullRun(5);
    const infraTypes = new Set(["host-failed", "host-recovered", "vm-placed", "workload-up", "workload-down"]);
    expect(all.sim.log.filter((e) => infraTypes.has(e.type))).toEqual(infraOnly.sim.log.filter((e) => infraTypes.has(e.type)));
  });

  it("named streams are independent and reproducible", () => {
    const draw = (seed: number, name: string) => Array.from({ length: 5 }, createStream(seed, name).next);
    expect(draw(1, "a")).toEqual(draw(1, "a"));
    expect(draw(1, "a")).not.toEqual(draw(1, "b"));
    expect(draw(1, "a")).not.toEqual(draw(2, "a"));
  });

  it("knows whether a run has drawn a random number yet, also after a snapshot round trip", () => {
    const sim = new Simulation({ seed: 7 });
    expect(sim.usedRandomness()).toBe(false);
    sim.stream("fetched-but-unused");
    expect(sim.usedRandomness()).toBe(false);
    sim.stream("used").next();
    expect(sim.usedRandomness()).toBe(true);

    const restored = new Simulation({ seed: 7 });
    restored.restore(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(restored.usedRandomness()).toBe(true);
    const untouched = new Simulation({ seed: 7 });
    untouched.stream("fetched-but-unused");
    const copy = new Simulation({ seed: 7 });
    copy.restore(JSON.parse(JSON.stringify(untouched.snapshot())));
    expect(copy.usedRandomness()).toBe(false);
  });

  it("a simulation needs a finite seed", () => {
    expect(() => createWorld({ seed: Number.NaN })).toThrow();
  });
});
