/**
 * The capstone drill (Day 30): a web application whose architecture the learner chooses, run against a scripted
 * break, measured against a brief. It composes the engine's own models on one simulation:
 *
 * - web tier: an `AutoScalingGroup` (fixed size or target tracking on CPU) over 1–3 AZs, its instances bound to the
 *   targets of a `ServiceModel` (load balancer with health checks, cross-zone): an instance takes traffic once
 *   registered and healthy, dies with its AZ, and is replaced by the group at its next health check;
 * - data: a `DatabaseModel` (single instance, Multi-AZ with one synchronous standby, or a Multi-AZ cluster that
 *   fails over faster), inside a `DrModel` when a cross-Region DR strategy is chosen;
 * - the break: a `FailureModel` script — an instance crash, a traffic spike, the loss of the AZ that holds the
 *   database's primary, and at the end the loss of the whole Region (the DR drill).
 *
 * Every request needs the database: a request counts as served only when the web tier completed it and the
 * database could commit at that moment (the share of each 10-second bucket during which it could). Availability
 * is measured until the Region fails; RTO and RPO come from the DR plan's recovery of the Region.
 *
 * It is a scaled-down model: a two-hour drill at tens of requests per second, which packs years' worth of bad luck
 * into an afternoon. Prices and timings are illustrative.
 */
import {
  AutoScalingGroup,
  cpuUtilizationMetric,
  type AutoscalingLogEntry,
  type ScalingPolicy,
} from "./autoscaling";
import { DatabaseModel, type DatabaseConfig, type DatabaseLogEntry } from "./database";
import { DR_DEFAULT_RESTORE, DR_DEFAULT_TIMINGS, DrModel, drCostPerHour, type DrLogEntry, type DrStrategy } from "./dr";
import { FailureModel, type Fault, type FaultSink, type FailureLogEntry } from "./failures";
import type { LbAlgorithm } from "./load-balancer";
import { FAILURE_CAUSES, ServiceModel, type FailureCounts, type ServiceConfig, type ServiceLogEntry, type ServiceView } from "./service";
import { Simulation } from "./simulation";

export const CAPSTONE_REGION = "us-east-1";
export const CAPSTONE_RECOVERY_REGION = "us-west-2";
export const CAPSTONE_AZS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;

const MIN = 60_000;

/** The scripted break, in simulated time. */
export const CAPSTONE_TIMELINE = {
  /** The application on one instance in the first AZ crashes; the instance keeps running, so only health checks see it. */
  crashAtMs: 15 * MIN + 7_000,
  spikeStartMs: 40 * MIN,
  spikeEndMs: 70 * MIN,
  azOutageAtMs: 50 * MIN + 20_000,
  azOutageEndMs: 80 * MIN,
  /** The whole primary Region fails here; traffic stops and the DR plan takes over. Availability is measured before. */
  regionOutageAtMs: 110 * MIN,
} as const;

/** Each instance: 2 workers, lognormal service time (p50 60 ms, p99 300 ms, mean ≈ 76 ms): ≈ 26 requests/s at 100 %. */
export const CAPSTONE_WORKERS = 2;
export const CAPSTONE_SERVICE = { p50Ms: 60, p99Ms: 300 } as const;
export const CAPSTONE_INSTANCE_CAPACITY_RPS = 26;
export const CAPSTONE_TIMEOUT_MS = 3_000;
export const CAPSTONE_BUCKET_MS = 10_000;
export const CAPSTONE_LAUNCH_MS = 120_000;

/** Illustrative hourly prices (on-demand, in the range of us-east-1 list prices as of 2026-11; they are not quotes). */
export const CAPSTONE_PRICES = {
  instancePerHour: 0.0832,
  loadBalancerPerHour: 0.0225,
  dbInstancePerHour: 0.68,
  backupStoragePerGiBMonth: 0.095,
} as const;

export type CapstoneDatabase = "single" | "multi-az" | "multi-az-cluster";
export type CapstoneDr = "none" | DrStrategy;
export type CapstoneScaling = "fixed" | "target-tracking";

