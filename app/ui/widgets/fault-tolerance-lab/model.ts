/**
 * The fault-tolerance lab's pure logic: a web tier (ServiceModel: instances in three AZs behind a load balancer with
 * health checks) under steady traffic, with faults injected through a FailureModel (an instance crash, an AZ outage).
 * No React, so it is unit-tested.
 */
import {
  FAILURE_CAUSES,
  FailureModel,
  ServiceModel,
  Simulation,
  type FailureCause,
  type FailureLogEntry,
  type Fault,
  type FaultSink,
  type ServiceConfig,
  type ServiceLogEntry,
  type ServiceSeries,
  type ServiceTotals,
  type TargetView,
} from "@/lib/sim";
import { fromServiceView, type TargetCountsSample } from "../kit/topology-adapters";
import type { TopologyData } from "../kit/topology-view";

export const REGION = "us-east-1";
export const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
export const RUN_MS = 180_000;
/** Steady demand, requests per second (Poisson). */
export const DEMAND_RPS = 240;
/** Each instance: 4 workers × 40 ms mean service time = 100 requests per second at full load. */
export const WORKERS = 4;
export const MEAN_SERVICE_MS = 40;
export const INSTANCE_CAPACITY_RPS = (WORKERS * 1000) / MEAN_SERVICE_MS;
/** The client gives up after this long (queueing + service). */
export const CLIENT_TIMEOUT_MS = 2_000;
export const INSTANCE_COST_PER_HOUR = 0.0832;

export type Redundancy = "3" | "4" | "5" | "6";

export const REDUNDANCY: Record<Redundancy, { label: string; perAz: [number, number, number] }> = {
  "3": { label: "3 instances (1 per AZ): just enough, no spare", perAz: [1, 1, 1] },
  "4": { label: "4 instances (2 + 1 + 1): N+1 for one instance", perAz: [2, 1, 1] },
  "5": { label: "5 instances (2 + 2 + 1): just enough for a whole AZ", perAz: [2, 2, 1] },
  "6": { label: "6 instances (2 per AZ): N+1 for a whole AZ, evenly", perAz: [2, 2, 2] },
};

export const CHECK_INTERVALS_MS = [5_000, 10_000, 30_000] as const;
export const UNHEALTHY_THRESHOLDS = [2, 3, 5] as const;

export interface LabConfig {
  redundancy: Redundancy;
  checkIntervalMs: number;
  unhealthyThreshold: number;
  /** Clients retry once, on another instance, after a fast failure (502/503 or a dropped connection). */
  retries: boolean;
}

export const DEFAULT_CONFIG: LabConfig = { redundancy: "3", checkIntervalMs: 30_000, unhealthyThreshold: 2, retries: false };

/** ALB requires the check timeout to be shorter than the interval; 5 s is its default. */
export function checkTimeoutMs(intervalMs: number): number {
  return Math.min(5_000, intervalMs - 3_000);
}

/** Worst-case time for the LB to mark a dead instance unhealthy: up to one interval until the next check, then
 * `threshold` failed checks one interval apart, the last one failing after its timeout. */
export function worstDetectionMs(config: LabConfig): number {
  return config.unhealthyThreshold * config.checkIntervalMs + checkTimeoutMs(config.checkIntervalMs);
}

export function instanceIds(config: LabConfig): { id: string; azId: string }[] {
  const out: { id: string; azId: string }[] = [];
  REDUNDANCY[config.redundancy].perAz.forEach((n, z) => {
    for (let k = 1; k <= n; k++) out.push({ id: `web-${String.fromCharCode(97 + z)}${k}`, azId: AZS[z] as string });
  });
  return out;
}

export function serviceConfig(config: LabConfig): ServiceConfig {
  return {
    regionId: REGION,
    azIds: [...AZS],
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: DEMAND_RPS } }],
    classes: [{ id: "page", serviceTime: { kind: "exponential", meanMs: MEAN_SERVICE_MS }, timeoutMs: CLIENT_TIMEOUT_MS }],
    targets: instanceIds(config).map((t) => ({ id: t.id, azId: t.azId, workers: WORKERS, costPerHour: INSTANCE_COST_PER_HOUR })),
    loadBalancer: {
      algorithm: "round-robin",
      crossZone: true,
      healthCheck: {
        intervalMs: config.checkIntervalMs,
        timeoutMs: checkTimeoutMs(config.checkIntervalMs),
        unhealthyThreshold: config.unhealthyThreshold,
        healthyThreshold: 5,
      },
    },
    bucketMs: 1_000,
  };
}

