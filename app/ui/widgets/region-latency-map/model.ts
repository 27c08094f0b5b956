/**
 * Region latency map: users in a dozen cities send requests; the learner chooses the Regions the application runs
 * in and whether an edge cache (a CDN such as CloudFront) answers cacheable requests close to the users. Each
 * request goes where latency-based routing would send it — the deployed Region with the lowest round trip for that
 * user — or, on an edge cache hit, no further than the edge location in the user's city.
 *
 * Round trips come from lib/sim's geography model (great-circle distance at the speed of light in fibre, plus a
 * fixed overhead), so they are a lower bound on real internet paths; each request adds random path and queueing
 * variation. Event-driven on lib/sim: Poisson arrivals per city from named streams, latencies into histograms.
 */
import {
  LatencyHistogram,
  PLACES,
  REGION_LOCATIONS,
  Simulation,
  WAN_OVERHEAD_RTT_MS,
  greatCircleKm,
  wanRttMs,
  type LogEntry,
  type SimContext,
  type SimModel,
} from "@/lib/sim";

export const CITY_IDS = Object.keys(PLACES);
export const REGION_IDS = Object.keys(REGION_LOCATIONS);
/** Requests per second from all users together (simulated). */
export const TOTAL_RATE_PER_SEC = 200;
export const RUN_MS = 60_000;
/** Mean extra delay per request, as a share of its base round trip (longer-than-great-circle paths, queues). */
export const JITTER_SHARE = 0.1;
/** Round trip from a user to an edge location in their own metro area: the model's fixed overhead alone. */
export const EDGE_RTT_MS = WAN_OVERHEAD_RTT_MS;

export type UserBaseId = "global" | "europe" | "americas" | "asia-pacific";

export const USER_BASES: Record<UserBaseId, { label: string; weights: Record<string, number> }> = {
  global: {
    label: "Global: the same number of users in every city",
    weights: Object.fromEntries(CITY_IDS.map((c) => [c, 1])),
  },
  europe: {
    label: "Mostly Europe (some in Lagos, Johannesburg and New York)",
    weights: { london: 4, paris: 4, berlin: 4, lagos: 1, johannesburg: 1, "new-york": 1 },
  },
  americas: {
    label: "Mostly the Americas (some in London)",
    weights: { "new-york": 4, "san-francisco": 4, "sao-paulo": 3, london: 1 },
  },
  "asia-pacific": {
    label: "Mostly Asia-Pacific (some in San Francisco)",
    weights: { mumbai: 3, singapore: 3, tokyo: 3, sydney: 3, "san-francisco": 1 },
  },
};

export interface MapConfig {
  userBase: UserBaseId;
  /** Regions the application is deployed in (at least one). */
  regions: string[];
  /** Whether an edge cache sits in front of the Regions. */
  edge: boolean;
  /** Share of requests the edge can answer from its cache (0–1); the rest go on to a Region. */
  hitRatio: number;
}

export interface Route {
  city: string;
  /** The Region latency-based routing picks: the lowest modelled round trip among the deployed ones. */
  region: string;
  km: number;
  /** Modelled round trip to that Region, without variation. */
  rttMs: number;
}

/** Latency-based routing, as modelled: the deployed Region with the lowest round trip from the city. */
export function routeFor(city: string, regions: readonly string[]): Route {
  let best: Route | null = null;
  for (const region of regions) {
    const rttMs = wanRttMs(city, region);
    if (!best || rttMs < best.rttMs) {
      best = { city, region, rttMs, km: greatCircleKm(PLACES[city]!, REGION_LOCATIONS[region]!) };
    }
  }
  if (!best) throw new Error("Deploy to at least one Region.");
  return best;
}

/** The cities with users in this user base, with each city's share of all requests. */
export function userShares(userBase: UserBaseId): { city: string; share: number }[] {
  const weights = USER_BASES[userBase].weights;
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return CITY_IDS.filter((c) => (weights[c] ?? 0) > 0).map((city) => ({ city, share: (weights[city] as number) / total }));
}

interface CityRun {
  city: string;
  share: number;
  route: Route;
  hist: LatencyHistogram;
  edgeHits: number;
}

type MapLogEntry = LogEntry & { type: "never" };

class TrafficModel implements SimModel<{ requests: number }> {
  readonly name = "region-latency-map/traffic";
  requests = 0;
  readonly all = new LatencyHistogram();
  private readonly kind: number;

  constructor(
    private readonly sim: SimContext<MapLogEntry>,
    readonly cities: CityRun[],
    private readonly config: MapConfig,
  ) {
    this.kind = sim.defineEvent("region-latency-map/request", (i) => this.onRequest(i));
    sim.addModel(this);
    cities.forEach((_, i) => this.scheduleNext(i));
  }

  private scheduleNext(i: number): void {
    const c = this.cities[i] as CityRun;
    const gap = this.sim.stream(`geo/${c.city}/arrivals`).exponential(1000 / (TOTAL_RATE_PER_SEC * c.share));
    this.sim.schedule(this.sim.nowMs + gap, this.kind, i);
  }

