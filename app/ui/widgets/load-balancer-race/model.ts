/**
 * The load-balancer race: two copies of the same service, fed the same seeded traffic, differing only in the load
 * balancer's algorithm. Pure (lib/sim only) so tests can drive it without React.
 */
import {
  ALB_HEALTH_CHECK,
  FAILURE_CAUSES,
  ServiceModel,
  Simulation,
  meanServiceMs,
  type HealthCheckSpec,
  type LbAlgorithm,
  type ServiceConfig,
  type ServiceLogEntry,
  type ServiceTimeSpec,
  type ServiceView,
  type TargetHealth,
} from "@/lib/sim";

export const RACE_MS = 300_000;
export const SERVER_COUNT = 4;
/** Request work: median 40 ms, 99th percentile 200 ms at speed 1 (a long-tailed API call). */
export const SERVICE_TIME: ServiceTimeSpec = { kind: "lognormal", p50Ms: 40, p99Ms: 200 };
export const WORKERS_PER_SERVER = 4;
/** A request that has waited and been served for this long fails with a timeout (the client gives up). */
export const REQUEST_TIMEOUT_MS = 3_000;
export const SPEEDS = [0.5, 1, 1.5, 2] as const;
export const AZS = ["us-east-1a", "us-east-1b"] as const;

export const ALGORITHM_LABELS: Record<LbAlgorithm, string> = {
  "round-robin": "Round robin",
  random: "Random",
  "least-outstanding": "Least outstanding requests",
  "power-of-two": "Power of two choices",
  "weighted-round-robin": "Weighted round robin (weight = speed)",
  "weighted-random": "Weighted random (weight = speed)",
};

export type HealthCheckPreset = "alb-default" | "fast";

export const HEALTH_CHECKS: Record<HealthCheckPreset, { label: string; spec: HealthCheckSpec }> = {
  "alb-default": { label: "ALB defaults: every 30 s, timeout 5 s, 2 failures / 5 passes", spec: { ...ALB_HEALTH_CHECK } },
  fast: {
    label: "Fast: every 5 s, timeout 2 s, 2 failures / 3 passes",
    spec: { intervalMs: 5_000, timeoutMs: 2_000, healthyThreshold: 3, unhealthyThreshold: 2 },
  },
};

export interface RaceConfig {
  algorithmA: LbAlgorithm;
  algorithmB: LbAlgorithm;
  /** Relative speed of each of the four servers. */
  speeds: number[];
  /** Offered load as a fraction of the servers' total capacity. */
  loadFraction: number;
  healthCheck: HealthCheckPreset;
  crossZone: boolean;
}

export const DEFAULT_RACE: RaceConfig = {
  algorithmA: "round-robin",
  algorithmB: "least-outstanding",
  speeds: [1, 1, 1, 0.5],
  loadFraction: 0.8,
  healthCheck: "alb-default",
  crossZone: true,
};

export const serverId = (i: number) => `server-${i + 1}`;
/** Servers 1–2 in the first AZ, 3–4 in the second. */
export const serverAz = (i: number) => AZS[i < SERVER_COUNT / 2 ? 0 : 1] as string;

/** Requests per second the servers can complete when every worker is busy. */
export function capacityPerSec(speeds: readonly number[]): number {
  const perWorker = 1000 / meanServiceMs(SERVICE_TIME);
  return speeds.reduce((sum, s) => sum + s * WORKERS_PER_SERVER * perWorker, 0);
}

export function offeredPerSec(config: RaceConfig): number {
  return Math.round(capacityPerSec(config.speeds) * config.loadFraction);
}

export function serviceConfig(config: RaceConfig, algorithm: LbAlgorithm): ServiceConfig {
  return {
    regionId: "us-east-1",
    azIds: [...AZS],
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: offeredPerSec(config) } }],
    classes: [{ id: "api", serviceTime: SERVICE_TIME, timeoutMs: REQUEST_TIMEOUT_MS }],
    targets: config.speeds.map((speed, i) => ({
      id: serverId(i),
      azId: serverAz(i),
      workers: WORKERS_PER_SERVER,
      speed,
      weight: speed,
    })),
    loadBalancer: {
      algorithm,
      crossZone: config.crossZone,
      healthCheck: HEALTH_CHECKS[config.healthCheck].spec,
      // Short, so a recovered-then-failed server does not linger; the race never deregisters on purpose.
      deregistrationDelayMs: 30_000,
    },
    bucketMs: 1_000,
  };
}

