/**
 * Queueing fidelity: a single target behind the LB is an M/M/1, M/M/c or M/D/1 queue, and its measured waits must
 * match queueing theory.
 *
 * Tolerances: each case runs 3 seeds × 2 simulated hours (about 1.5 M requests in all) and compares the pooled
 * estimates. The mean wait has a relative standard error of about 1 % at these lengths (waits are strongly
 * autocorrelated near ρ = 0.7–0.8), so the mean-wait tolerance is 4 % (≈ 4 standard errors); the probability of
 * waiting is far less noisy and must be within 0.01 absolute.
 */
import { describe, expect, it } from "vitest";
import { Simulation, ServiceModel, type ServiceLogEntry, type ServiceTimeSpec } from "@/lib/sim";

const HOURS = 2;
const SEEDS = [1, 2, 3];

/** Poisson arrivals at `ratePerSec` into one target with `workers` servers; pooled over the seeds. */
function measure(ratePerSec: number, workers: number, serviceTime: ServiceTimeSpec) {
  let started = 0;
  let waited = 0;
  let waitSum = 0;
  for (const seed of SEEDS) {
    const sim = new Simulation<ServiceLogEntry>({ seed });
    const service = new ServiceModel(sim, {
      regionId: "us-east-1",
      sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec } }],
      classes: [{ id: "work", serviceTime }],
      targets: [{ id: "server", azId: "us-east-1a", workers }],
      loadBalancer: { algorithm: "round-robin", healthCheck: null },
      bucketMs: 60_000,
    });
    sim.runUntil(HOURS * 3_600_000);
    const q = service.view().totals.queueing;
    started += q.started;
    waited += (q.waitedFraction as number) * q.started;
    waitSum += (q.meanWaitMs as number) * q.started;
  }
  return { pWait: waited / started, meanWaitMs: waitSum / started, started };
}

/** Erlang C: the probability that an arrival to an M/M/c queue with offered load a = λ/μ has to wait. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

describe("queueing fidelity", () => {
  it("M/M/1: P(wait) = ρ and Wq = ρ / (μ − λ)", () => {
    // μ = 100/s (mean 10 ms), λ = 70/s: ρ = 0.7, Wq = 0.7 / 30 s ≈ 23.33 ms.
    const m = measure(70, 1, { kind: "exponential", meanMs: 10 });
    const rho = 0.7;
    expect(m.started).toBeGreaterThan(1_400_000);
    expect(Math.abs(m.pWait - rho)).toBeLessThan(0.01);
    expect(Math.abs(m.meanWaitMs / ((rho / 30) * 1000) - 1)).toBeLessThan(0.04);
  });

  it("M/M/c: P(wait) and Wq follow Erlang C", () => {
    // c = 4, μ = 25/s per server (mean 40 ms), λ = 80/s: a = 3.2, ρ = 0.8.
    const c = 4;
    const mu = 25;
    const lambda = 80;
    const pWait = erlangC(c, lambda / mu);
    const wqMs = (pWait / (c * mu - lambda)) * 1000;
    const m = measure(lambda, c, { kind: "exponential", meanMs: 1000 / mu });
    expect(pWait).toBeCloseTo(0.5964, 3);
    expect(Math.abs(m.pWait - pWait)).toBeLessThan(0.01);
    expect(Math.abs(m.meanWaitMs / wqMs - 1)).toBeLessThan(0.04);
  });

  it("M/D/1: Wq = ρ / (2μ(1 − ρ)) (Pollaczek–Khinchine)", () => {
    // D = 10 ms (μ = 100/s), λ = 70/s: Wq = 0.7 / (2 · 100 · 0.3) s ≈ 11.67 ms.
    const m = measure(70, 1, { kind: "deterministic", ms: 10 });
    const rho = 0.7;
    expect(Math.abs(m.pWait - rho)).toBeLessThan(0.01);
    expect(Math.abs(m.meanWaitMs / ((rho / (2 * 100 * (1 - rho))) * 1000) - 1)).toBeLessThan(0.04);
  });
});
