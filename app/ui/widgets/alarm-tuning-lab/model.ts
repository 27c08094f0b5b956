/**
 * The alarm-tuning lab's pure logic. A web tier (ServiceModel: eight instances on InfrastructureModel VMs behind a
 * round-robin load balancer) serves noisy traffic: steady Poisson requests plus short random bursts. At a seeded
 * time the learner does not know, a fault starts: a CPU-hungry neighbour lands on web-1's host (noisy neighbour, so
 * web-1 runs about 3× slower), or web-5 starts failing every request it gets. The run turns the request log into
 * CloudWatch-style datapoints (average, p99, error rate per 10 s, 1 min or 5 min period), and `evaluateAlarm` applies
 * lib/sim's "M out of N datapoints" alarm to them. No React, so it is unit-tested.
 */
import {
  InfrastructureModel,
  MOfNAlarm,
  ServiceModel,
  Simulation,
  breachesAbove,
  createStream,
  errorRatePct,
  type AlarmState,
  type InfraLogEntry,
  type LogEntry,
  type ServiceConfig,
  type ServiceLogEntry,
} from "@/lib/sim";
import { formatDuration } from "../kit/format";

export const REGION = "us-east-1";
export const AZS = ["us-east-1a", "us-east-1b"] as const;
export const RUN_MS = 30 * 60_000;
export const INSTANCES = 8;
export const WORKERS = 2;
/** Steady demand, requests per second (Poisson), plus bursts of BURST_RPS more. */
export const BASE_RPS = 100;
export const BURST_RPS = 200;
export const BURST_MEAN_ON_MS = 15_000;
export const BURST_MEAN_OFF_MS = 120_000;
/** Service time: lognormal with this median and 99th percentile (illustrative). */
export const SERVICE_P50_MS = 25;
export const SERVICE_P99_MS = 150;
export const CLIENT_TIMEOUT_MS = 5_000;
/** The fault starts uniformly at random in this window (whole seconds), so the learner cannot tune to it. */
export const FAULT_WINDOW_MS: readonly [number, number] = [12 * 60_000, 20 * 60_000];
/** The smallest period; every other period is a whole number of slices. */
export const SLICE_MS = 10_000;
export const PERIODS_MS = [10_000, 60_000, 300_000] as const;
export type PeriodMs = (typeof PERIODS_MS)[number];
const MAX_PERIOD_MS = 300_000;

export type FaultKind = "slow-instance" | "errors";
export type Statistic = "average" | "p99" | "error-rate";

/** CPU cores of each host, the vCPUs a web VM keeps busy, and the neighbour's size: contention (1 + 23) / 4 = 6. */
const HOST_CORES = 4;
const WEB_VCPU = 2;
const WEB_CPU_BUSY = 0.5;
const NEIGHBOUR_VCPU = 23;
/** How much slower web-1 runs once its neighbour is busy (the host's CPU contention). */
export const SLOWDOWN = (WEB_VCPU * WEB_CPU_BUSY + NEIGHBOUR_VCPU) / HOST_CORES;
export const SLOW_TARGET = "web-1";
export const FAILING_TARGET = "web-5";

export const FAULTS: Record<FaultKind, { label: string; describe: string }> = {
  "slow-instance": {
    label: "A noisy neighbour slows one instance",
    describe: `a CPU-hungry VM starts on ${SLOW_TARGET}'s host, so ${SLOW_TARGET} runs about ${SLOWDOWN}× slower`,
  },
  errors: {
    label: "One instance fails every request",
    describe: `${FAILING_TARGET} loses its database connection and fails every request, but its shallow health check still passes`,
  },
};

export const STATISTICS: Record<Statistic, { label: string; unit: string }> = {
  average: { label: "Average latency", unit: "ms" },
  p99: { label: "p99 latency", unit: "ms" },
  "error-rate": { label: "Error rate", unit: "%" },
};

