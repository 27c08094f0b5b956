/**
 * Pinned behaviour of the service model's hot path. The engine's speed work (see "Performance" in docs/engine.md)
 * restructured the request path, the random streams, the router and the event queue without changing a single
 * draw, event or number: these hashes were computed with the engine as it was before that work, and every run
 * here must still reproduce them exactly (views, snapshot, request log and event count).
 *
 * If you change the service model's behaviour on purpose, regenerate the hashes (print them from this file's
 * `serviceRunHash`) and say why in the commit. Regenerated since:
 * - when the snapshot gained each target's noisy-neighbour slowdown (the same runs without that field still gave the
 *   original hashes);
 * - when exponential and normal draws moved to the ziggurat method, which changes every such draw. The timers that
 *   keep sources' arrivals out of the calendar came in the same change: with the old draws, and without the `timer`
 *   field they add to snapshots, they still gave the previous hashes;
 * - when each target's busy time became one running sum (a start subtracts its time, an end adds it) instead of an
 *   integral brought up to date at every change: the request logs and event counts are identical, and the only
 *   numbers that moved are utilisations, in the 13th significant digit (largest relative change 2.7e-13), plus the
 *   snapshot's busy-time fields.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ServiceModel, Simulation, type LbAlgorithm, type ServiceConfig, type ServiceLogEntry } from "@/lib/sim";

const ALGORITHMS: LbAlgorithm[] = [
  "round-robin",
  "random",
  "least-outstanding",
  "power-of-two",
  "weighted-round-robin",
  "weighted-random",
];
const TARGET_IDS = ["a", "b", "c"].flatMap((az) => [1, 2, 3].map((n) => `us-east-1${az}-${n}`));

function config(algorithm: LbAlgorithm): ServiceConfig {
  return {
    regionId: "us-east-1",
    sources: [
      { id: "users", arrivals: { kind: "poisson", ratePerSec: 300 }, location: "new-york" },
      { id: "b", arrivals: { kind: "bursty", onRatePerSec: 200, meanOnMs: 2000, meanOffMs: 5000 }, startMs: 1000, stopMs: 50_000 },
      { id: "d", arrivals: { kind: "diurnal", meanRatePerSec: 100, amplitude: 0.7, periodMs: 20_000 } },
      { id: "c", arrivals: { kind: "constant", ratePerSec: 33 } },
      { id: "t", arrivals: { kind: "trace-counts", countsPerSec: [5, 0, 7, 100, 3] } },
    ],
    classes: [
      { id: "api", weight: 4, serviceTime: { kind: "exponential", meanMs: 30 }, timeoutMs: 200 },
      { id: "report", weight: 1, serviceTime: { kind: "lognormal", p50Ms: 80, p99Ms: 400 }, timeoutMs: 500 },
      { id: "ln2", weight: 0.5, serviceTime: { kind: "lognormal", meanMs: 50, sigma: 0.8 } },
      { id: "det", weight: 0.5, serviceTime: { kind: "deterministic", ms: 20 } },
    ],
    targets: ["a", "b", "c"].flatMap((az) =>
      [1, 2, 3].map((n) => ({
        id: `us-east-1${az}-${n}`,
        azId: `us-east-1${az}`,
        workers: n + 1,
        maxQueue: n === 2 ? null : 5 * n,
        speed: 0.5 + n * 0.4,
        weight: n,
        costPerHour: 0.1 * n,
        registered: !(az === "c" && n === 3),
      })),
    ),
    loadBalancer: { algorithm, crossZone: algorithm !== "random", healthCheck: { intervalMs: 5000, timeoutMs: 1000 }, deregistrationDelayMs: 3000 },
    bucketMs: 700,
    costPerMillionRequests: 0.4,
    logRequests: true,
  };
}

/** A 90 s run with failures, recoveries, (de)registrations and a total outage, hashed (views, snapshot, log). */
function serviceRunHash(algorithm: LbAlgorithm): string {
  const sim = new Simulation<ServiceLogEntry>({ seed: 17, maxLogEntries: 1_000_000 });
  const service = new ServiceModel(sim, config(algorithm));
  service.scheduleInstance(3000, "us-east-1a-1", "fail");
  service.scheduleInstance(9000, "us-east-1a-1", "recover");
  service.scheduleRegistration(4000, "us-east-1b-2", "deregister");
  service.scheduleRegistration(12_000, "us-east-1b-2", "register");
  service.scheduleRegistration(5000, "us-east-1c-3", "register");
  const views: unknown[] = [];
  for (const t of [1234, 7777, 30_000, 60_000]) {
    sim.runUntil(t);
    views.push(service.view());
  }
  for (const id of TARGET_IDS) service.failInstance(id);
  sim.runUntil(70_000);
  for (const id of TARGET_IDS) service.recoverInstance(id);
  sim.runUntil(90_000);
  views.push(service.view());
  const text = JSON.stringify({ views, snapshot: sim.snapshot(), log: sim.log, events: sim.eventsProcessed });
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

const PINNED: Record<LbAlgorithm, string> = {
  "round-robin": "b00b7962f05bf82d",
  random: "2f0b24bef67273c9",
  "least-outstanding": "132941cbcdb1ed9f",
  "power-of-two": "b5ee402f8e70bc32",
  "weighted-round-robin": "539993ac2c4cb51c",
  "weighted-random": "88c8609a5069ae94",
};

describe("service model: pinned behaviour", () => {
  for (const algorithm of ALGORITHMS) {
    it(`${algorithm}: identical views, snapshot, request log and event count`, () => {
      expect(serviceRunHash(algorithm)).toBe(PINNED[algorithm]);
    });
  }
});
