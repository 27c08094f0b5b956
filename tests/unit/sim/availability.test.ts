import { describe, expect, it } from "vitest";
import {
  AvailabilityMonitor,
  FailureModel,
  Simulation,
  availabilityFromMtbf,
  downtimePerYearMs,
  kOfNAvailability,
  parallelAvailability,
  seriesAvailability,
  type AvailabilityLogEntry,
  type FailureLogEntry,
  type RandomComponent,
  type SystemSpec,
} from "@/lib/sim";

const HOUR = 3_600_000;

describe("closed-form availability", () => {
  it("A = MTBF / (MTBF + MTTR)", () => {
    expect(availabilityFromMtbf(9 * HOUR, HOUR)).toBeCloseTo(0.9, 15);
    expect(availabilityFromMtbf(999, 1)).toBeCloseTo(0.999, 15);
  });

  it("series multiplies, parallel multiplies the unavailabilities", () => {
    expect(seriesAvailability([0.9, 0.9, 0.95])).toBeCloseTo(0.7695, 15);
    expect(parallelAvailability([0.9, 0.9])).toBeCloseTo(0.99, 15);
    expect(parallelAvailability([0.99, 0.99, 0.99])).toBeCloseTo(0.999999, 15);
    expect(seriesAvailability([])).toBe(1);
  });

  it("k-of-n is the binomial sum (and the Poisson-binomial one for unequal parts)", () => {
    const binomial = (k: number, n: number, a: number) => {
      let sum = 0;
      for (let i = k; i <= n; i++) {
        let c = 1;
        for (let j = 1; j <= i; j++) c = (c * (n - i + j)) / j;
        sum += c * a ** i * (1 - a) ** (n - i);
      }
      return sum;
    };
    expect(kOfNAvailability(2, [0.9, 0.9, 0.9])).toBeCloseTo(0.972, 15);
    for (const [k, n, a] of [[3, 5, 0.95], [1, 4, 0.6], [4, 4, 0.99], [7, 10, 0.8]] as const) {
      expect(kOfNAvailability(k, new Array(n).fill(a))).toBeCloseTo(binomial(k, n, a), 14);
    }
    // k = n is series, k = 1 is parallel.
    expect(kOfNAvailability(3, [0.9, 0.8, 0.7])).toBeCloseTo(seriesAvailability([0.9, 0.8, 0.7]), 15);
    expect(kOfNAvailability(1, [0.9, 0.8, 0.7])).toBeCloseTo(parallelAvailability([0.9, 0.8, 0.7]), 15);
    // Unequal parts: P(at least 2 of {0.9, 0.8, 0.7}) by enumeration.
    const [p, q, r] = [0.9, 0.8, 0.7];
    const twoOf = p * q * (1 - r) + p * (1 - q) * r + (1 - p) * q * r + p * q * r;
    expect(kOfNAvailability(2, [p, q, r])).toBeCloseTo(twoOf, 15);
  });

  it("downtime per year: four nines ≈ 52.6 minutes", () => {
    expect(downtimePerYearMs(0.9999) / 60_000).toBeCloseTo(52.56, 2);
  });
});

describe("measured availability converges on the formulas", () => {
  // Components: c1, c2 (MTBF 9 h, MTTR 1 h: A = 0.9), c3 (19 h, 1 h: 0.95), d1–d3 (0.9) for a 2-of-3 quorum.
  const components: RandomComponent[] = [
    { id: "c1", mtbfMs: 9 * HOUR, mttrMs: HOUR },
    { id: "c2", mtbfMs: 9 * HOUR, mttrMs: HOUR },
    { id: "c3", mtbfMs: 19 * HOUR, mttrMs: HOUR },
    { id: "d1", mtbfMs: 9 * HOUR, mttrMs: HOUR },
    { id: "d2", mtbfMs: 9 * HOUR, mttrMs: HOUR },
    { id: "d3", mtbfMs: 9 * HOUR, mttrMs: HOUR },
  ];
  const systems: SystemSpec[] = [
    { id: "series", kind: "series", members: ["c1", "c2", "c3"] },
    { id: "pair", kind: "parallel", members: ["c1", "c2"] },
    { id: "quorum", kind: "k-of-n", k: 2, members: ["d1", "d2", "d3"] },
    { id: "nested", kind: "series", members: ["pair", "c3"] },
  ];
  const EXPECTED: Record<string, number> = {
    c1: 0.9,
    c3: 0.95,
    series: 0.7695,
    pair: 0.99,
    quorum: 0.972,
    nested: 0.9405,
  };

  /**
   * 2 000 000 simulated hours per seed (about 200 000 failure/repair cycles of each 0.9 component, ~2.2 M events,
   * about a second) in 20 batches. Every measured availability must lie within 5 standard errors of the formula
   * (standard error from the batch means) and, as a plain bound, within 0.002 of it. For reference, renewal-reward
   * theory gives one 0.9 component a standard error of sqrt(((1−A)²·MTBF² + A²·MTTR²) / (T·(MTBF+MTTR))) ≈ 0.0003
   * at this length, so 0.002 is about six of them.
   */
  it.each([11, 12, 13])("seed %i: components, series, parallel, 2-of-3 and nested within tolerance", (seed) => {
    const sim = new Simulation<FailureLogEntry | AvailabilityLogEntry>({ seed, maxLogEntries: 1000 });
    const monitor = new AvailabilityMonitor(sim, { components, systems });
    new FailureModel(sim, { components }, [monitor]);
    const BATCHES = 20;
    const batchMs = 100_000 * HOUR;
    const upMs = (id: string) => {
      const v = monitor.view();
      const e = v.entries.find((x) => x.id === id);
      return (e?.measured ?? 0) * v.measuredMs;
    };
    const ids = Object.keys(EXPECTED);
    const batches: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, []]));
    let before = Object.fromEntries(ids.map((id) => [id, 0]));
    for (let b = 1; b <= BATCHES; b++) {
      sim.runUntil(b * batchMs);
      const now = Object.fromEntries(ids.map((id) => [id, upMs(id)]));
      for (const id of ids) batches[id]?.push(((now[id] as number) - (before[id] as number)) / batchMs);
      before = now;
    }
    const view = monitor.view();
    for (const id of ids) {
      const entry = view.entries.find((e) => e.id === id);
      const xs = batches[id] as number[];
      const mean = xs.reduce((s, x) => s + x, 0) / BATCHES;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (BATCHES - 1));
      const se = sd / Math.sqrt(BATCHES);
      const expected = EXPECTED[id] as number;
      expect(entry?.expected).toBeCloseTo(expected, 12);
      expect(entry?.measured).toBeCloseTo(mean, 9);
      expect(Math.abs(mean - expected), `${id}: measured ${mean}, expected ${expected}, se ${se}`).toBeLessThan(Math.max(5 * se, 1e-4));
      expect(Math.abs(mean - expected)).toBeLessThan(0.002);
    }
  });
});