/** The fault's start for a seed: a whole second in FAULT_WINDOW_MS, from its own stream. */
export function faultTimeMs(seed: number): number {
  const rng = createStream(seed, "alarm-lab/fault-time");
  const [lo, hi] = FAULT_WINDOW_MS;
  return lo + rng.int((hi - lo) / 1000) * 1000;
}

export function webIds(): string[] {
  return Array.from({ length: INSTANCES }, (_, i) => `web-${i + 1}`);
}

export function serviceConfig(): ServiceConfig {
  return {
    regionId: REGION,
    sources: [
      { id: "users", arrivals: { kind: "poisson", ratePerSec: BASE_RPS } },
      { id: "bursts", arrivals: { kind: "bursty", onRatePerSec: BURST_RPS, meanOnMs: BURST_MEAN_ON_MS, meanOffMs: BURST_MEAN_OFF_MS } },
    ],
    classes: [{ id: "api", serviceTime: { kind: "lognormal", p50Ms: SERVICE_P50_MS, p99Ms: SERVICE_P99_MS }, timeoutMs: CLIENT_TIMEOUT_MS }],
    targets: webIds().map((id) => ({ id, vmId: id, workers: WORKERS })),
    // A shallow health check passes for both faults (the process still answers), so the LB keeps routing.
    loadBalancer: { algorithm: "least-outstanding", crossZone: true, healthCheck: null },
    bucketMs: SLICE_MS,
    logRequests: true,
  };
}

/** One period's datapoints: average and p99 latency of completed requests (ms), error rate (%). */
export interface Datapoint {
  /** End of the period (simulated ms). */
  endMs: number;
  requests: number;
  average: number | null;
  p99: number | null;
  errorRate: number | null;
}

interface Slice {
  latencies: number[];
  errors: number;
}

/** The q-quantile of sorted values: the ⌈q·n⌉-th smallest (nearest rank, as CloudWatch's pNN on raw samples). */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

export function datapointOf(slices: readonly Slice[], endMs: number): Datapoint {
  const all: number[] = [];
  let errors = 0;
  for (const s of slices) {
    for (const x of s.latencies) all.push(x);
    errors += s.errors;
  }
  all.sort((a, b) => a - b);
  let sum = 0;
  for (const x of all) sum += x;
  const n = all.length + errors;
  return {
    endMs,
    requests: n,
    average: all.length > 0 ? sum / all.length : null,
    p99: nearestRank(all, 0.99),
    errorRate: errorRatePct(errors, n),
  };
}

type LabLog = ServiceLogEntry | InfraLogEntry;

