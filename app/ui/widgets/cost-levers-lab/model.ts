/**
 * The pure simulation side of CostLeversLab: a production web tier and a non-production (staging) copy run for a
 * simulated week of diurnal demand on the engine's AutoScalingGroup, and every hour a ServiceModel replays a
 * sample of that hour's traffic through the instances then in service, so latency and errors come from a run, not
 * a formula. The learner pulls cost levers — instance size, an Arm-based family, fixed peak capacity or target
 * tracking, a schedule for non-production, and a lifecycle rule for cold data — and sees the week's bill next to the
 * p95 latency of the worst hour and the error rate. React-free and deterministic, so it is unit-tested
 * (tests/unit/widgets/cost-levers-lab.test.ts).
 *
 * Prices are illustrative (per vCPU-hour, proportional to size as within an EC2 family). The storage prices are
 * Amazon S3's us-east-1 list prices as the lesson dates them. Performance figures are the simulator's, not AWS's.
 */
import {
  AutoScalingGroup,
  DAY_MS,
  HOUR_MS,
  ServiceModel,
  Simulation,
  cpuUtilizationMetric,
  deriveSeed,
  type AutoscalingLogEntry,
  type DemandSeries,
  type ScheduledAction,
  type ServiceLogEntry,
} from "@/lib/sim";
import { demandRpsAt } from "../kit/weekly-demand";

export const MINUTE_MS = 60_000;
export const RUN_DAYS = 7;
export const RUN_HOURS = RUN_DAYS * 24;
export const RUN_MS = RUN_DAYS * DAY_MS;

/** Mean CPU time of one request (ms): one vCPU serves 1000 / 40 = 25 requests per second at 100 %. */
export const MEAN_SERVICE_MS = 40;
export const SERVICE_SIGMA = 0.5;
export const RPS_PER_VCPU = 1000 / MEAN_SERVICE_MS;
/** A client gives up after this long; the request counts as an error. */
export const TIMEOUT_MS = 2_000;
/** The latency objective: p95 under this in every hour. */
export const SLO_P95_MS = 200;
/** The error budget for the week: at most this fraction of requests may fail. */
export const MAX_ERROR_RATE = 0.001;

/** Each hour, this much of the hour's traffic (from its midpoint) is replayed through the instances in service. */
export const PROBE_MS = 20_000;

/** Illustrative On-Demand price per vCPU-hour (x86); sizes in a family scale linearly, as EC2's do. */
export const X86_PER_VCPU_HOUR = 0.05;
/** Illustrative price cut of the Arm-based (Graviton-like) family for the same size. */
export const ARM_DISCOUNT = 0.2;

export const SIZES = {
  medium: { label: "medium", vcpu: 1 },
  large: { label: "large", vcpu: 2 },
  xlarge: { label: "xlarge", vcpu: 4 },
} as const;
export type Size = keyof typeof SIZES;
export type Family = "x86" | "arm";
export type CapacityMode = "fixed" | "target-tracking";

/** Production's smallest group under target tracking: two instances, one per AZ, so one failure is survivable. */
export const MIN_INSTANCES = 2;
export const MAX_INSTANCES = 60;

/** The non-production copy: this many instances of production's size, 24×7 or weekdays 08:00–20:00. */
export const NONPROD_INSTANCES = 4;
export const WORK_START_HOUR = 8;
export const WORK_END_HOUR = 20;

/** Amazon S3 storage classes (us-east-1 list prices per GB-month and per GB retrieved, as the lesson dates them). */
export const STORAGE_TIERS = {
  standard: { label: "S3 Standard", perGbMonth: 0.023, retrievalPerGb: 0, instant: true },
  "standard-ia": { label: "S3 Standard-IA", perGbMonth: 0.0125, retrievalPerGb: 0.01, instant: true },
  "glacier-ir": { label: "S3 Glacier Instant Retrieval", perGbMonth: 0.004, retrievalPerGb: 0.03, instant: true },
  "glacier-flexible": {
    label: "S3 Glacier Flexible Retrieval",
    perGbMonth: 0.0036,
    retrievalPerGb: 0.01,
    instant: false,
  },
} as const;
export type StorageTier = keyof typeof STORAGE_TIERS;
/** Storage is billed per GB-month; an average month of 730 hours. */
export const HOURS_PER_MONTH = 730;
/** The data set: logs and reports. Objects younger than 30 days stay in S3 Standard. */
export const HOT_GB = 4_000;
export const COLD_GB = 16_000;
/** Old reports read back each week (GB), by people who expect them in seconds. */
export const COLD_READ_GB_PER_WEEK = 100;

