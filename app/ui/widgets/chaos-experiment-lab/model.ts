/**
 * The chaos-experiment lab's pure logic. A web tier (ServiceModel: instances in three AZs behind a load balancer
 * with health checks) serves steady traffic. A chaos experiment, defined in advance like an AWS FIS experiment
 * template, injects a fault at 1 min (stop some instances, or lose an AZ) for 90 s, then rolls it back. A stop
 * condition (an alarm on the success rate per 10-second window) halts it early and rolls back at once. The
 * steady-state hypothesis is checked on the success rate from the injection to the end of the run. Client retries
 * are an estimate (as in the fault-tolerance lab): a fast failure is retried once and fails again with the share of
 * that second's requests that failed fast. No React, so it is unit-tested.
 */
import { ServiceModel, Simulation, type ServiceConfig, type ServiceLogEntry, type ServiceSeries } from "@/lib/sim";

export const REGION = "us-east-1";
export const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
export const RUN_MS = 300_000;
export const WINDOW_MS = 10_000;
export const INJECT_AT_MS = 60_000;
export const FAULT_DURATION_MS = 90_000;
export const DEMAND_RPS = 240;
export const WORKERS = 4;
export const MEAN_SERVICE_MS = 40;
export const INSTANCE_CAPACITY_RPS = (WORKERS * 1000) / MEAN_SERVICE_MS;
export const CLIENT_TIMEOUT_MS = 2_000;
/** The steady state the hypothesis promises: success rate from the injection to the end of the run. */
export const STEADY_SUCCESS = 0.995;

export type Layout = "3" | "6";
export type FaultKind = "one-instance" | "two-instances" | "az";
export type StopCondition = "none" | "below-95" | "below-80";

export const LAYOUTS: Record<Layout, { label: string; perAz: number }> = {
  "3": { label: "3 instances, 1 per AZ", perAz: 1 },
  "6": { label: "6 instances, 2 per AZ", perAz: 2 },
};

export const FAULTS: Record<FaultKind, { label: string }> = {
  "one-instance": { label: "Stop 1 instance (smallest blast radius)" },
  "two-instances": { label: "Stop 2 instances in different AZs" },
  az: { label: `Lose AZ ${AZS[0]} (every instance in it)` },
};

export const STOP_CONDITIONS: Record<StopCondition, { label: string; minSuccess: number | null }> = {
  none: { label: "None (run the full 90 s)", minSuccess: null },
  "below-95": { label: "Success rate below 95 % in a 10 s window", minSuccess: 0.95 },
  "below-80": { label: "Success rate below 80 % in a 10 s window", minSuccess: 0.8 },
};

export const CHECK_INTERVALS_MS = [30_000, 10_000, 5_000] as const;

export interface ExperimentConfig {
  layout: Layout;
  checkIntervalMs: number;
  /** Clients retry a fast failure once (estimated). */
  retries: boolean;
  fault: FaultKind;
  stop: StopCondition;
}

export const DEFAULT_CONFIG: ExperimentConfig = { layout: "3", checkIntervalMs: 30_000, retries: false, fault: "one-instance", stop: "none" };

export function instanceIds(layout: Layout): { id: string; azId: string }[] {
  const out: { id: string; azId: string }[] = [];
  for (let k = 1; k <= LAYOUTS[layout].perAz; k++) AZS.forEach((az, z) => out.push({ id: `web-${String.fromCharCode(97 + z)}${k}`, azId: az }));
  return out;
}

/** The instances the fault stops: its blast radius. */
export function faultTargets(config: ExperimentConfig): string[] {
  const all = instanceIds(config.layout);
  if (config.fault === "one-instance") return [all[0]!.id];
  if (config.fault === "two-instances") return [all[0]!.id, all[1]!.id];
  return all.filter((t) => t.azId === AZS[0]).map((t) => t.id);
}

