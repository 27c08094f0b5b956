/**
 * Load-balancing fidelity and invariants.
 *
 * Balls into bins (Azar, Broder, Karlin & Upfal 1999): n balls into n bins, each placed by the LB's own `Router`.
 * Uniform random placement gives a maximum load of about ln n / ln ln n, and the power of two choices about
 * ln ln n / ln 2 + O(1). The leading term of the random case converges slowly (at n = 100 000 the observed maximum
 * is 7–10, 1.5–2.1 × ln n / ln ln n), so the tolerances are: random within [1, 2.25] × ln n / ln ln n; power of two within
 * ±1.5 of ln ln n / ln 2; and, every seed, power of two strictly below random with at least 1.8 × less on average.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Router,
  ServiceModel,
  Simulation,
  createStream,
  type LbAlgorithm,
  type ServiceConfig,
  type ServiceLogEntry,
} from "@/lib/sim";

function maxLoad(algorithm: LbAlgorithm, n: number, seed: number): number {
  const router = new Router(algorithm, 1, new Array<number>(n).fill(1));
  router.setCandidates(0, Array.from({ length: n }, (_, i) => i));
  router.finish([true]);
  const load = new Int32Array(n);
  const rng = createStream(seed, "balls");
  let max = 0;
  for (let ball = 0; ball < n; ball++) {
    const bin = router.pick(0, load, rng);
    const l = (load[bin] as number) + 1;
    load[bin] = l;
    if (l > max) max = l;
  }
  return max;
}

describe("balls into bins", () => {
  const n = 100_000;
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const lnN = Math.log(n);
  const randomTheory = lnN / Math.log(lnN); // ≈ 4.71
  const twoChoiceTheory = Math.log(lnN) / Math.LN2; // ≈ 3.53

  it("random placement: max load ≈ ln n / ln ln n; power of two choices: ≈ ln ln n / ln 2 + O(1)", () => {
    const random = seeds.map((s) => maxLoad("random", n, s));
    const two = seeds.map((s) => maxLoad("power-of-two", n, s));
    for (const m of random) {
      expect(m).toBeGreaterThanOrEqual(randomTheory);
      expect(m).toBeLessThanOrEqual(2.25 * randomTheory);
    }
    for (const m of two) expect(Math.abs(m - twoChoiceTheory)).toBeLessThanOrEqual(1.5);
    seeds.forEach((_, i) => expect(two[i] as number).toBeLessThan(random[i] as number));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(random) / mean(two)).toBeGreaterThanOrEqual(1.8);
  });
});

/** Six targets in three AZs, one full-speed and one half-speed per AZ, at 75 % of total capacity. */
function unequal(algorithm: LbAlgorithm): ServiceConfig {
  return {
    regionId: "us-east-1",
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: 400 } }],
    classes: [{ id: "api", serviceTime: { kind: "lognormal", p50Ms: 20, p99Ms: 120 } }],
    targets: ["a", "b", "c"].flatMap((az) => [
      { id: `${az}-fast`, azId: `us-east-1${az}`, workers: 4, speed: 1 },
      { id: `${az}-slow`, azId: `us-east-1${az}`, workers: 4, speed: 0.5 },
    ]),
    loadBalancer: { algorithm },
    bucketMs: 60_000,
  };
}

function p99(algorithm: LbAlgorithm, seed: number): number {
  const sim = new Simulation<ServiceLogEntry>({ seed });
  const service = new ServiceModel(sim, unequal(algorithm));
  sim.runUntil(300_000);
  return service.view().totals.latency?.p99Ms as number;
}

describe("least outstanding requests on unequal servers", () => {
  it("has a clearly lower p99 than round robin (at most 0.7×, each of 3 seeds)", () => {
    for (const seed of [1, 2, 3]) {
      const rr = p99("round-robin", seed);
      const lor = p99("least-outstanding", seed);
      expect(lor).toBeLessThan(0.7 * rr);
    }
  });
});

describe("service invariants (property)", () => {
  const algorithms: LbAlgorithm[] = ["round-robin", "random", "least-outstanding", "power-of-two", "weighted-round-robin", "weighted-random"];
  const action = fc.record({
    atMs: fc.integer({ min: 0, max: 120_000 }),
    target: fc.nat(),
    kind: fc.constantFrom("fail-instance", "recover-instance", "register", "deregister"),
  });
  const scenario = fc.record({
    seed: fc.nat(),
    algorithm: fc.constantFrom(...algorithms),
    crossZone: fc.boolean(),
    checks: fc.boolean(),
    targets: fc.array(
      fc.record({
        az: fc.constantFrom("a", "b"),
        workers: fc.integer({ min: 1, max: 3 }),
        speed: fc.constantFrom(0.5, 1, 2),
        maxQueue: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    ratePerSec: fc.integer({ min: 5, max: 200 }),
    timeoutMs: fc.option(fc.integer({ min: 20, max: 2_000 }), { nil: null }),
    actions: fc.array(action, { maxLength: 12 }),
    checkpoints: fc.array(fc.integer({ min: 0, max: 150_000 }), { minLength: 1, maxLength: 8 }),
  });

  it("conserves requests (arrived = completed + failed + in flight) at any time, and no request is served by a dead instance", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const ids = sc.targets.map((_, i) => `t${i}`);
        const sim = new Simulation<ServiceLogEntry>({ seed: sc.seed, maxLogEntries: 1_000_000 });
        const service = new ServiceModel(sim, {
          regionId: "us-east-1",
          sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: sc.ratePerSec } }],
          classes: [{ id: "api", serviceTime: { kind: "exponential", meanMs: 30 }, timeoutMs: sc.timeoutMs }],
          targets: sc.targets.map((t, i) => ({ id: ids[i] as string, azId: `us-east-1${t.az}`, workers: t.workers, speed: t.speed, maxQueue: t.maxQueue })),
          loadBalancer: {
            algorithm: sc.algorithm,
            crossZone: sc.crossZone,
            healthCheck: sc.checks ? { intervalMs: 5_000, timeoutMs: 1_000 } : null,
            deregistrationDelayMs: 10_000,
          },
          logRequests: true,
        });
        for (const a of sc.actions) {
          const id = ids[a.target % ids.length] as string;
          if (a.kind === "fail-instance") service.scheduleInstance(a.atMs, id, "fail");
          else if (a.kind === "recover-instance") service.scheduleInstance(a.atMs, id, "recover");
          else service.scheduleRegistration(a.atMs, id, a.kind);
        }
        for (const at of [...sc.checkpoints].sort((x, y) => x - y)) {
          sim.runUntil(at);
          const { totals, targets } = service.view();
          const inFlight = targets.reduce((sum, t) => sum + t.busy + t.queued, 0);
          expect(totals.arrived).toBe(totals.completed + totals.failed + inFlight);
          expect(totals.inFlight).toBe(inFlight);
          for (const t of targets) {
            if (!t.up) expect(t.busy + t.queued).toBe(0);
            expect(t.busy).toBeLessThanOrEqual(t.workers);
          }
        }
        // Replay the log: every completion's instance was up from its service start to its end.
        const up = new Map(ids.map((id) => [id, true]));
        const lastDownMs = new Map<string, number>();
        for (const e of sim.log) {
          if (e.type === "instance-down") {
            up.set(e.targetId, false);
            lastDownMs.set(e.targetId, e.atMs);
          } else if (e.type === "instance-up") {
            up.set(e.targetId, true);
          } else if (e.type === "request-completed") {
            expect(up.get(e.targetId)).toBe(true);
            expect(lastDownMs.get(e.targetId) ?? -1).toBeLessThan(e.serviceStartMs);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