export const CAPSTONE_DATABASES: Readonly<Record<CapstoneDatabase, { label: string; nodes: number; failoverMs: number | null }>> = {
  single: { label: "Single-AZ instance", nodes: 1, failoverMs: null },
  "multi-az": { label: "Multi-AZ instance (one synchronous standby)", nodes: 2, failoverMs: 60_000 },
  "multi-az-cluster": { label: "Multi-AZ cluster (two readable standbys, semisynchronous, faster failover)", nodes: 3, failoverMs: 35_000 },
};

/** Health-check intervals offered (ALB's default is 30 s); 2 failed checks mark a target unhealthy. */
export const CAPSTONE_CHECK_INTERVALS_MS = [30_000, 10_000, 5_000] as const;

export interface CapstoneDesign {
  azCount: 1 | 2 | 3;
  /** Instances per AZ at the start (the group's minimum). */
  instancesPerAz: number;
  scaling: CapstoneScaling;
  /** Health-check interval, ms. */
  checkIntervalMs: number;
  algorithm: Extract<LbAlgorithm, "round-robin" | "least-outstanding">;
  database: CapstoneDatabase;
  dr: CapstoneDr;
}

/** The traffic and data the brief describes. */
export interface CapstoneLoad {
  baseRps: number;
  peakRps: number;
  writesPerSec: number;
  dataGiB: number;
}

export const CAPSTONE_DEFAULT_LOAD: CapstoneLoad = { baseRps: 15, peakRps: 45, writesPerSec: 20, dataGiB: 20 };

export interface CapstoneTargets {
  /** Fraction of requests served, over the drill before the Region fails. */
  minAvailability: number;
  maxP95Ms: number;
  maxRtoMs: number;
  maxRpoMs: number;
  maxCostPerHour: number;
}

/** Scale-out ceiling for target tracking: three times the starting size. */
export function capstoneMaxInstances(design: CapstoneDesign): number {
  const base = design.azCount * design.instancesPerAz;
  return design.scaling === "fixed" ? base : base * 3;
}

export function capstoneCheckTimeoutMs(intervalMs: number): number {
  return Math.min(5_000, intervalMs - 3_000);
}

export function capstoneDrCosts(design: CapstoneDesign) {
  return {
    appInstances: design.azCount * design.instancesPerAz,
    appInstancePerHour: CAPSTONE_PRICES.instancePerHour,
    dbInstancePerHour: CAPSTONE_PRICES.dbInstancePerHour,
    backupStoragePerGiBMonth: CAPSTONE_PRICES.backupStoragePerGiBMonth,
  };
}

export interface CapstoneCost {
  /** Average over the drill (scale-outs and replacements included): instance-hours ÷ hours. */
  web: number;
  loadBalancer: number;
  database: number;
  /** What the recovery Region costs every hour (drCostPerHour's recovery part); 0 without DR. */
  dr: number;
  total: number;
}

/** The design's hourly cost before anything fails (the web tier at its starting size). */
export function capstoneSteadyCost(design: CapstoneDesign, load: CapstoneLoad = CAPSTONE_DEFAULT_LOAD): CapstoneCost {
  const web = design.azCount * design.instancesPerAz * CAPSTONE_PRICES.instancePerHour;
  return costWith(design, load, web);
}

function costWith(design: CapstoneDesign, load: CapstoneLoad, web: number): CapstoneCost {
  const database = CAPSTONE_DATABASES[design.database].nodes * CAPSTONE_PRICES.dbInstancePerHour;
  const dr = design.dr === "none" ? 0 : drCostPerHour(design.dr, capstoneDrCosts(design), load.dataGiB, false).recoveryPerHour;
  const loadBalancer = CAPSTONE_PRICES.loadBalancerPerHour;
  return { web, loadBalancer, database, dr, total: web + loadBalancer + database + dr };
}

/** The DR plan's recovery time with the default timings (see DR_DEFAULT_TIMINGS); null without DR. */
export function capstonePlannedRtoMs(dr: CapstoneDr, dataGiB: number): number | null {
  if (dr === "none") return null;
  const t = DR_DEFAULT_TIMINGS[dr];
  const db = dr === "backup-restore" ? DR_DEFAULT_RESTORE.fixedMs + DR_DEFAULT_RESTORE.msPerGiB * dataGiB : t.promotionMs;
  return t.detectionMs + t.decisionMs + Math.max(db, t.provisioningMs) + t.trafficSwitchMs;
}