  private onRequest(i: number): void {
    const c = this.cities[i] as CityRun;
    const hit = this.config.edge && this.sim.stream(`geo/${c.city}/cache`).next() < this.config.hitRatio;
    const base = hit ? EDGE_RTT_MS : c.route.rttMs;
    const ms = base + this.sim.stream(`geo/${c.city}/jitter`).exponential(JITTER_SHARE * base);
    if (hit) c.edgeHits++;
    c.hist.record(ms);
    this.all.record(ms);
    this.requests++;
    this.scheduleNext(i);
  }

  snapshot() {
    return { requests: this.requests };
  }

  restore(state: { requests: number }) {
    this.requests = state.requests;
  }
}

export interface MapHandle {
  sim: Simulation<MapLogEntry>;
  traffic: TrafficModel;
  config: MapConfig;
}

export function createMap(config: MapConfig, seed: number): MapHandle {
  const sim = new Simulation<MapLogEntry>({ seed, maxLogEntries: 1 });
  const cities: CityRun[] = userShares(config.userBase).map(({ city, share }) => ({
    city,
    share,
    route: routeFor(city, config.regions),
    hist: new LatencyHistogram(),
    edgeHits: 0,
  }));
  return { sim, config, traffic: new TrafficModel(sim, cities, config) };
}

export interface CityView {
  city: string;
  name: string;
  share: number;
  route: Route;
  regionName: string;
  requests: number;
  edgeHitShare: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface MapView {
  nowMs: number;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  cities: CityView[];
  /** The city with the slowest modelled round trip to its Region (before edge caching). */
  worst: CityView | null;
  /** The deployed Regions that at least one city is routed to. */
  regionsUsed: string[];
}

export function viewMap(h: MapHandle): MapView {
  const t = h.traffic;
  const cities = t.cities.map<CityView>((c) => ({
    city: c.city,
    name: PLACES[c.city]!.name,
    share: c.share,
    route: c.route,
    regionName: REGION_LOCATIONS[c.route.region]!.name,
    requests: c.hist.total,
    edgeHitShare: c.hist.total === 0 ? null : c.edgeHits / c.hist.total,
    p50Ms: c.hist.quantileMs(0.5),
    p95Ms: c.hist.quantileMs(0.95),
  }));
  let worst: CityView | null = null;
  for (const c of cities) if (!worst || c.route.rttMs > worst.route.rttMs) worst = c;
  return {
    nowMs: h.sim.nowMs,
    requests: t.requests,
    p50Ms: t.all.quantileMs(0.5),
    p95Ms: t.all.quantileMs(0.95),
    p99Ms: t.all.quantileMs(0.99),
    meanMs: t.all.meanMs(),
    cities,
    worst,
    regionsUsed: [...new Set(cities.map((c) => c.route.region))],
  };
}

/** The request-weighted p95 of the modelled round trips alone (no variation, no edge): the map's "static" answer. */
export function modelledP95Ms(config: MapConfig): number {
  const rows = userShares(config.userBase)
    .map(({ city, share }) => ({ share, rtt: routeFor(city, config.regions).rttMs }))
    .sort((a, b) => a.rtt - b.rtt);
  let acc = 0;
  for (const r of rows) {
    acc += r.share;
    if (acc >= 0.95 - 1e-9) return r.rtt;
  }
  return rows[rows.length - 1]!.rtt;
}

/** Equirectangular projection onto the map's 720 × 270 viewBox (latitudes 75° N to 60° S). */
export const MAP_W = 720;
export const MAP_H = 270;
export const MAP_TOP_LAT = 75;
export function project(latitude: number, longitude: number): { x: number; y: number } {
  return { x: (longitude + 180) * 2, y: (MAP_TOP_LAT - latitude) * 2 };
}

const ms = (v: number | null) => (v === null ? "—" : `${Math.round(v)} ms`);

/** The announced summary. */
export function mapStatus(v: MapView, config: MapConfig, ended: boolean, playing: boolean): string {
  const regions = config.regions.map((r) => `${r} (${REGION_LOCATIONS[r]!.name})`).join(", ");
  const edge = config.edge ? ` with an edge cache answering ${Math.round(config.hitRatio * 100)} % of requests` : " without edge caching";
  const worst = v.worst ? ` Farthest users: ${v.worst.name}, ${ms(v.worst.route.rttMs)} to ${v.worst.route.region}.` : "";
  if (v.requests === 0) return `Deployed in ${regions}${edge}. Press Play to send requests.${worst}`;
  if (playing) return `Sending requests: deployed in ${config.regions.length} Region${config.regions.length === 1 ? "" : "s"}${edge}.`;
  return (
    `${ended ? "Done" : "Paused"}: ${v.requests.toLocaleString("en-US")} requests, p50 ${ms(v.p50Ms)}, p95 ${ms(v.p95Ms)}, p99 ${ms(v.p99Ms)} across all users; ` +
    `deployed in ${regions}${edge}.${worst}`
  );
}