export function createLab(fault: FaultKind, seed: number) {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 20_000 });
  const hosts = (az: string) => Array.from({ length: INSTANCES / AZS.length }, (_, h) => ({ id: `${az}-${h + 1}`, cpuCores: HOST_CORES, memoryGiB: 32 }));
  const infrastructure = new InfrastructureModel(sim as unknown as Simulation<InfraLogEntry>, {
    regions: [{ id: REGION, azs: AZS.map((az) => ({ id: az, hosts: hosts(az) })) }],
    hypervisor: "type-1",
    overheadFraction: 0,
    cpuOvercommit: 8,
    workloads: [
      { id: "web", replicas: INSTANCES, minRunning: 1, vcpu: WEB_VCPU, memoryGiB: 4, placement: "spread", cpuBusy: WEB_CPU_BUSY },
      // Packed onto the first host with room: web-1's. Idle until the fault.
      { id: "batch", replicas: 1, minRunning: 1, vcpu: NEIGHBOUR_VCPU, memoryGiB: 4, placement: "pack", cpuBusy: 0 },
    ],
  });
  infrastructure.placePending();
  const service = new ServiceModel(sim as unknown as Simulation<ServiceLogEntry>, serviceConfig(), infrastructure);
  const faultAtMs = faultTimeMs(seed);
  const faultKind = sim.defineEvent("alarm-lab/fault", () => {
    if (fault === "slow-instance") infrastructure.setVmCpuBusy("batch-1", 1);
    else service.failInstance(FAILING_TARGET);
  });
  sim.schedule(faultAtMs, faultKind);

  // Every 10 s, the log since the last slice becomes one slice; each period that ends then gets its datapoint.
  // Reading the log changes nothing and draws no random numbers, so the run is the same with it.
  const datapoints: Record<PeriodMs, Datapoint[]> = { 10_000: [], 60_000: [], 300_000: [] };
  const recent: Slice[] = [];
  let cursor = 0;
  const sliceKind = sim.defineEvent("alarm-lab/slice", (_a, _b, atMs) => {
    const slice: Slice = { latencies: [], errors: 0 };
    for (const e of sim.logSince(cursor) as LabLog[]) {
      if (e.type === "request-completed") slice.latencies.push(e.latencyMs);
      else if (e.type === "request-failed") slice.errors++;
    }
    cursor = sim.logTotal;
    recent.push(slice);
    if (recent.length > MAX_PERIOD_MS / SLICE_MS) recent.shift();
    for (const p of PERIODS_MS) {
      const k = p / SLICE_MS;
      if (Math.round(atMs) % p === 0 && recent.length >= k) datapoints[p].push(datapointOf(recent.slice(-k), atMs));
    }
    if (atMs + SLICE_MS <= RUN_MS) sim.schedule(atMs + SLICE_MS, sliceKind, 0, 0, 9);
  });
  sim.schedule(SLICE_MS, sliceKind, 0, 0, 9);
  return { sim, service, infrastructure, fault, faultAtMs, datapoints };
}

export type LabHandle = ReturnType<typeof createLab>;

export interface LabView {
  nowMs: number;
  fault: FaultKind;
  faultAtMs: number;
  /** Datapoints of each period so far (copies of the arrays; the points themselves never change). */
  datapoints: Record<PeriodMs, Datapoint[]>;
  completed: number;
  failed: number;
}

export function viewLab(h: LabHandle): LabView {
  const t = h.service.view().totals;
  return {
    nowMs: h.sim.nowMs,
    fault: h.fault,
    faultAtMs: h.faultAtMs,
    datapoints: { 10_000: h.datapoints[10_000].slice(), 60_000: h.datapoints[60_000].slice(), 300_000: h.datapoints[300_000].slice() },
    completed: t.completed,
    failed: t.failed,
  };
}

// ── The alarm ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface AlarmConfig {
  statistic: Statistic;
  /** Breaching means value > threshold (GreaterThanThreshold). */
  threshold: number;
  periodMs: PeriodMs;
  /** "M out of N": ALARM when at least `datapointsToAlarm` of the last `evaluationPeriods` datapoints breach. */
  datapointsToAlarm: number;
  evaluationPeriods: number;
}

export const DEFAULT_ALARM: AlarmConfig = { statistic: "average", threshold: 100, periodMs: 60_000, datapointsToAlarm: 1, evaluationPeriods: 1 };

export function valueOf(d: Datapoint, s: Statistic): number | null {
  return s === "average" ? d.average : s === "p99" ? d.p99 : d.errorRate;
}

export interface AlarmTransition {
  atMs: number;
  to: AlarmState;
}

export interface AlarmResult {
  /** Per datapoint: does it breach, and the alarm's state after evaluating it. */
  breaching: boolean[];
  states: AlarmState[];
  transitions: AlarmTransition[];
  /** Times the alarm went into ALARM, false or not: all a learner may know before the fault time is revealed. */
  pages: number;
  /** Times the alarm went into ALARM before the fault began: each one a page for nothing. */
  falseAlarms: number;
  /** First entry into ALARM at or after the fault, minus the fault's start; null if not (yet) detected. */
  detectMs: number | null;
  /** Still in ALARM when the fault began (a false alarm that happened to overlap it). */
  alarmAtFault: boolean;
}