const SLOT_LETTERS = "abc";

type CapstoneLog = ServiceLogEntry | AutoscalingLogEntry | FailureLogEntry | DatabaseLogEntry | DrLogEntry;

interface Slot {
  id: string;
  azId: string;
  /** The group's instance running in it, or null when free. */
  instanceId: string | null;
  up: boolean;
  registered: boolean;
}

function serviceConfig(design: CapstoneDesign, load: CapstoneLoad, slots: Slot[]): ServiceConfig {
  const { spikeStartMs, spikeEndMs, regionOutageAtMs } = CAPSTONE_TIMELINE;
  return {
    regionId: CAPSTONE_REGION,
    azIds: CAPSTONE_AZS.slice(0, design.azCount),
    sources: [
      { id: "users", arrivals: { kind: "poisson", ratePerSec: load.baseRps }, stopMs: regionOutageAtMs },
      {
        id: "spike",
        arrivals: { kind: "poisson", ratePerSec: Math.max(0.001, load.peakRps - load.baseRps) },
        startMs: spikeStartMs,
        stopMs: spikeEndMs,
      },
    ],
    classes: [{ id: "page", serviceTime: { kind: "lognormal", ...CAPSTONE_SERVICE }, timeoutMs: CAPSTONE_TIMEOUT_MS }],
    targets: slots.map((s) => ({ id: s.id, azId: s.azId, workers: CAPSTONE_WORKERS, registered: s.registered })),
    loadBalancer: {
      algorithm: design.algorithm,
      crossZone: true,
      healthCheck: {
        intervalMs: design.checkIntervalMs,
        timeoutMs: capstoneCheckTimeoutMs(design.checkIntervalMs),
        unhealthyThreshold: 2,
        healthyThreshold: 5,
      },
      deregistrationDelayMs: 30_000,
    },
    bucketMs: CAPSTONE_BUCKET_MS,
  };
}