export interface CostLeversConfig {
  size: Size;
  family: Family;
  capacity: CapacityMode;
  /** Production instances when capacity is fixed. */
  fixedInstances: number;
  /** Target tracking's average CPU target (%). */
  targetCpu: number;
  /** Non-production runs on weekdays 08:00–20:00 only (instead of 24×7). */
  scheduleNonProd: boolean;
  /** Where a lifecycle rule moves objects older than 30 days ("standard" = no rule). */
  coldTier: StorageTier;
}

/** What the team found on day one: peak-sized, oversized, always on, everything in S3 Standard. */
export const BASELINE: CostLeversConfig = {
  size: "xlarge",
  family: "x86",
  capacity: "fixed",
  fixedInstances: 8,
  targetCpu: 50,
  scheduleNonProd: false,
  coldTier: "standard",
};

export function pricePerInstanceHour(size: Size, family: Family): number {
  return SIZES[size].vcpu * X86_PER_VCPU_HOUR * (family === "arm" ? 1 - ARM_DISCOUNT : 1);
}

/** The week's demand every 15 minutes, interpolated linearly (what the group's CPU metric reads). */
export const DEMAND: DemandSeries = {
  interpolation: "linear",
  points: Array.from({ length: RUN_HOURS * 4 + 1 }, (_, q): [number, number] => [
    q * 15 * MINUTE_MS,
    demandRpsAt(q * 15 * MINUTE_MS),
  ]),
};

/** Scheduled actions that run a group of `n` on weekdays from 08:00 to 20:00 and at zero otherwise. */
export function workingHoursSchedule(n: number, days = RUN_DAYS): ScheduledAction[] {
  const actions: ScheduledAction[] = [];
  for (let d = 0; d < days; d++) {
    if (d % 7 >= 5) continue;
    actions.push({ atMs: d * DAY_MS + WORK_START_HOUR * HOUR_MS, minSize: n, maxSize: n, desiredCapacity: n });
    actions.push({ atMs: d * DAY_MS + WORK_END_HOUR * HOUR_MS, minSize: 0, maxSize: 0, desiredCapacity: 0 });
  }
  return actions;
}

/** Weekly storage bill: GB-months prorated by the hour, plus retrievals of cold data. */
export function storageCostPerWeek(tier: StorageTier): { storage: number; retrieval: number; total: number } {
  const t = STORAGE_TIERS[tier];
  const monthly = HOT_GB * STORAGE_TIERS.standard.perGbMonth + COLD_GB * t.perGbMonth;
  const storage = (monthly * RUN_HOURS) / HOURS_PER_MONTH;
  const retrieval = COLD_READ_GB_PER_WEEK * t.retrievalPerGb;
  return { storage, retrieval, total: storage + retrieval };
}

/** One hour's replayed sample of traffic. */
export interface HourProbe {
  hour: number;
  instances: number;
  demandRps: number;
  arrived: number;
  failed: number;
  p95Ms: number | null;
  /** CPU utilisation of production in that sample (busy ÷ available worker time; 1 with no instance in service). */
  utilisation: number;
}

export interface CostLeversHandle {
  sim: Simulation<AutoscalingLogEntry>;
  prod: AutoScalingGroup;
  nonProd: AutoScalingGroup;
  config: CostLeversConfig;
  probes: HourProbe[];
}

/**
 * Replays `PROBE_MS` of Poisson traffic at `demandRps` through `instances` targets of `vcpu` workers behind a
 * round-robin load balancer (the ALB's default), with lognormal request sizes and a client timeout. With no instance
 * in service the load balancer has no target, so every request fails.
 */
export function probeHour(seed: number, instances: number, vcpu: number, demandRps: number): Omit<HourProbe, "hour"> {
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 100 });
  const service = new ServiceModel(sim, {
    regionId: "us-east-1",
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: demandRps }, stopMs: PROBE_MS }],
    classes: [
      { id: "page", serviceTime: { kind: "lognormal", meanMs: MEAN_SERVICE_MS, sigma: SERVICE_SIGMA }, timeoutMs: TIMEOUT_MS },
    ],
    targets: Array.from({ length: instances }, (_, i) => ({
      id: `web-${i + 1}`,
      azId: i % 2 === 0 ? "us-east-1a" : "us-east-1b",
      workers: vcpu,
    })),
    loadBalancer: { algorithm: "round-robin", healthCheck: null },
    bucketMs: PROBE_MS,
  });
  // Traffic stops at PROBE_MS; running one timeout longer lets every request complete or fail.
  sim.runUntil(PROBE_MS + TIMEOUT_MS);
  const v = service.view();
  // Utilisation over the traffic window (the engine's is over the whole run, including the quiet tail).
  const scale = (PROBE_MS + TIMEOUT_MS) / PROBE_MS;
  const busy = v.targets.reduce((s, t) => s + (t.utilisation ?? 0) * t.workers, 0) * scale;
  const workers = v.targets.reduce((s, t) => s + t.workers, 0);
  return {
    instances,
    demandRps,
    arrived: v.totals.arrived,
    failed: v.totals.failed,
    p95Ms: v.totals.latency?.p95Ms ?? null,
    utilisation: workers > 0 ? Math.min(1, busy / workers) : 1,
  };
}