export function serviceConfig(config: ExperimentConfig): ServiceConfig {
  return {
    regionId: REGION,
    azIds: [...AZS],
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: DEMAND_RPS } }],
    classes: [{ id: "page", serviceTime: { kind: "exponential", meanMs: MEAN_SERVICE_MS }, timeoutMs: CLIENT_TIMEOUT_MS }],
    targets: instanceIds(config.layout).map((t) => ({ id: t.id, azId: t.azId, workers: WORKERS })),
    loadBalancer: {
      algorithm: "round-robin",
      crossZone: true,
      healthCheck: {
        intervalMs: config.checkIntervalMs,
        timeoutMs: Math.min(5_000, config.checkIntervalMs - 3_000),
        unhealthyThreshold: 2,
        healthyThreshold: 5,
      },
    },
    bucketMs: 1_000,
  };
}

export interface WindowResult {
  endMs: number;
  completed: number;
  failed: number;
  /** Failures left after one client retry (equal to `failed` without retries; an estimate with them). */
  failedAfterRetry: number;
  /** (completed + rescued) / (completed + failed). */
  success: number | null;
}

const FAST: readonly ("target-unreachable" | "no-targets")[] = ["target-unreachable", "no-targets"];
const RETRYABLE: readonly ("target-unreachable" | "no-targets" | "instance-failed")[] = ["target-unreachable", "no-targets", "instance-failed"];

/** Window `w` (the 10 seconds ending at (w + 1) × WINDOW_MS), with the retry estimate applied second by second. */
export function windowOf(s: ServiceSeries, retries: boolean, w: number): WindowResult {
  const per = WINDOW_MS / s.bucketMs;
  let completed = 0;
  let failed = 0;
  let failedAfterRetry = 0;
  for (let k = w * per; k < (w + 1) * per; k++) {
    const arrived = s.arrived[k] ?? 0;
    let all = 0;
    for (const c of Object.keys(s.failed) as (keyof typeof s.failed)[]) all += s.failed[c][k] ?? 0;
    const fast = FAST.reduce((a, c) => a + (s.failed[c][k] ?? 0), 0);
    const retryable = RETRYABLE.reduce((a, c) => a + (s.failed[c][k] ?? 0), 0);
    const pFail = arrived > 0 ? fast / arrived : 0;
    completed += s.completed[k] ?? 0;
    failed += all;
    failedAfterRetry += retries ? all - retryable * (1 - pFail) : all;
  }
  const done = completed + failed;
  return { endMs: (w + 1) * WINDOW_MS, completed, failed, failedAfterRetry, success: done > 0 ? (done - failedAfterRetry) / done : null };
}

/** Every closed 10-second window so far. */
export function windowsOf(s: ServiceSeries, retries: boolean): WindowResult[] {
  const closed = Math.floor(s.completed.length / (WINDOW_MS / s.bucketMs));
  return Array.from({ length: closed }, (_, w) => windowOf(s, retries, w));
}

export function createExperiment(config: ExperimentConfig, seed: number) {
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 5_000 });
  const service = new ServiceModel(sim, serviceConfig(config));
  const targets = faultTargets(config);
  const state = { injectedAtMs: null as number | null, rolledBackAtMs: null as number | null, stoppedByAlarm: false };
  const rollback = () => {
    if (state.injectedAtMs === null || state.rolledBackAtMs !== null) return;
    state.rolledBackAtMs = sim.nowMs;
    for (const id of targets) service.recoverInstance(id);
  };
  const inject = sim.defineEvent("chaos/inject", () => {
    state.injectedAtMs = sim.nowMs;
    for (const id of targets) service.failInstance(id);
  });
  const end = sim.defineEvent("chaos/end", rollback);
  // The stop condition is evaluated as each 10-second window closes (after the service has closed its bucket).
  const minSuccess = STOP_CONDITIONS[config.stop].minSuccess;
  const check = sim.defineEvent("chaos/stop-condition", (_a, _b, atMs) => {
    if (minSuccess !== null && state.injectedAtMs !== null && state.rolledBackAtMs === null) {
      const series = service.view().series;
      const index = Math.round(atMs / WINDOW_MS) - 1;
      const w = (index + 1) * (WINDOW_MS / series.bucketMs) <= series.completed.length ? windowOf(series, config.retries, index) : null;
      if (w && w.success !== null && w.success < minSuccess) {
        state.stoppedByAlarm = true;
        rollback();
      }
    }
    if (atMs + WINDOW_MS < RUN_MS) sim.schedule(atMs + WINDOW_MS, check, 0, 0, 9);
  });
  sim.schedule(INJECT_AT_MS, inject);
  sim.schedule(INJECT_AT_MS + FAULT_DURATION_MS, end);
  sim.schedule(WINDOW_MS, check, 0, 0, 9);
  return { sim, service, config, targets, state };
}