/** Builds the drill at t = 0. Step it with `sim.runUntil`; read it with `measureCapstone`. */
export function createCapstoneRun(design: CapstoneDesign, load: CapstoneLoad, seed: number) {
  if (!(design.instancesPerAz >= 1 && Number.isInteger(design.instancesPerAz))) throw new Error("instancesPerAz must be a whole number ≥ 1.");
  const T = CAPSTONE_TIMELINE;
  const sim = new Simulation<CapstoneLog>({ seed, maxLogEntries: 20_000 });
  const azIds = CAPSTONE_AZS.slice(0, design.azCount);
  const base = design.azCount * design.instancesPerAz;
  const policies: ScalingPolicy[] = design.scaling === "target-tracking" ? [{ kind: "target-tracking", id: "cpu-50", targetValue: 50 }] : [];
  const demand = {
    interpolation: "step" as const,
    points: [
      [0, load.baseRps],
      [T.spikeStartMs, load.peakRps],
      [T.spikeEndMs, load.baseRps],
      [T.regionOutageAtMs, 0],
    ] as [number, number][],
  };
  const asg = new AutoScalingGroup(
    sim,
    {
      id: "web",
      minSize: base,
      maxSize: capstoneMaxInstances(design),
      desiredCapacity: base,
      launchTimeMs: CAPSTONE_LAUNCH_MS,
      instanceWarmupMs: CAPSTONE_LAUNCH_MS,
      costPerInstanceHour: CAPSTONE_PRICES.instancePerHour,
      azIds: [...azIds],
      regionId: CAPSTONE_REGION,
      policies,
    },
    cpuUtilizationMetric({ demand, capacityPerInstanceRps: CAPSTONE_INSTANCE_CAPACITY_RPS }),
  );

  // One target slot per possible instance per AZ; the group's instances are bound to free slots in their AZ.
  const slots: Slot[] = [];
  const perAzSlots = capstoneMaxInstances(design);
  azIds.forEach((azId, z) => {
    for (let k = 1; k <= perAzSlots; k++) {
      slots.push({ id: `web-${SLOT_LETTERS[z]}${k}`, azId, instanceId: null, up: true, registered: false });
    }
  });
  const bySlotId = new Map(slots.map((s) => [s.id, s]));
  const byInstance = new Map<string, Slot>();
  const bind = (instanceId: string, azId: string): Slot | null => {
    const free = slots.find((s) => s.azId === azId && s.instanceId === null);
    if (!free) return null;
    free.instanceId = instanceId;
    byInstance.set(instanceId, free);
    return free;
  };
  for (const inst of asg.view().instances) {
    const slot = bind(inst.id, inst.azId);
    if (slot) slot.registered = true;
  }
  const service = new ServiceModel(sim, serviceConfig(design, load, slots));

  const dbNodes = CAPSTONE_DATABASES[design.database];
  const primary = { regionId: CAPSTONE_REGION, azId: CAPSTONE_AZS[0] };
  const dbConfig: DatabaseConfig = {
    id: "orders",
    primary,
    syncStandby: dbNodes.failoverMs === null ? null : { regionId: CAPSTONE_REGION, azId: CAPSTONE_AZS[1] },
    failoverMs: dbNodes.failoverMs ?? undefined,
    asyncReplica:
      design.dr === "pilot-light" || design.dr === "warm-standby" || design.dr === "active-active"
        ? { location: { regionId: CAPSTONE_RECOVERY_REGION, azId: `${CAPSTONE_RECOVERY_REGION}a` }, lag: { kind: "exponential", minMs: 500, meanMs: 1_000 } }
        : null,
    // Hourly snapshots copied to the recovery Region (usable 10 minutes after they are taken).
    backups: design.dr === "none" ? null : { intervalMs: 60 * MIN, firstAtMs: 0, copyDelayMs: 10 * MIN },
    writesPerSec: load.writesPerSec,
    dataGiB: load.dataGiB,
  };
  const dr =
    design.dr === "none"
      ? null
      : new DrModel(sim, {
          strategy: design.dr,
          primaryRegionId: CAPSTONE_REGION,
          recoveryRegionId: CAPSTONE_RECOVERY_REGION,
          costs: capstoneDrCosts(design),
          database: dbConfig,
        });
  const database = dr ? dr.database : new DatabaseModel(sim, dbConfig);

  const webSink: FaultSink = {
    applyFault(fault: Fault, failed: boolean) {
      if (!failed) return; // recovered locations come back empty; the group refills them
      const hit =
        fault.kind === "instance"
          ? slots.filter((s) => s.instanceId === fault.id)
          : fault.kind === "az"
            ? slots.filter((s) => s.azId === fault.id)
            : fault.kind === "region" && fault.id === CAPSTONE_REGION
              ? slots
              : [];
      for (const s of hit) {
        if (s.up) service.failInstance(s.id);
        s.up = false;
      }
    },
  };
  const crashVictim = asg.view().instances.find((i) => i.azId === CAPSTONE_AZS[0])?.id ?? "web-1";
  const failures = new FailureModel(
    sim,
    {
      chaos: [
        { atMs: T.crashAtMs, action: "fail", fault: { kind: "instance", id: crashVictim } },
        { atMs: T.azOutageAtMs, action: "fail", fault: { kind: "az", id: CAPSTONE_AZS[0] }, durationMs: T.azOutageEndMs - T.azOutageAtMs },
        { atMs: T.regionOutageAtMs, action: "fail", fault: { kind: "region", id: CAPSTONE_REGION } },
      ],
    },
    // The group hears of AZ and Region failures (EC2 status checks); an application crash only through the load
    // balancer's health checks (health check type ELB), below.
    [{ applyFault: (f, failed) => void (f.kind === "instance" ? undefined : asg.applyFault(f, failed)) }, dr ?? database, webSink],
  );

  // Follow the group: bind launches to slots, register instances once InService, deregister terminated ones; and
  // record when the database could not commit. Once a simulated second, after the models' own events.
  const dbDown: [number, number][] = [];
  let cursor = sim.logTotal;
  const syncKind = sim.defineEvent("capstone/sync", (_a, _b, atMs) => {
    for (const e of sim.logSince(cursor)) {
      if (e.type === "asg-launch") bind(e.instanceId, e.azId);
      else if (e.type === "asg-in-service") {
        const s = byInstance.get(e.instanceId);
        if (s) {
          if (!s.up) service.recoverInstance(s.id);
          s.up = true;
          service.registerTarget(s.id);
          s.registered = true;
        }
      } else if (e.type === "asg-terminate") {
        const s = byInstance.get(e.instanceId);
        if (s) {
          if (s.registered) service.deregisterTarget(s.id);
          s.registered = false;
          s.instanceId = null;
          byInstance.delete(e.instanceId);
        }
      } else if (e.type === "target-health" && e.to === "unhealthy") {
        // ELB health checks: the group replaces an instance its target group reports unhealthy.
        const s = bySlotId.get(e.targetId);
        if (s?.instanceId) asg.crashInstance(s.instanceId);
      } else if (e.type === "db-writes-stalled") dbDown.push([e.atMs, -1]);
      else if (e.type === "db-writes-resumed") {
        const open = dbDown[dbDown.length - 1];
        if (open && open[1] < 0) open[1] = e.atMs;
      }
    }
    cursor = sim.logTotal;
    sim.schedule(atMs + 1_000, syncKind, 0, 0, 2);
  });
  sim.schedule(1_000, syncKind, 0, 0, 2);

  return { sim, design, load, asg, service, database, dr, failures, slots, bySlotId, dbDown, crashVictim };
}