export function createCostLevers(config: CostLeversConfig, seed: number): CostLeversHandle {
  const sim = new Simulation<AutoscalingLogEntry>({ seed, maxLogEntries: 5_000 });
  const vcpu = SIZES[config.size].vcpu;
  const price = pricePerInstanceHour(config.size, config.family);
  const capacityPerInstanceRps = vcpu * RPS_PER_VCPU;
  const tracking = config.capacity === "target-tracking";
  const initial = tracking
    ? Math.min(
        MAX_INSTANCES,
        Math.max(MIN_INSTANCES, Math.ceil((100 * demandRpsAt(0)) / (capacityPerInstanceRps * config.targetCpu))),
      )
    : config.fixedInstances;
  const prod = new AutoScalingGroup(
    sim,
    {
      id: "prod",
      minSize: tracking ? MIN_INSTANCES : config.fixedInstances,
      maxSize: tracking ? MAX_INSTANCES : config.fixedInstances,
      desiredCapacity: initial,
      launchTimeMs: 3 * MINUTE_MS,
      instanceWarmupMs: 5 * MINUTE_MS,
      costPerInstanceHour: price,
      azIds: ["us-east-1a", "us-east-1b"],
      policies: tracking ? [{ kind: "target-tracking", id: "cpu", targetValue: config.targetCpu }] : [],
    },
    cpuUtilizationMetric({ demand: DEMAND, capacityPerInstanceRps }),
  );
  const nonProd = new AutoScalingGroup(
    sim,
    {
      id: "staging",
      minSize: config.scheduleNonProd ? 0 : NONPROD_INSTANCES,
      maxSize: NONPROD_INSTANCES,
      desiredCapacity: config.scheduleNonProd ? 0 : NONPROD_INSTANCES,
      launchTimeMs: 3 * MINUTE_MS,
      costPerInstanceHour: price,
      azIds: ["us-east-1a"],
      scheduledActions: config.scheduleNonProd ? workingHoursSchedule(NONPROD_INSTANCES) : [],
    },
    () => null,
  );
  const handle: CostLeversHandle = { sim, prod, nonProd, config, probes: [] };
  // At each hour's midpoint, after the group's own work at that instant, replay a sample of the hour's traffic.
  const probe = sim.defineEvent("cost-levers/probe", (hour, _b, atMs) => {
    const inService = prod.view().inService;
    const result = probeHour(deriveSeed(seed, `cost-levers/probe/${hour}`), inService, vcpu, demandRpsAt(atMs));
    handle.probes.push({ hour, ...result });
    if (hour + 1 < RUN_HOURS) sim.schedule((hour + 1.5) * HOUR_MS, probe, hour + 1, 0, 5);
  });
  sim.schedule(0.5 * HOUR_MS, probe, 0, 0, 5);
  return handle;
}

export interface CostLeversTotals {
  prodCompute: number;
  nonProdCompute: number;
  storage: number;
  retrieval: number;
  total: number;
  /** Requests served (failures excluded) in the sampled seconds, scaled to the hour: used for the unit cost. */
  served: number;
  /** Production compute per million requests served. */
  costPerMillion: number | null;
  worstP95Ms: number | null;
  worstHour: number | null;
  hoursOverSlo: number;
  errorRate: number;
  /** Average CPU utilisation of production over the sampled hours. */
  utilisation: number | null;
  sloMet: boolean;
  /** Cold reads wait hours when the cold tier is not instant. */
  coldReadsInstant: boolean;
}

export interface CostLeversView {
  nowMs: number;
  hours: number[];
  p95: number[];
  instances: number[];
  /** vCPUs in service and vCPUs busy in each sampled hour. */
  vcpus: number[];
  busyVcpus: number[];
  totals: CostLeversTotals;
  lastProbe: HourProbe | null;
}