/**
 * CloudWatch's "M out of N" evaluation, applied as each period ends: the alarm is in ALARM while at least M of the
 * last N datapoints breach, and OK otherwise. A datapoint with no data does not breach (treat missing as not
 * breaching). The alarm starts OK.
 */
export function evaluateAlarm(points: readonly Datapoint[], alarm: AlarmConfig, faultAtMs: number): AlarmResult {
  const breaching = points.map((d) => breachesAbove(valueOf(d, alarm.statistic), alarm.threshold));
  const evaluator = new MOfNAlarm(alarm.datapointsToAlarm, alarm.evaluationPeriods);
  const states: AlarmState[] = [];
  const transitions: AlarmTransition[] = [];
  breaching.forEach((b, i) => {
    const before = evaluator.state;
    const after = evaluator.push(b);
    if (after !== before) transitions.push({ atMs: (points[i] as Datapoint).endMs, to: after });
    states.push(after);
  });
  const falseAlarms = transitions.filter((t) => t.to === "ALARM" && t.atMs <= faultAtMs).length;
  const firstAfter = transitions.find((t) => t.to === "ALARM" && t.atMs > faultAtMs);
  const lastBefore = [...transitions].reverse().find((t) => t.atMs <= faultAtMs);
  const alarmAtFault = lastBefore?.to === "ALARM";
  return {
    breaching,
    states,
    transitions,
    pages: transitions.filter((t) => t.to === "ALARM").length,
    falseAlarms,
    detectMs: alarmAtFault ? null : firstAfter ? firstAfter.atMs - faultAtMs : null,
    alarmAtFault,
  };
}

/** The longest the alarm can take to notice a sustained fault that breaches every full period: M periods, plus up to
 * one period until the first full period begins. */
export function worstCaseDetectMs(alarm: AlarmConfig): number {
  return (Math.min(alarm.datapointsToAlarm, alarm.evaluationPeriods) + 1) * alarm.periodMs;
}

export function formatValue(v: number | null, s: Statistic): string {
  if (v === null) return "—";
  return s === "error-rate" ? `${v.toFixed(1)} %` : `${Math.round(v)} ms`;
}

/**
 * The aria-live summary: what the alarm did, in a sentence or two. Counts change when the learner changes the alarm.
 * Until the run ends it says nothing that depends on the fault time (no "before the fault", no detection time), so
 * the status cannot give away when, or whether yet, the fault began.
 */
export function statusMessage(alarm: AlarmConfig, v: LabView, r: AlarmResult, ended: boolean): string {
  const rule = `${STATISTICS[alarm.statistic].label} > ${formatValue(alarm.threshold, alarm.statistic)}, ${alarm.datapointsToAlarm} of ${alarm.evaluationPeriods} datapoints of ${alarm.periodMs / 1000} s`;
  if (v.nowMs === 0) return `Alarm: ${rule}. Press Play: a fault starts at an unknown moment between minute 12 and minute 20.`;
  if (!ended) {
    const paged = r.pages === 0 ? "It has not gone into ALARM yet" : `It has gone into ALARM ${r.pages === 1 ? "once" : `${r.pages} times`} so far`;
    return `Alarm: ${rule}. ${paged}. The fault's start, and which pages were false, are revealed at the end.`;
  }
  const fa = `${r.falseAlarms} false alarm${r.falseAlarms === 1 ? "" : "s"} before the fault`;
  const detected =
    r.detectMs !== null
      ? `It caught the fault ${formatDuration(r.detectMs)} after it began.`
      : r.alarmAtFault
        ? "It was already in ALARM (from a false alarm) when the fault began, so the page told you nothing new."
        : "It never caught the fault.";
  return `Alarm: ${rule}. ${fa}. ${detected} The fault was: ${FAULTS[v.fault].describe}, from ${formatDuration(v.faultAtMs)} into the run.`;
}