type LabLog = ServiceLogEntry | FailureLogEntry;

/** Applies the FailureModel's instance and AZ faults to the service's targets. */
function serviceSink(service: ServiceModel, targets: { id: string; azId: string }[]): FaultSink {
  return {
    applyFault(fault: Fault, failed: boolean) {
      const hit =
        fault.kind === "instance" ? targets.filter((t) => t.id === fault.id) : fault.kind === "az" ? targets.filter((t) => t.azId === fault.id) : [];
      for (const t of hit) void (failed ? service.failInstance(t.id) : service.recoverInstance(t.id));
    },
  };
}

/** How often the lab samples per-target request counts, for the topology's recent flow rates. */
export const RATE_SAMPLE_MS = 1_000;
const RATE_SAMPLES_KEPT = 3;

export function createLab(config: LabConfig, seed: number) {
  const sim = new Simulation<LabLog>({ seed, maxLogEntries: 5_000 });
  const targets = instanceIds(config);
  const service = new ServiceModel(sim, serviceConfig(config));
  const failures = new FailureModel(sim, {}, [serviceSink(service, targets)]);
  // Per-target counts once a simulated second, so the topology shows recent requests/s per instance whatever the
  // frame rate. Reading the view changes nothing and draws no random numbers, so the run is the same with it.
  const rateSamples: TargetCountsSample[] = [];
  const sampleKind = sim.defineEvent("lab/rate-sample", (_a, _b, atMs) => {
    rateSamples.push({ nowMs: atMs, targets: service.view().targets.map((t) => ({ id: t.id, completed: t.completed, failed: t.failed })) });
    if (rateSamples.length > RATE_SAMPLES_KEPT) rateSamples.shift();
    sim.schedule(atMs + RATE_SAMPLE_MS, sampleKind, 0, 0, 1);
  });
  sim.schedule(0, sampleKind, 0, 0, 1);
  return { sim, service, failures, config, targets, rateSamples };
}

export type LabHandle = ReturnType<typeof createLab>;

/** Crashes the first instance in us-east-1a (once). */
export function crashInstance(h: LabHandle): boolean {
  const first = h.targets[0];
  if (!first || h.service.view().targets[0]?.up === false) return false;
  h.failures.inject({ kind: "instance", id: first.id }, true);
  return true;
}

/** Takes the whole of us-east-1a down (once). */
export function failAz(h: LabHandle): boolean {
  const inAz = h.service.view().targets.filter((t) => t.azId === AZS[0]);
  if (inAz.every((t) => !t.up)) return false;
  h.failures.inject({ kind: "az", id: AZS[0] }, true);
  return true;
}

export interface Detection {
  targetId: string;
  downAtMs: number;
  /** When the LB marked it unhealthy; null while it is still being sent traffic. */
  unhealthyAtMs: number | null;
}

export interface LabView {
  nowMs: number;
  totals: ServiceTotals;
  series: ServiceSeries;
  targets: TargetView[];
  detections: Detection[];
  /** Estimated failures left if clients retried fast failures once (null when retries are off). */
  failedWithRetry: number | null;
  /** Fast failures that a retry would have turned into successes (estimate). */
  rescuedByRetry: number;
  availability: number | null;
  availabilityWithRetry: number | null;
  /** Regions › AZs › instances behind the LB, with each instance's requests/s over the last one to two seconds. */
  topology: TopologyData;
}

/** The newest sample at least one sample interval old (so the rate covers 1–2 s), else the oldest earlier one. */
export function rateBaseline(samples: readonly TargetCountsSample[], nowMs: number): TargetCountsSample | null {
  let best: TargetCountsSample | null = null;
  for (const s of samples) if (s.nowMs <= nowMs - RATE_SAMPLE_MS) best = s;
  return best ?? samples.find((s) => s.nowMs < nowMs) ?? null;
}

/** Fast failures a client can safely retry on another instance: the LB's 502/503 and dropped connections. */
export const RETRYABLE: readonly FailureCause[] = ["target-unreachable", "no-targets", "instance-failed"];

/**
 * One retry, estimated per second: a retried request fails again with the probability that a fresh request in the
 * same second was routed to a dead instance (or found none). Timeouts are not retried (the client already waited
 * 2 s, and retrying into overloaded instances adds load). The estimate ignores the retries' own extra load.
 */