export type CapstoneRun = ReturnType<typeof createCapstoneRun>;

export interface CapstoneMeasurement {
  nowMs: number;
  /** Requests that arrived in completed buckets (before the Region outage). */
  requests: number;
  served: number;
  failed: number;
  /** served / requests; null before any request. */
  availability: number | null;
  /** Web-tier failures by cause, plus requests lost because the database could not commit. */
  failedByCause: FailureCounts & { database: number };
  /** p95 of the responses the web tier completed (ms); null before any. */
  p95Ms: number | null;
  dbDowntimeMs: number;
  cost: CapstoneCost;
  peakInService: number;
  /** Region drill: null before the Region fails, or when nothing can recover it (no DR). */
  rtoMs: number | null;
  rpoMs: number | null;
  lostWrites: number | null;
  regionFailed: boolean;
}

/** Milliseconds of [fromMs, toMs) during which the database could not commit. */
export function capstoneDowntimeWithin(down: readonly [number, number][], fromMs: number, toMs: number, nowMs: number): number {
  let ms = 0;
  for (const [a, b] of down) {
    const end = b < 0 ? nowMs : b;
    const lo = Math.max(a, fromMs);
    const hi = Math.min(end, toMs);
    if (hi > lo) ms += hi - lo;
  }
  return ms;
}

/** The parts of a measurement that still change once the Region has failed (the DR drill runs on after it). */
export type CapstoneRecovery = Pick<CapstoneMeasurement, "nowMs" | "dbDowntimeMs" | "rtoMs" | "rpoMs" | "lostWrites" | "regionFailed">;

export function measureCapstoneRecovery(run: CapstoneRun): CapstoneRecovery {
  const now = run.sim.nowMs;
  const incident = run.dr?.view().incident ?? null;
  return {
    nowMs: now,
    dbDowntimeMs: capstoneDowntimeWithin(run.dbDown, 0, Math.min(now, CAPSTONE_TIMELINE.regionOutageAtMs), now),
    rtoMs: incident ? incident.rtoMs : null,
    rpoMs: incident ? incident.rpoMs : null,
    lostWrites: incident ? incident.lostWrites : null,
    regionFailed: now >= CAPSTONE_TIMELINE.regionOutageAtMs,
  };
}