/** The week's bill and service level so far (pure; used by the view, the tests and the lesson's numbers). */
export function summarise(
  config: CostLeversConfig,
  probes: readonly HourProbe[],
  prodCompute: number,
  nonProdCompute: number,
  hoursElapsed: number,
): CostLeversTotals {
  const s = storageCostPerWeek(config.coldTier);
  const fraction = Math.min(1, hoursElapsed / RUN_HOURS);
  let arrived = 0;
  let failed = 0;
  let worst: HourProbe | null = null;
  let over = 0;
  let busy = 0;
  let available = 0;
  const vcpu = SIZES[config.size].vcpu;
  for (const p of probes) {
    arrived += p.arrived;
    failed += p.failed;
    const p95 = p.p95Ms ?? Infinity;
    if (!worst || p95 > (worst.p95Ms ?? Infinity)) worst = p;
    if (p95 >= SLO_P95_MS) over++;
    busy += p.utilisation * p.instances * vcpu;
    available += p.instances * vcpu;
  }
  const served = (arrived - failed) * (HOUR_MS / PROBE_MS);
  const errorRate = arrived > 0 ? failed / arrived : 0;
  const storage = s.storage * fraction;
  const retrieval = s.retrieval * fraction;
  return {
    prodCompute,
    nonProdCompute,
    storage,
    retrieval,
    total: prodCompute + nonProdCompute + storage + retrieval,
    served,
    costPerMillion: served > 0 ? (prodCompute / served) * 1e6 : null,
    worstP95Ms: worst ? (worst.p95Ms ?? Infinity) : null,
    worstHour: worst ? worst.hour : null,
    hoursOverSlo: over,
    errorRate,
    utilisation: available > 0 ? busy / available : null,
    sloMet: probes.length > 0 && over === 0 && errorRate <= MAX_ERROR_RATE,
    coldReadsInstant: STORAGE_TIERS[config.coldTier].instant,
  };
}

export function viewCostLevers(h: CostLeversHandle): CostLeversView {
  const vcpu = SIZES[h.config.size].vcpu;
  const probes = h.probes;
  return {
    nowMs: h.sim.nowMs,
    hours: probes.map((p) => p.hour + 0.5),
    p95: probes.map((p) => Math.min(p.p95Ms ?? TIMEOUT_MS, TIMEOUT_MS)),
    instances: probes.map((p) => p.instances),
    vcpus: probes.map((p) => p.instances * vcpu),
    busyVcpus: probes.map((p) => p.utilisation * p.instances * vcpu),
    totals: summarise(h.config, probes, h.prod.view().costUsd, h.nonProd.view().costUsd, h.sim.nowMs / HOUR_MS),
    lastProbe: probes.length > 0 ? (probes[probes.length - 1] as HourProbe) : null,
  };
}

/** Runs a configuration for the whole week (tests, the lesson's numbers). */
export function runCostLevers(config: CostLeversConfig, seed = 1): CostLeversView {
  const handle = createCostLevers(config, seed);
  handle.sim.runUntil(RUN_MS);
  return viewCostLevers(handle);
}

/** The baseline's weekly bill, from the same prices (its compute is fixed, so no run is needed). */
export function baselineWeeklyCost(): number {
  const price = pricePerInstanceHour(BASELINE.size, BASELINE.family);
  return (BASELINE.fixedInstances + NONPROD_INSTANCES) * price * RUN_HOURS + storageCostPerWeek(BASELINE.coldTier).total;
}

export interface ChallengeSpec {
  id: string;
  label: string;
  met: (c: CostLeversConfig, v: CostLeversView) => boolean;
}

export const CHALLENGES: ChallengeSpec[] = [
  {
    id: "cut-half",
    label: "Cut the week's bill by at least 50 % with every hour's p95 under 200 ms, at most 0.1 % errors, and old reports still readable at once",
    met: (_c, v) => v.totals.total <= 0.5 * baselineWeeklyCost() && v.totals.sloMet && v.totals.coldReadsInstant,
  },
  {
    id: "right-size-fixed",
    label: "Keep a fixed fleet: production compute under $100 for the week with the latency objective met",
    met: (c, v) => c.capacity === "fixed" && v.totals.prodCompute < 100 && v.totals.sloMet,
  },
  {
    id: "elastic-edge",
    label: "Target tracking on x86: production compute under $85 for the week with the latency objective met (then try the next target up)",
    met: (c, v) => c.capacity === "target-tracking" && c.family === "x86" && v.totals.prodCompute < 85 && v.totals.sloMet,
  },
];

export function describeConfig(c: CostLeversConfig): string {
  const size = `${c.family === "arm" ? "Arm" : "x86"} ${SIZES[c.size].label} (${SIZES[c.size].vcpu} vCPU)`;
  const capacity =
    c.capacity === "fixed" ? `a fixed fleet of ${c.fixedInstances}` : `target tracking at ${c.targetCpu} % CPU`;
  const nonProd = c.scheduleNonProd ? "staging on weekdays 08:00–20:00" : "staging 24×7";
  const tier = c.coldTier === "standard" ? "no lifecycle rule" : `old data to ${STORAGE_TIERS[c.coldTier].label}`;
  return `${size} instances, ${capacity}; ${nonProd}; ${tier}`;
}