export function retryEstimate(series: ServiceSeries): { failedAfterRetry: number; rescued: number } {
  let failedAfterRetry = 0;
  let rescued = 0;
  for (let k = 0; k < series.arrived.length; k++) {
    const arrived = series.arrived[k] ?? 0;
    const fast = (series.failed["target-unreachable"][k] ?? 0) + (series.failed["no-targets"][k] ?? 0);
    const retryable = fast + (series.failed["instance-failed"][k] ?? 0);
    const pFail = arrived > 0 ? fast / arrived : 0;
    failedAfterRetry += retryable * pFail;
    rescued += retryable * (1 - pFail);
  }
  return { failedAfterRetry, rescued };
}

export function detections(log: readonly LabLog[]): Detection[] {
  const out: Detection[] = [];
  for (const e of log) {
    if (e.type === "instance-down") out.push({ targetId: e.targetId, downAtMs: e.atMs, unhealthyAtMs: null });
    else if (e.type === "target-health" && e.to === "unhealthy") {
      const d = out.find((x) => x.targetId === e.targetId && x.unhealthyAtMs === null);
      if (d) d.unhealthyAtMs = e.atMs;
    }
  }
  return out;
}

export function viewLab(h: LabHandle): LabView {
  const v = h.service.view();
  const t = v.totals;
  const est = retryEstimate(v.series);
  const finished = t.completed + t.failed;
  const failedWithRetry = h.config.retries ? t.failed - est.rescued : null;
  return {
    nowMs: v.nowMs,
    totals: t,
    series: v.series,
    targets: v.targets,
    detections: detections(h.sim.log),
    failedWithRetry,
    rescuedByRetry: est.rescued,
    availability: finished > 0 ? t.completed / finished : null,
    availabilityWithRetry: finished > 0 && failedWithRetry !== null ? (finished - failedWithRetry) / finished : null,
    topology: fromServiceView(v, { regionId: REGION, azIds: AZS, previous: rateBaseline(h.rateSamples, v.nowMs) }),
  };
}

export const CAUSE_LABELS: Record<FailureCause, string> = {
  "target-unreachable": "Sent to a dead instance (502)",
  "instance-failed": "In flight when it died",
  timeout: "Timed out (survivors overloaded)",
  "no-targets": "No healthy instance (503)",
  "queue-full": "Queue full",
  deregistered: "Cut off while draining",
};

export { FAILURE_CAUSES };

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function formatPct(x: number | null, digits = 2): string {
  return x === null ? "—" : `${(x * 100).toFixed(digits)} %`;
}

/** The aria-live summary: phases and actions, not every tick (counts only once the run has ended). */
export function statusMessage(config: LabConfig, v: LabView, ended: boolean): string {
  const up = v.targets.filter((t) => t.up).length;
  const n = v.targets.length;
  const capacity = up * INSTANCE_CAPACITY_RPS;
  const d = v.detections;
  const totals = ` ${v.totals.failed.toLocaleString("en-US")} requests failed; availability ${formatPct(v.availability)}${
    config.retries && v.availabilityWithRetry !== null ? ` (with one retry, about ${formatPct(v.availabilityWithRetry)})` : ""
  }.`;
  if (d.length === 0) {
    if (v.nowMs === 0) return `${n} instances serving ${DEMAND_RPS} requests/s (capacity ${n * INSTANCE_CAPACITY_RPS}/s). Press Play, then inject a failure.`;
    return ended ? `Run finished with no failure injected.${totals}` : `Steady: all ${n} instances up and healthy. Inject a failure.`;
  }
  const pending = d.filter((x) => x.unhealthyAtMs === null);
  const overloaded = capacity < DEMAND_RPS;
  const base = `${n - up} of ${n} instances down; the ${up} left can serve about ${capacity} of ${DEMAND_RPS} requests/s${
    overloaded ? ", so they are overloaded and requests time out" : ""
  }.`;
  const detect =
    pending.length > 0
      ? ` The load balancer has not noticed yet: it still sends requests to the dead instance${pending.length > 1 ? "s" : ""}, and they fail.`
      : ` Health checks marked ${d.length > 1 ? "them" : "it"} unhealthy after ${formatSeconds(
          Math.max(...d.map((x) => (x.unhealthyAtMs as number) - x.downAtMs)),
        )}; traffic now goes only to the survivors.`;
  return base + detect + (ended ? totals : "");
}