/** `view` lets a caller that already holds the service's view (the lab, every frame) avoid building it twice. */
export function measureCapstone(run: CapstoneRun, view: ServiceView = run.service.view()): CapstoneMeasurement {
  const now = run.sim.nowMs;
  const s = view.series;
  const windowEnd = Math.min(now, CAPSTONE_TIMELINE.regionOutageAtMs);
  let requests = 0;
  let served = 0;
  let dbLost = 0;
  const failedByCause = Object.fromEntries(FAILURE_CAUSES.map((c) => [c, 0])) as FailureCounts;
  // The series holds closed buckets only, so the one in progress is neither counted nor weighed against a whole bucket.
  for (let k = 0; k < s.arrived.length; k++) {
    const from = k * s.bucketMs;
    if (from >= windowEnd) break;
    const completed = s.completed[k] ?? 0;
    let failed = 0;
    for (const c of FAILURE_CAUSES) {
      const n = s.failed[c][k] ?? 0;
      failedByCause[c] += n;
      failed += n;
    }
    const upFraction = 1 - capstoneDowntimeWithin(run.dbDown, from, from + s.bucketMs, now) / s.bucketMs;
    const ok = completed * upFraction;
    served += ok;
    dbLost += completed - ok;
    requests += completed + failed;
  }
  const asg = run.asg.view();
  const hours = Math.max(now, 1) / 3_600_000;
  const cost = costWith(run.design, run.load, asg.instanceHours > 0 && now > 0 ? (asg.instanceHours / hours) * CAPSTONE_PRICES.instancePerHour : capstoneSteadyCost(run.design, run.load).web);
  return {
    ...measureCapstoneRecovery(run),
    requests,
    served,
    failed: requests - served,
    availability: requests > 0 ? served / requests : null,
    failedByCause: { ...failedByCause, database: dbLost },
    p95Ms: view.totals.latency ? view.totals.latency.p95Ms : null,
    cost,
    peakInService: asg.peakInService,
  };
}

export interface CapstoneCheck {
  id: "availability" | "latency" | "rto" | "rpo" | "cost";
  label: string;
  met: boolean;
  measured: string;
  target: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

export function formatCapstoneDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Which of the brief's targets the run met. A missing RTO/RPO (no DR, or the Region not yet failed) is not met. */
export function checkCapstoneTargets(m: CapstoneMeasurement, t: CapstoneTargets): CapstoneCheck[] {
  const noRecovery = m.regionFailed ? "never (no copy outside the Region)" : "not drilled yet";
  return [
    {
      id: "availability",
      label: "Availability",
      met: m.availability !== null && m.availability >= t.minAvailability,
      measured: m.availability === null ? "—" : pct(m.availability),
      target: `≥ ${pct(t.minAvailability)}`,
    },
    {
      id: "latency",
      label: "p95 latency",
      met: m.p95Ms !== null && m.p95Ms <= t.maxP95Ms,
      measured: m.p95Ms === null ? "—" : `${Math.round(m.p95Ms)} ms`,
      target: `≤ ${t.maxP95Ms} ms`,
    },
    {
      id: "rto",
      label: "RTO (Region lost)",
      met: m.rtoMs !== null && m.rtoMs <= t.maxRtoMs,
      measured: m.rtoMs === null ? noRecovery : formatCapstoneDuration(m.rtoMs),
      target: `≤ ${formatCapstoneDuration(t.maxRtoMs)}`,
    },
    {
      id: "rpo",
      label: "RPO (Region lost)",
      met: m.rpoMs !== null && m.rpoMs <= t.maxRpoMs,
      measured: m.rpoMs === null ? noRecovery : formatCapstoneDuration(m.rpoMs),
      target: `≤ ${formatCapstoneDuration(t.maxRpoMs)}`,
    },
    {
      id: "cost",
      label: "Cost",
      met: m.cost.total <= t.maxCostPerHour,
      measured: `$${m.cost.total.toFixed(2)}/h`,
      target: `≤ $${t.maxCostPerHour.toFixed(2)}/h`,
    },
  ];
}

/** Runs the whole drill up to the Region failure (whose recovery the DR plan computes at once) and measures it. */
export function runCapstone(design: CapstoneDesign, load: CapstoneLoad, seed: number): CapstoneMeasurement {
  const run = createCapstoneRun(design, load, seed);
  run.sim.runUntil(CAPSTONE_TIMELINE.regionOutageAtMs + 1);
  return measureCapstone(run);
}
