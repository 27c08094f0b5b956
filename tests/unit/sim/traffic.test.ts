import { describe, expect, it } from "vitest";
import {
  ArrivalProcess,
  INTER_AZ_RTT_MS,
  INTRA_AZ_RTT_MS,
  LatencyHistogram,
  ServiceTimeSampler,
  Z_99,
  arrivalRateAt,
  azRttMs,
  createStream,
  greatCircleKm,
  meanServiceMs,
  wanRttMs,
  type ArrivalSpec,
} from "@/lib/sim";

/** Every arrival time of a process in [0, untilMs). */
function arrivals(spec: ArrivalSpec, untilMs: number, seed = 1): number[] {
  const process = new ArrivalProcess(spec);
  const rng = createStream(seed, "test");
  const out: number[] = [];
  let t = process.next(0, rng);
  while (t >= 0 && t < untilMs) {
    out.push(t);
    t = process.next(t, rng);
  }
  return out;
}

describe("arrival processes", () => {
  it("poisson: the count over a long window is close to rate × time (within 4 standard deviations)", () => {
    const n = arrivals({ kind: "poisson", ratePerSec: 50 }, 1_000_000).length;
    expect(Math.abs(n - 50_000)).toBeLessThan(4 * Math.sqrt(50_000));
  });

  it("constant: evenly spaced from the index, without drift", () => {
    const ts = arrivals({ kind: "constant", ratePerSec: 3 }, 10_000);
    expect(ts.length).toBe(30);
    expect(ts[29]).toBe((29 * 1000) / 3);
  });

  it("bursty (MMPP-2): the long-run rate is the stationary mix, and arrivals cluster in on-phases", () => {
    const spec: ArrivalSpec = { kind: "bursty", onRatePerSec: 100, offRatePerSec: 10, meanOnMs: 2_000, meanOffMs: 8_000 };
    const ts = arrivals(spec, 2_000_000);
    const expected = arrivalRateAt(spec, 0) * 2_000; // 0.2 · 100 + 0.8 · 10 = 28/s
    expect(arrivalRateAt(spec, 0)).toBeCloseTo(28, 10);
    expect(Math.abs(ts.length / expected - 1)).toBeLessThan(0.1);
    // Index of dispersion of per-second counts: 1 for Poisson, far above 1 for bursty traffic.
    const counts = new Array<number>(2_000).fill(0);
    for (const t of ts) counts[Math.floor(t / 1000)] = (counts[Math.floor(t / 1000)] as number) + 1;
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length;
    expect(variance / mean).toBeGreaterThan(5);
  });

  it("diurnal: counts per hour follow the sinusoid (thinning), peak at 15:00", () => {
    const spec: ArrivalSpec = { kind: "diurnal", meanRatePerSec: 2, amplitude: 0.8 };
    const days = 5;
    const ts = arrivals(spec, days * 86_400_000);
    const perHour = new Array<number>(24).fill(0);
    for (const t of ts) {
      const h = Math.floor((t % 86_400_000) / 3_600_000);
      perHour[h] = (perHour[h] as number) + 1;
    }
    for (let h = 0; h < 24; h++) {
      // Expected: the rate integrated over the hour (midpoint rule is exact enough at this resolution).
      let expected = 0;
      for (let k = 0; k < 60; k++) expected += arrivalRateAt(spec, h * 3_600_000 + (k + 0.5) * 60_000) * 60 * days;
      expect(Math.abs((perHour[h] as number) - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
    expect(perHour.indexOf(Math.max(...perHour))).toBeGreaterThanOrEqual(14);
    expect(perHour.indexOf(Math.max(...perHour))).toBeLessThanOrEqual(15);
  });

  it("traces replay exactly", () => {
    expect(arrivals({ kind: "trace", atMs: [5, 5, 17, 900] }, 1_000)).toEqual([5, 5, 17, 900]);
    expect(arrivals({ kind: "trace-counts", countsPerSec: [2, 0, 4] }, 10_000)).toEqual([0, 500, 2000, 2250, 2500, 2750]);
  });

  it("rejects nonsense", () => {
    expect(() => new ArrivalProcess({ kind: "poisson", ratePerSec: 0 })).toThrow();
    expect(() => new ArrivalProcess({ kind: "diurnal", meanRatePerSec: 1, amplitude: 2 })).toThrow();
    expect(() => new ArrivalProcess({ kind: "trace", atMs: [3, 1] })).toThrow();
  });
});

describe("service-time distributions", () => {
  const draw = (sampler: ServiceTimeSampler, n: number) => {
    const rng = createStream(9, "svc");
    return Array.from({ length: n }, () => sampler.sample(rng)).sort((a, b) => a - b);
  };

  it("lognormal by p50/p99 reproduces both percentiles (±3 %)", () => {
    const xs = draw(new ServiceTimeSampler({ kind: "lognormal", p50Ms: 20, p99Ms: 200 }), 200_000);
    expect(Math.abs((xs[100_000] as number) / 20 - 1)).toBeLessThan(0.03);
    expect(Math.abs((xs[198_000] as number) / 200 - 1)).toBeLessThan(0.03);
    expect(Z_99).toBeCloseTo(2.3263, 4);
  });

  it("lognormal by mean/sigma and exponential reproduce their means (±2 %); deterministic is exact", () => {
    const ln = { kind: "lognormal", meanMs: 50, sigma: 0.5 } as const;
    const xs = draw(new ServiceTimeSampler(ln), 200_000);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length / 50 - 1)).toBeLessThan(0.02);
    expect(meanServiceMs(ln)).toBeCloseTo(50, 10);
    expect(meanServiceMs({ kind: "lognormal", p50Ms: 20, p99Ms: 200 })).toBeCloseTo(20 * Math.exp((Math.log(10) / Z_99) ** 2 / 2), 10);
    const ex = draw(new ServiceTimeSampler({ kind: "exponential", meanMs: 8 }), 200_000);
    expect(Math.abs(ex.reduce((a, b) => a + b, 0) / ex.length / 8 - 1)).toBeLessThan(0.02);
    expect(draw(new ServiceTimeSampler({ kind: "deterministic", ms: 7 }), 3)).toEqual([7, 7, 7]);
  });
});

describe("latency histogram", () => {
  it("every percentile is within 0.4 % of the exact sample percentile", () => {
    const rng = createStream(4, "h");
    const h = new LatencyHistogram();
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = Math.exp(Math.log(0.5) + 4 * rng.next()) * 10; // 5 ms … 270 ms, log-uniform
      xs.push(x);
      h.record(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1] as number;
      expect(Math.abs((h.quantileMs(q) as number) / exact - 1)).toBeLessThan(0.004);
    }
    const state = JSON.parse(JSON.stringify(h.state()));
    const copy = new LatencyHistogram();
    copy.restore(state);
    expect(copy.quantileMs(0.99)).toBe(h.quantileMs(0.99));
    h.reset();
    expect(h.quantileMs(0.5)).toBeNull();
  });

  it("below 256 µs it is exact to the microsecond", () => {
    const h = new LatencyHistogram();
    for (const ms of [0.1, 0.2, 0.25]) h.record(ms);
    expect([h.quantileMs(0.1), h.quantileMs(0.5), h.quantileMs(1)]).toEqual([0.1, 0.2, 0.25]);
  });
});

