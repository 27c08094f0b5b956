import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RegionLatencyMap } from "@/app/ui/widgets/region-latency-map/region-latency-map";
import {
  EDGE_RTT_MS,
  REGION_IDS,
  RUN_MS,
  createMap,
  mapStatus,
  modelledP95Ms,
  project,
  routeFor,
  userShares,
  viewMap,
  type MapConfig,
} from "@/app/ui/widgets/region-latency-map/model";
import { PLACES, wanRttMs } from "@/lib/sim";

function run(config: MapConfig, seed = 1) {
  const h = createMap(config, seed);
  h.sim.runUntil(RUN_MS);
  return viewMap(h);
}

const base: MapConfig = { userBase: "global", regions: ["us-east-1"], edge: false, hitRatio: 0.8 };

describe("latency-based routing", () => {
  it("sends every city to the deployed Region with the lowest modelled round trip", () => {
    const regions = ["us-east-1", "eu-central-1", "ap-southeast-1"];
    for (const city of Object.keys(PLACES)) {
      const r = routeFor(city, regions);
      for (const other of regions) expect(r.rttMs).toBeLessThanOrEqual(wanRttMs(city, other));
      expect(r.rttMs).toBeCloseTo((2 * r.km) / 199.86 + 5, 1);
    }
    expect(routeFor("london", regions).region).toBe("eu-central-1");
    expect(routeFor("sydney", regions).region).toBe("ap-southeast-1");
    expect(routeFor("sao-paulo", regions).region).toBe("us-east-1");
  });

  it("user shares add up to 1 for every user base", () => {
    for (const ub of ["global", "europe", "americas", "asia-pacific"] as const) {
      expect(userShares(ub).reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 10);
    }
  });
});

describe("RegionLatencyMap runs", () => {
  it("is deterministic per seed and measures near the modelled round trips", () => {
    const a = run(base, 7);
    expect(run(base, 7)).toEqual(a);
    expect(a.requests).toBeGreaterThan(10_000);
    for (const c of a.cities) {
      // Variation only adds delay: the median sits a little above the modelled round trip.
      expect(c.p50Ms!).toBeGreaterThanOrEqual(c.route.rttMs * 0.99);
      expect(c.p50Ms!).toBeLessThan(c.route.rttMs * 1.15);
    }
    expect(a.p95Ms!).toBeGreaterThanOrEqual(modelledP95Ms(base) * 0.99);
  });

  it("backs the lesson's challenges", () => {
    // Challenge 1: one Region for a global audience, then two, then three.
    const one = run(base);
    expect(one.p95Ms!).toBeGreaterThan(170);
    expect(run({ ...base, regions: ["us-east-1", "ap-southeast-1"] }).p95Ms!).toBeLessThan(110);
    expect(run({ ...base, regions: ["us-east-1", "eu-central-1"] }).p95Ms!).toBeGreaterThan(110);
    expect(run({ ...base, regions: ["us-east-1", "sa-east-1", "ap-southeast-1"] }).p95Ms!).toBeLessThan(90);
    // Johannesburg has no Region nearby in this list: even all 14 leave it above 70 ms.
    const all = run({ ...base, regions: [...REGION_IDS] });
    expect(all.cities.find((c) => c.city === "johannesburg")!.route.rttMs).toBeGreaterThan(70);
    // Challenge 2: EU-only Regions for the Europe-heavy audience; Frankfurt beats London and Ireland.
    const fra = run({ ...base, userBase: "europe", regions: ["eu-central-1"] });
    const lon = run({ ...base, userBase: "europe", regions: ["eu-west-2"] });
    const dub = run({ ...base, userBase: "europe", regions: ["eu-west-1"] });
    expect(fra.p95Ms!).toBeLessThan(100);
    expect(fra.p95Ms!).toBeLessThan(lon.p95Ms!);
    expect(fra.p95Ms!).toBeLessThan(dub.p95Ms!);
    expect(fra.p95Ms!).toBeLessThan(run({ ...base, userBase: "europe", regions: ["eu-north-1"] }).p95Ms!);
    const fraEdge = run({ ...base, userBase: "europe", regions: ["eu-central-1"], edge: true, hitRatio: 0.8 });
    expect(fraEdge.p95Ms!).toBeLessThan(20);
    // Challenge 3: one Region plus an edge cache; 90 % hits get the p95 under 100 ms, 85 % do not.
    const e90 = run({ ...base, edge: true, hitRatio: 0.9 });
    expect(e90.p50Ms!).toBeLessThan(EDGE_RTT_MS * 1.5);
    expect(e90.p95Ms!).toBeLessThan(100);
    expect(run({ ...base, edge: true, hitRatio: 0.85 }).p95Ms!).toBeGreaterThan(100);
    // At 95 % the p95 lands on a cache hit and hides the misses; the p99 shows them.
    const e95 = run({ ...base, edge: true, hitRatio: 0.95 });
    expect(e95.p95Ms!).toBeLessThan(20);
    expect(e95.p99Ms!).toBeGreaterThan(100);
    // The mean at 80 % follows h × edge + (1 − h) × mean origin round trip, plus the ~10 % variation.
    const e80 = run({ ...base, edge: true, hitRatio: 0.8 });
    const meanOrigin = e80.cities.reduce((sum, c) => sum + c.route.rttMs, 0) / e80.cities.length;
    const formula = 0.8 * EDGE_RTT_MS + 0.2 * meanOrigin;
    expect(e80.meanMs!).toBeGreaterThan(formula);
    expect(e80.meanMs!).toBeLessThan(formula * 1.2);
  });

  it("status changes with the configuration and the run", () => {
    const h = createMap(base, 1);
    const ready = mapStatus(viewMap(h), base, false, false);
    expect(ready).toMatch(/Press Play/);
    h.sim.runUntil(RUN_MS);
    const done = mapStatus(viewMap(h), base, true, false);
    expect(done).toMatch(/^Done: .* p95 \d+ ms/);
    const other = { ...base, regions: ["eu-west-1"] };
    expect(mapStatus(viewMap(createMap(other, 1)), other, false, false)).not.toBe(ready);
  });

  it("projects the map equirectangularly", () => {
    expect(project(0, 0)).toEqual({ x: 360, y: 150 });
    expect(project(75, -180)).toEqual({ x: 0, y: 0 });
    expect(REGION_IDS.length).toBeGreaterThanOrEqual(10);
  });
});

describe("RegionLatencyMap markup", () => {
  it("renders an accessible widget with a status region and labelled controls", () => {
    const html = renderToString(createElement(RegionLatencyMap, { regions: ["eu-central-1", "nowhere"], edge: true }));
    expect(html).toContain('data-widget="RegionLatencyMap"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain("eu-central-1");
    expect(html).toContain("Edge caching");
    // Every range and select has a label pointing at it.
    for (const m of html.matchAll(/<(?:input type="range"|select)[^>]*id="([^"]+)"/g)) expect(html).toContain(`for="${m[1]}"`);
  });
});