export interface Side {
  sim: Simulation<ServiceLogEntry>;
  service: ServiceModel;
}

/** Both sides of the race behind one clock (the shape useSimulation drives). */
export interface RaceHandle {
  sim: { readonly nowMs: number; runUntil(tMs: number): number };
  a: Side;
  b: Side;
}

function side(config: RaceConfig, algorithm: LbAlgorithm, seed: number): Side {
  // Request-level logging is off: the log only holds health changes and instance faults.
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 5_000 });
  return { sim, service: new ServiceModel(sim, serviceConfig(config, algorithm)) };
}

/** A fresh race at t = 0. Both sides share the seed, so they see identical arrivals and request sizes. */
export function createRace(config: RaceConfig, seed: number): RaceHandle {
  const a = side(config, config.algorithmA, seed);
  const b = side(config, config.algorithmB, seed);
  return {
    a,
    b,
    sim: {
      get nowMs() {
        return a.sim.nowMs;
      },
      runUntil(tMs: number) {
        return a.sim.runUntil(tMs) + b.sim.runUntil(tMs);
      },
    },
  };
}

/** Fails (or recovers) a server on both sides at the current time. */
export function setServerUp(h: RaceHandle, index: number, up: boolean): void {
  for (const s of [h.a, h.b]) {
    if (up) s.service.recoverInstance(serverId(index));
    else s.service.failInstance(serverId(index));
  }
}

export interface HealthEvent {
  atMs: number;
  serverId: string;
  from: TargetHealth;
  to: TargetHealth;
}

export interface SideView {
  service: ServiceView;
  errors: number;
  errorRate: number | null;
  /** Health transitions (newest last). */
  health: HealthEvent[];
  /** When each server last went down (absent while up). */
  downSinceMs: Record<string, number>;
}

export interface RaceView {
  nowMs: number;
  a: SideView;
  b: SideView;
}

function viewSide(s: Side): SideView {
  const service = s.service.view();
  const t = service.totals;
  const finished = t.completed + t.failed;
  const health: HealthEvent[] = [];
  const downSinceMs: Record<string, number> = {};
  for (const e of s.sim.log) {
    if (e.type === "target-health") health.push({ atMs: e.atMs, serverId: e.targetId, from: e.from, to: e.to });
    else if (e.type === "instance-down") downSinceMs[e.targetId] = e.atMs;
    else if (e.type === "instance-up") delete downSinceMs[e.targetId];
  }
  return { service, errors: t.failed, errorRate: finished > 0 ? t.failed / finished : null, health, downSinceMs };
}

export function viewRace(h: RaceHandle): RaceView {
  return { nowMs: h.a.sim.nowMs, a: viewSide(h.a), b: viewSide(h.b) };
}

/** Errors of one side per second (all causes summed). */
export function errorsPerSecond(view: ServiceView): number[] {
  const out = view.series.arrived.map(() => 0);
  for (const cause of FAILURE_CAUSES) view.series.failed[cause].forEach((n, i) => (out[i] = (out[i] as number) + n));
  return out;
}

/** How long the LB kept sending to a failed server: from its failure to its "unhealthy" mark; null if not yet. */
export function detectionMs(side: SideView, id: string): number | null {
  const down = side.downSinceMs[id];
  if (down === undefined) return null;
  const mark = side.health.find((e) => e.serverId === id && e.to === "unhealthy" && e.atMs >= down);
  return mark ? mark.atMs - down : null;
}

/**
 * The slowest and fastest time health checks can take to mark a dead server unhealthy: the first failing check
 * starts between 0 and one interval after the failure, and each check fails only after its timeout.
 */
export function detectionWindowMs(spec: HealthCheckSpec): { minMs: number; maxMs: number } {
  const checks = (spec.unhealthyThreshold - 1) * spec.intervalMs + spec.timeoutMs;
  return { minMs: checks, maxMs: checks + spec.intervalMs };
}