describe("geography (modelled latencies)", () => {
  it("intra-AZ < 1 ms < inter-AZ < 10 ms < inter-Region", () => {
    const a = { azId: "us-east-1a", regionId: "us-east-1" };
    const b = { azId: "us-east-1b", regionId: "us-east-1" };
    const eu = { azId: "eu-west-1a", regionId: "eu-west-1" };
    expect(azRttMs(a, a)).toBe(INTRA_AZ_RTT_MS);
    expect(azRttMs(a, b)).toBe(INTER_AZ_RTT_MS);
    expect(INTRA_AZ_RTT_MS).toBeLessThan(1);
    expect(INTER_AZ_RTT_MS).toBeLessThan(10);
    expect(azRttMs(a, eu)).toBeGreaterThan(50);
  });

  it("great-circle RTTs of real Region pairs land in the right range", () => {
    expect(greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo((6371 * Math.PI) / 2, 6);
    const virginiaIreland = wanRttMs("us-east-1", "eu-west-1");
    expect(virginiaIreland).toBeGreaterThan(55);
    expect(virginiaIreland).toBeLessThan(70);
    expect(wanRttMs("eu-west-1", "us-east-1")).toBe(virginiaIreland);
    const virginiaSydney = wanRttMs("us-east-1", "ap-southeast-2");
    expect(virginiaSydney).toBeGreaterThan(150);
    expect(virginiaSydney).toBeLessThan(170);
    expect(wanRttMs("london", "eu-west-2")).toBeCloseTo(5, 6);
    expect(() => wanRttMs("atlantis", "us-east-1")).toThrow();
  });
});