export type ExperimentHandle = ReturnType<typeof createExperiment>;

export interface ExperimentView {
  nowMs: number;
  windows: WindowResult[];
  injectedAtMs: number | null;
  rolledBackAtMs: number | null;
  stoppedByAlarm: boolean;
  /** Success rate from the injection on (after retries when they are on); null before. */
  successSinceInjection: number | null;
  /** Failed requests since the injection (after retries when they are on). */
  failedSinceInjection: number;
  /** The worst 10-second window since the injection. */
  worstWindow: WindowResult | null;
  p99Ms: number | null;
  instances: number;
}

export function viewExperiment(h: ExperimentHandle): ExperimentView {
  const v = h.service.view();
  const windows = windowsOf(v.series, h.config.retries);
  const after = h.state.injectedAtMs === null ? [] : windows.filter((w) => w.endMs > (h.state.injectedAtMs as number));
  const done = after.reduce((a, w) => a + w.completed + w.failed, 0);
  const failed = after.reduce((a, w) => a + w.failedAfterRetry, 0);
  let worst: WindowResult | null = null;
  for (const w of after) if (w.success !== null && (worst === null || (w.success as number) < (worst.success as number))) worst = w;
  return {
    nowMs: v.nowMs,
    windows,
    injectedAtMs: h.state.injectedAtMs,
    rolledBackAtMs: h.state.rolledBackAtMs,
    stoppedByAlarm: h.state.stoppedByAlarm,
    successSinceInjection: done > 0 ? (done - failed) / done : null,
    failedSinceInjection: failed,
    worstWindow: worst,
    p99Ms: v.totals.latency?.p99Ms ?? null,
    instances: v.targets.length,
  };
}

function pct(x: number | null): string {
  return x === null ? "—" : `${(x * 100).toFixed(2)} %`;
}

export { pct as formatSuccess };

/** The verdict once the run has ended: did the steady-state hypothesis hold? */
export function verdict(v: ExperimentView): "held" | "refuted" | "pending" {
  if (v.nowMs < RUN_MS || v.successSinceInjection === null) return "pending";
  return v.successSinceInjection >= STEADY_SUCCESS ? "held" : "refuted";
}

/**
 * The aria-live summary. While the run plays it changes only with the experiment's phase (the failure count and
 * success rate change every frame and would drown a screen reader); a pause and the end announce the numbers.
 */
export function statusMessage(config: ExperimentConfig, v: ExperimentView, state: { playing: boolean; ended: boolean }): string {
  const radius = `${faultTargets(config).length} of ${v.instances} instances`;
  const hyp = `Hypothesis: with ${radius} stopped, at least 99.5 % of requests still succeed.`;
  if (v.nowMs === 0) return `${hyp} Press Play: the fault is injected at 1:00.`;
  if (v.injectedAtMs === null) return `Measuring the steady state before the experiment. ${hyp}`;
  const stop = v.stoppedByAlarm
    ? ` The stop condition fired at ${Math.round((v.rolledBackAtMs as number) / 1000)} s and rolled the fault back.`
    : v.rolledBackAtMs !== null
      ? ` The fault was rolled back after ${FAULT_DURATION_MS / 1000} s, as planned.`
      : " Fault active.";
  if (state.playing) return `The fault is injected: ${radius} stopped at 60 s.${stop} Pause to hear the numbers.`;
  const damage = ` Since the injection: ${Math.round(v.failedSinceInjection).toLocaleString("en-US")} requests failed${config.retries ? " after retries (estimate)" : ""}, success rate ${pct(v.successSinceInjection)}.`;
  const end = verdict(v);
  const result = end === "pending" ? "" : end === "held" ? " Verdict: the hypothesis held." : " Verdict: the hypothesis was refuted — a finding to fix.";
  return `${state.ended ? "" : `Paused at ${Math.round(v.nowMs / 1000)} s. `}${radius} stopped at 60 s.${stop}${damage}${result}`;
}
