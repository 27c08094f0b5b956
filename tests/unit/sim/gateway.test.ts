import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GatewayModel,
  Simulation,
  TokenBucket,
  backoffCapMs,
  type ClientSpec,
  type GatewayConfig,
  type GatewayLogEntry,
} from "@/lib/sim";

function gatewaySim(config: GatewayConfig, seed = 1) {
  const sim = new Simulation<GatewayLogEntry>({ seed });
  const gateway = new GatewayModel(sim, config);
  return { sim, gateway };
}

const scripted = (atMs: number[], retry: ClientSpec["retry"] = null): ClientSpec => ({
  id: "c",
  arrivals: { kind: "scripted", atMs },
  retry,
});

describe("TokenBucket (API Gateway semantics)", () => {
  it("burst 5, rate 1/s: 10 requests at t=0, then one every 500 ms", () => {
    const b = new TokenBucket(1, 5);
    // Starts full with 5 tokens: the first 5 of 10 simultaneous requests pass, the other 5 get 429.
    const atZero = Array.from({ length: 10 }, () => b.tryTake(0));
    expect(atZero.filter(Boolean)).toHaveLength(5);
    // Refill is 1 token/s = 0.5 per 500 ms: t=500 has 0.5 (429), t=1000 has 1.0 (accepted, back to 0), …
    const later = [500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000].map((t) => b.tryTake(t));
    expect(later).toEqual([false, true, false, true, false, true, false, true, false, true]);
  });

  it("rate 2/s, burst 1: requests at 0, 100, 400, 500, 1000 ms", () => {
    const b = new TokenBucket(2, 1);
    // 0: 1 token → accept (0 left). 100: 0.2 → 429. 400: 0.8 → 429. 500: 1.0 → accept. 1000: 1.0 → accept.
    expect([0, 100, 400, 500, 1000].map((t) => b.tryTake(t))).toEqual([true, false, false, true, true]);
  });

  it("never holds more than burst, however long it idles", () => {
    const b = new TokenBucket(10, 3);
    expect(b.level(1_000_000)).toBe(3);
    expect([1, 2, 3, 4].map(() => b.tryTake(1_000_000))).toEqual([true, true, true, false]);
  });

  it("burst 0 rejects everything", () => {
    const b = new TokenBucket(100, 0);
    expect([0, 1000, 5000].map((t) => b.tryTake(t))).toEqual([false, false, false]);
  });
});

describe("GatewayModel", () => {
  it("counts accepted and throttled for a scripted pattern", () => {
    const times = [...Array.from({ length: 10 }, () => 0), 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000];
    const { sim, gateway } = gatewaySim({ ratePerSec: 1, burst: 5, clients: [scripted(times)] });
    sim.runUntil(10_000);
    expect(gateway.view().totals).toMatchObject({ requests: 20, attempts: 20, accepted: 10, throttled: 10, gaveUp: 10 });
    expect(gateway.view().series.accepted.slice(0, 6)).toEqual([5, 1, 1, 1, 1, 1]);
    expect(gateway.view().series.throttled.slice(0, 6)).toEqual([6, 1, 1, 1, 1, 0]);
  });

  it("constant arrivals are evenly spaced without drift", () => {
    const { sim, gateway } = gatewaySim({
      ratePerSec: 1000,
      burst: 1000,
      clients: [{ id: "c", arrivals: { kind: "constant", ratePerSec: 3 }, stopMs: 10_000 }],
    });
    sim.runUntil(20_000);
    // 3/s over [0, 10 s): arrivals at 0, 333.3…, …, 9666.6… = 30.
    expect(gateway.view().totals.requests).toBe(30);
  });

  it("retries wait a full-jitter delay within the exponential cap, then give up", () => {
    const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 300 };
    const { sim, gateway } = gatewaySim({ ratePerSec: 0, burst: 0, clients: [scripted([0], policy)] });
    sim.runUntil(10_000);
    const log = sim.log.filter((e) => e.type === "request-throttled");
    expect(log.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    for (const e of log.slice(0, 3)) {
      const cap = backoffCapMs(policy, e.attempt);
      expect(e.retryAtMs).not.toBeNull();
      expect((e.retryAtMs as number) - e.atMs).toBeGreaterThanOrEqual(0);
      expect((e.retryAtMs as number) - e.atMs).toBeLessThanOrEqual(cap);
    }
    expect(log[3]?.retryAtMs).toBeNull();
    expect([1, 2, 3, 4].map((r) => backoffCapMs(policy, r))).toEqual([100, 200, 300, 300]);
    expect(gateway.view().totals).toMatchObject({ requests: 1, attempts: 4, retried: 3, gaveUp: 1, waiting: 0 });
  });

  it("a retry can succeed once the bucket refills", () => {
    // Burst 1, rate 1/s: the second request at t=0 is throttled, retries within 100 ms (still empty: 429),
    // then within 200 ms, and so on; with 20 retries it must eventually land after t=1000.
    const policy = { maxRetries: 20, baseDelayMs: 100, maxDelayMs: 400 };
    const { sim, gateway } = gatewaySim({ ratePerSec: 1, burst: 1, clients: [scripted([0, 0], policy)] });
    sim.runUntil(60_000);
    expect(gateway.view().totals).toMatchObject({ requests: 2, accepted: 2, acceptedAfterRetry: 1, gaveUp: 0 });
  });

  it("turning retries on does not change when first attempts arrive", () => {
    const arrivals = (retry: ClientSpec["retry"]) => {
      const { sim } = gatewaySim(
        { ratePerSec: 2, burst: 2, clients: [{ id: "c", arrivals: { kind: "poisson", ratePerSec: 5 }, retry }] },
        9,
      );
      sim.runUntil(20_000);
      return sim.log.filter((e) => e.attempt === 1).map((e) => e.atMs);
    };
    expect(arrivals({ maxRetries: 2, baseDelayMs: 50, maxDelayMs: 500 })).toEqual(arrivals(null));
  });

  it("conserves requests and never accepts more than burst + rate × time (property)", () => {
    const client = fc.record({
      kind: fc.constantFrom("constant" as const, "poisson" as const),
      ratePerSec: fc.integer({ min: 1, max: 50 }),
      retries: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(client, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 20_000 }),
        (ratePerSec, burst, clients, seed, runMs) => {
          const { sim, gateway } = gatewaySim(
            {
              ratePerSec,
              burst,
              logRequests: false,
              clients: clients.map((c, i) => ({
                id: `c${i}`,
                arrivals: { kind: c.kind, ratePerSec: c.ratePerSec },
                retry: c.retries === null ? null : { maxRetries: c.retries, baseDelayMs: 50, maxDelayMs: 1000 },
              })),
            },
            seed,
          );
          sim.runUntil(runMs);
          const v = gateway.view();
          for (const c of [v.totals, ...v.clients]) {
            expect(c.attempts).toBe(c.accepted + c.throttled);
            expect(c.attempts).toBe(c.requests + c.retried);
            expect(c.requests).toBe(c.accepted + c.gaveUp + c.waiting);
          }
          expect(v.totals.accepted).toBeLessThanOrEqual(burst + (ratePerSec * runMs) / 1000 + 1e-6);
          expect(v.tokens).toBeGreaterThanOrEqual(0);
          expect(v.tokens).toBeLessThanOrEqual(burst);
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          expect(sum(v.series.accepted)).toBe(v.totals.accepted);
          expect(sum(v.series.throttled)).toBe(v.totals.throttled);
        },
      ),
      { numRuns: 150 },
    );
  });
});
