/**
 * A compute service behind a load balancer: traffic sources send requests of several classes to an LB with a node
 * in each AZ; the LB picks a target (an instance with `workers` parallel workers, a FIFO queue and a speed factor)
 * by its algorithm, health checks and registration state; the service measures throughput, latency percentiles,
 * errors by cause, availability, utilisation and cost per time bucket.
 *
 * Hot path: requests live in typed-array pools (slot indices, no objects), events carry (slot, generation), and
 * nothing is logged per request unless `logRequests` is on. Two events per served request: its arrival (which
 * arms the source's timer with its next arrival) and its end.
 */
import { ArrivalProcess, type ArrivalSpec, type ArrivalState } from "./arrivals";
import { ServiceTimeSampler, type ServiceTimeSpec } from "./distributions";
import { INTER_AZ_RTT_MS, INTRA_AZ_RTT_MS, locate, wanRttMs, type GeoPoint } from "./geography";
import type { InfrastructureModel } from "./infrastructure";
import { LatencyHistogram } from "./latency-histogram";
import { ALB_DEREGISTRATION_DELAY_MS, ALB_HEALTH_CHECK, Router, type HealthCheckSpec, type LbAlgorithm } from "./load-balancer";
import { clonePlain } from "./plain-data";
import type { Rng } from "./random";
import type { SimContext, SimModel } from "./simulation";

export type FailureCause =
  /** Waiting plus service took longer than the class's timeout (the client gave up; the server stops too). */
  | "timeout"
  /** Queued or in service on an instance when it died. */
  | "instance-failed"
  /** The instance's queue was full. */
  | "queue-full"
  /** Routed to a target that is down but not yet marked unhealthy (the LB answers 502). */
  | "target-unreachable"
  /** The LB had no registered target to send to (503). */
  | "no-targets"
  /** Still in flight when the target's deregistration delay ran out. */
  | "deregistered";

export const FAILURE_CAUSES: readonly FailureCause[] = [
  "timeout",
  "instance-failed",
  "queue-full",
  "target-unreachable",
  "no-targets",
  "deregistered",
];
const TIMEOUT = 0;
const INSTANCE_FAILED = 1;
const QUEUE_FULL = 2;
const UNREACHABLE = 3;
const NO_TARGETS = 4;
const DEREGISTERED = 5;

export type TargetHealth = "initial" | "healthy" | "unhealthy" | "draining" | "unused";
const TARGET_HEALTH: readonly TargetHealth[] = ["unused", "initial", "healthy", "unhealthy", "draining"];
const UNUSED = 0;
const INITIAL = 1;
const HEALTHY = 2;
const UNHEALTHY = 3;
const DRAINING = 4;

export interface RequestClassSpec {
  id: string;
  /** Share of arrivals, relative to the other classes. Default 1. */
  weight?: number;
  serviceTime: ServiceTimeSpec;
  /** Queued + service time beyond this fails the request with "timeout". Default: no timeout. */
  timeoutMs?: number | null;
}

export interface TrafficSourceSpec {
  id: string;
  arrivals: ArrivalSpec;
  /** Where the users are: a place or Region id (see geography.ts) or coordinates. Default: inside the Region. */
  location?: string | GeoPoint;
  /** Arrivals happen in [startMs, stopMs). Defaults: 0 and never. */
  startMs?: number;
  stopMs?: number;
}

export interface TargetSpec {
  id: string;
  /** The AZ of a target not bound to a VM. */
  azId?: string;
  /** Binds the target to an InfrastructureModel VM: up while that VM runs, in the AZ of its host. */
  vmId?: string;
  /** Requests served in parallel. Default 1. */
  workers?: number;
  /** Longest queue; arrivals beyond it fail with "queue-full". Default: unbounded. */
  maxQueue?: number | null;
  /** Relative speed: service time = drawn time / speed. Default 1. */
  speed?: number;
  /** For the weighted algorithms. Default 1. */
  weight?: number;
  /** Billed per hour while up. Default 0. */
  costPerHour?: number;
  /** Registered with the LB at the start. Default true. */
  registered?: boolean;
}

export interface LoadBalancerSpec {
  algorithm: LbAlgorithm;
  /** On: every LB node spreads over all targets. Off: each node only over its own AZ's targets. Default true. */
  crossZone?: boolean;
  /** Overrides of the ALB defaults; null turns checks off (every registered target then counts as healthy). */
  healthCheck?: Partial<HealthCheckSpec> | null;
  /** Default 300 000 (ALB). */
  deregistrationDelayMs?: number;
}

export interface ServiceConfig {
  /** The Region of the LB and its targets (for users' latency; a key of REGION_LOCATIONS when users have places). */
  regionId: string;
  /** AZs with an LB node. Default: the targets' AZs (or, with VM-bound targets, the Region's AZs). */
  azIds?: string[];
  sources: TrafficSourceSpec[];
  classes: RequestClassSpec[];
  targets: TargetSpec[];
  loadBalancer: LoadBalancerSpec;
  /** Time-series bucket width. Default 1000. */
  bucketMs?: number;
  /** Log every request's outcome (default false: long runs keep only counters and series). */
  logRequests?: boolean;
  /** LB charge per million requests. Default 0. */
  costPerMillionRequests?: number;
}

export type ServiceLogEntry =
  | {
      type: "request-completed";
      atMs: number;
      requestId: number;
      sourceId: string;
      classId: string;
      targetId: string;
      serviceStartMs: number;
      latencyMs: number;
    }
  | {
      type: "request-failed";
      atMs: number;
      requestId: number;
      sourceId: string;
      classId: string;
      targetId: string | null;
      cause: FailureCause;
    }
  | { type: "target-health"; atMs: number; targetId: string; from: TargetHealth; to: TargetHealth }
  | { type: "instance-down"; atMs: number; targetId: string; lostRequests: number }
  | { type: "instance-up"; atMs: number; targetId: string; azId: string }
  | { type: "lb-fail-open"; atMs: number; failOpen: boolean };

export type FailureCounts = Record<FailureCause, number>;

export interface LatencySummary {
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ServiceTotals {
  arrived: number;
  completed: number;
  failed: number;
  /** Queued or in service now: always arrived − completed − failed. */
  inFlight: number;
  failedByCause: FailureCounts;
  /** Completed requests per second of elapsed time. */
  throughputPerSec: number;
  /** Of completed requests (network + queue + service); null before the first. */
  latency: LatencySummary | null;
  /** Requests that started service, the fraction of them that queued first, and their mean wait in the queue. */
  queueing: { started: number; waitedFraction: number | null; meanWaitMs: number | null };
  /** completed / (completed + failed); null before any request has finished. */
  availabilityByRequests: number | null;
  /** Fraction of elapsed time with at least one registered, non-draining target up. */
  availabilityByTime: number | null;
  costUsd: number;
}

export interface TargetView {
  id: string;
  azId: string | null;
  up: boolean;
  health: TargetHealth;
  workers: number;
  speed: number;
  busy: number;
  queued: number;
  completed: number;
  failed: number;
  /** Busy worker-time ÷ (workers × up time) over the run; null before it has been up. */
  utilisation: number | null;
}

export interface ServiceSeries {
  bucketMs: number;
  /** Per completed bucket k, covering [k·bucketMs, (k+1)·bucketMs). */
  arrived: number[];
  completed: number[];
  failed: Record<FailureCause, number[]>;
  /** Of the requests completed in the bucket; null when none did. */
  latencyMeanMs: (number | null)[];
  latencyP50Ms: (number | null)[];
  latencyP95Ms: (number | null)[];
  latencyP99Ms: (number | null)[];
  /** Busy worker-time ÷ (workers × up time); null for a bucket with no up time. */
  utilisationByTarget: Record<string, (number | null)[]>;
  utilisationByAz: Record<string, (number | null)[]>;
  /** Targets the LB counts healthy at the end of the bucket. */
  healthyTargets: number[];
  /** Fraction of the bucket with at least one registered, non-draining target up. */
  availability: number[];
  costUsd: number[];
}

export interface ServiceView {
  nowMs: number;
  algorithm: LbAlgorithm;
  crossZone: boolean;
  /** Every target unhealthy: the LB routes to all of them (fail open). */
  failOpen: boolean;
  totals: ServiceTotals;
  targets: TargetView[];
  series: ServiceSeries;
}

/** Plain-data state for snapshots. Typed arrays are stored as number arrays. */
export interface ServiceState {
  pool: {
    size: number;
    freeHead: number;
    arrivalMs: number[];
    netMs: number[];
    work: number[];
    id: number[];
    cls: number[];
    source: number[];
    target: number[];
    next: number[];
    gen: number[];
    state: number[];
    startMs: number[];
  };
  targets: {
    az: number[];
    up: number[];
    slowdown: number[];
    busy: number[];
    qHead: number[];
    qTail: number[];
    qLen: number[];
    out: number[];
    upLastMs: number[];
    busyAcc: number[];
    upAcc: number[];
    busyTotal: number[];
    upTotal: number[];
    health: number[];
    passes: number[];
    fails: number[];
    epoch: number[];
    completed: number[];
    failed: number[];
  };
  sources: ArrivalState[];
  rr: number[];
  wrr: number[];
  arrived: number;
  completed: number;
  started: number;
  waited: number;
  waitSumMs: number;
  failedByCause: number[];
  bucket: { arrived: number; completed: number; failed: number[]; availAcc: number; requests: number };
  availMs: number;
  availLastMs: number;
  serving: number;
  failOpen: boolean;
  requestsTotal: number;
  costUsd: number;
  latency: ReturnType<LatencyHistogram["state"]>;
  bucketLatency: ReturnType<LatencyHistogram["state"]>;
  series: Omit<ServiceSeries, "utilisationByTarget" | "utilisationByAz" | "failed"> & {
    failed: number[][];
    utilisationByTarget: (number | null)[][];
    utilisationByAz: (number | null)[][];
  };
}

const INITIAL_POOL = 256;
const FREE = 0;
const QUEUED = 1;
const IN_SERVICE = 2;
const GEN_MASK = 0x3fffffff;

export class ServiceModel implements SimModel<ServiceState> {
  readonly name = "service";
  private readonly sim: SimContext<ServiceLogEntry>;
  private readonly config: ServiceConfig;
  private readonly infra: InfrastructureModel | null;
  private readonly router: Router;
  private readonly check: HealthCheckSpec | null;
  private readonly drainDelayMs: number;
  private readonly crossZone: boolean;
  private readonly bucketMs: number;
  private readonly logRequests: boolean;
  private readonly kinds: { arrival: number; end: number; bucket: number; check: number; checkFail: number; drain: number; fault: number; register: number };
  /** The two per-request kinds as plain fields: read on every request. */
  private readonly kindArrival: number;
  private readonly kindEnd: number;

  // Configuration, by index.
  private readonly azIds: string[];
  private readonly nodeAz: Int32Array;
  private readonly targetIds: string[];
  private readonly workers: Int32Array;
  private readonly speed: Float64Array;
  /**
   * Per target: how much slower its VM runs because busy neighbours share its host's cores (noisy neighbours,
   * from the infrastructure model; 1 without one). Service starts multiply by it.
   */
  private readonly slowdown: Float64Array;
  /** 1 / speed: a multiplication per request instead of a division. */
  private readonly invSpeed: Float64Array;
  private readonly maxQueue: Int32Array;
  private readonly costPerHour: Float64Array;
  private readonly classIds: string[];
  private readonly classCumWeight: Float64Array;
  private readonly classTimeout: Float64Array;
  private readonly samplers: ServiceTimeSampler[];
  /** Per class: the mean of an exponential service time (drawn inline on the hot path), else 0. */
  private readonly classExpMeanMs: Float64Array;
  private readonly sourceRttMs: Float64Array;
  private readonly arrivals: ArrivalProcess[];
  private readonly sourceStop: Float64Array;
  private readonly arrivalTimers: Int32Array;
  // Copied from geography.ts: module bindings can compile to getters, and these are read on every request.
  private readonly intraAzRttMs = INTRA_AZ_RTT_MS;
  private readonly interAzRttMs = INTER_AZ_RTT_MS;
  private readonly streamNames: { arrivals: string[]; requests: string[]; lb: string };
  private arrivalRngs: Rng[] = [];
  private requestRngs: Rng[] = [];
  private lbRng!: Rng;

  // Request pool.
  private poolSize = 0;
  private freeHead = -1;
  private rArrivalMs = new Float64Array(INITIAL_POOL);
  private rNetMs = new Float64Array(INITIAL_POOL);
  private rWork = new Float64Array(INITIAL_POOL);
  private rId = new Float64Array(INITIAL_POOL);
  private rClass = new Int32Array(INITIAL_POOL);
  private rSource = new Int32Array(INITIAL_POOL);
  private rTarget = new Int32Array(INITIAL_POOL);
  private rNext = new Int32Array(INITIAL_POOL);
  private rGen = new Int32Array(INITIAL_POOL);
  private rState = new Int8Array(INITIAL_POOL);
  private rStartMs = new Float64Array(INITIAL_POOL);

  // Targets.
  private readonly tAz: Int32Array;
  private readonly tUp: Uint8Array;
  private readonly tBusy: Int32Array;
  private readonly tQHead: Int32Array;
  private readonly tQTail: Int32Array;
  private readonly tQLen: Int32Array;
  /** Queued + in service: what least-outstanding and power-of-two compare. */
  private readonly tOut: Int32Array;
  private readonly tUpLastMs: Float64Array;
  /**
   * This bucket's busy worker-ms so far is tBusyAcc + tBusy · now: a start subtracts its time and an end adds its
   * time, so the request path updates one number per change instead of integrating busy · (now − last).
   */
  private readonly tBusyAcc: Float64Array;
  private readonly tUpAcc: Float64Array;
  private readonly tBusyTotal: Float64Array;
  private readonly tUpTotal: Float64Array;
  private readonly tHealth: Int8Array;
  private readonly tPasses: Int32Array;
  private readonly tFails: Int32Array;
  /** Bumped on every registration change, so stale health checks and drain timers are ignored. */
  private readonly tEpoch: Int32Array;
  private readonly tCompleted: Float64Array;
  private readonly tFailed: Float64Array;

  private arrived = 0;
  private completed = 0;
  private started = 0;
  private waited = 0;
  private waitSumMs = 0;
  private readonly failedByCause = new Float64Array(FAILURE_CAUSES.length);
  private bucketArrived = 0;
  private bucketCompleted = 0;
  private readonly bucketFailed = new Float64Array(FAILURE_CAUSES.length);
  private bucketAvailAcc = 0;
  private bucketRequests = 0;
  private availMs = 0;
  private availLastMs = 0;
  /** Registered, non-draining targets that are up. */
  private serving = 0;
  private failOpen = false;
  private requestsTotal = 0;
  private costUsd = 0;
  private readonly latency = new LatencyHistogram();
  private readonly bucketLatency = new LatencyHistogram();
  private series: ServiceState["series"];

  constructor(sim: SimContext<ServiceLogEntry>, config: ServiceConfig, infrastructure: InfrastructureModel | null = null) {
    this.sim = sim;
    this.config = config;
    this.infra = infrastructure;
    this.crossZone = config.loadBalancer.crossZone ?? true;
    this.check = config.loadBalancer.healthCheck === null ? null : { ...ALB_HEALTH_CHECK, ...config.loadBalancer.healthCheck };
    this.drainDelayMs = config.loadBalancer.deregistrationDelayMs ?? ALB_DEREGISTRATION_DELAY_MS;
    this.bucketMs = config.bucketMs ?? 1000;
    this.logRequests = config.logRequests ?? false;
    if (!(this.bucketMs > 0)) throw new Error("bucketMs must be positive.");
    if (this.check && !(this.check.intervalMs > 0 && this.check.timeoutMs >= 0)) throw new Error("Bad health-check timing.");
    if (config.classes.length === 0) throw new Error("A service needs at least one request class.");

    // Targets and AZs.
    const T = config.targets.length;
    this.targetIds = config.targets.map((t) => t.id);
    uniqueIds(this.targetIds, "target");
    const azIds: string[] = [];
    const addAz = (id: string) => {
      if (!azIds.includes(id)) azIds.push(id);
    };
    for (const id of config.azIds ?? []) addAz(id);
    for (const t of config.targets) {
      if (t.vmId !== undefined && !infrastructure) throw new Error(`Target "${t.id}" names a VM but there is no infrastructure.`);
      if (t.vmId === undefined && t.azId === undefined) throw new Error(`Target "${t.id}" needs an azId or a vmId.`);
      if (t.azId !== undefined) addAz(t.azId);
    }
    if (infrastructure && config.targets.some((t) => t.vmId !== undefined)) {
      for (const id of infrastructure.azIdsOf(config.regionId)) if (config.azIds === undefined) addAz(id);
    }
    this.azIds = azIds;
    const nodeAzIds = config.azIds ?? azIds;
    this.nodeAz = Int32Array.from(nodeAzIds.map((id) => azIds.indexOf(id)));
    this.workers = Int32Array.from(config.targets.map((t) => positiveInt(t.workers ?? 1, `${t.id} workers`)));
    this.speed = Float64Array.from(config.targets.map((t) => positive(t.speed ?? 1, `${t.id} speed`)));
    this.invSpeed = this.speed.map((x) => 1 / x);
    this.slowdown = new Float64Array(config.targets.length).fill(1);
    this.maxQueue = Int32Array.from(config.targets.map((t) => (t.maxQueue == null ? -1 : Math.max(0, Math.floor(t.maxQueue)))));
    this.costPerHour = Float64Array.from(config.targets.map((t) => t.costPerHour ?? 0));
    this.router = new Router(config.loadBalancer.algorithm, nodeAzIds.length, config.targets.map((t) => t.weight ?? 1));

    // Classes.
    uniqueIds(config.classes.map((c) => c.id), "class");
    this.classIds = config.classes.map((c) => c.id);
    let cum = 0;
    this.classCumWeight = Float64Array.from(config.classes.map((c) => (cum += positive(c.weight ?? 1, `${c.id} weight`))));
    this.classTimeout = Float64Array.from(config.classes.map((c) => c.timeoutMs ?? 0));
    this.samplers = config.classes.map((c) => new ServiceTimeSampler(c.serviceTime));
    this.classExpMeanMs = Float64Array.from(config.classes, (c) => (c.serviceTime.kind === "exponential" ? c.serviceTime.meanMs : 0));

    // Sources.
    uniqueIds(config.sources.map((s) => s.id), "source");
    this.sourceRttMs = Float64Array.from(
      config.sources.map((s) => (s.location === undefined ? 0 : wanRttMs(locate(s.location), locate(config.regionId)))),
    );
    this.arrivals = config.sources.map((s) => new ArrivalProcess(s.arrivals, s.startMs ?? 0));
    // A source always has exactly one next arrival: a timer each, outside the main event list.
    this.arrivalTimers = Int32Array.from(config.sources, () => sim.createTimer());
    this.sourceStop = Float64Array.from(config.sources.map((s) => s.stopMs ?? Infinity));
    this.streamNames = {
      arrivals: config.sources.map((s) => `service/${s.id}/arrivals`),
      requests: config.sources.map((s) => `service/${s.id}/requests`),
      lb: "service/lb",
    };
    this.fetchStreams();

    this.tAz = Int32Array.from(config.targets.map((t) => (t.azId === undefined ? -1 : azIds.indexOf(t.azId))));
    this.tUp = new Uint8Array(T);
    this.tBusy = new Int32Array(T);
    this.tQHead = new Int32Array(T).fill(-1);
    this.tQTail = new Int32Array(T).fill(-1);
    this.tQLen = new Int32Array(T);
    this.tOut = new Int32Array(T);
    this.tUpLastMs = new Float64Array(T);
    this.tBusyAcc = new Float64Array(T);
    this.tUpAcc = new Float64Array(T);
    this.tBusyTotal = new Float64Array(T);
    this.tUpTotal = new Float64Array(T);
    this.tHealth = new Int8Array(T);
    this.tPasses = new Int32Array(T);
    this.tFails = new Int32Array(T);
    this.tEpoch = new Int32Array(T);
    this.tCompleted = new Float64Array(T);
    this.tFailed = new Float64Array(T);
    this.series = {
      bucketMs: this.bucketMs,
      arrived: [],
      completed: [],
      failed: FAILURE_CAUSES.map(() => []),
      latencyMeanMs: [],
      latencyP50Ms: [],
      latencyP95Ms: [],
      latencyP99Ms: [],
      utilisationByTarget: config.targets.map(() => []),
      utilisationByAz: azIds.map(() => []),
      healthyTargets: [],
      availability: [],
      costUsd: [],
    };

    this.kinds = {
      arrival: sim.defineEvent("service/arrival", (a, _b, atMs) => this.onArrival(a, atMs)),
      end: sim.defineEvent("service/end", (a, b, atMs) => this.onEnd(a, b, atMs)),
      // Before requests at the same instant, so bucket k holds exactly what happened in [k·B, (k+1)·B).
      bucket: sim.defineEvent("service/bucket", () => this.onBucket()),
      check: sim.defineEvent("service/health-check", (a, b) => this.onCheck(a, b)),
      checkFail: sim.defineEvent("service/health-check-failed", (a, b) => this.onCheckResult(a, b, false)),
      drain: sim.defineEvent("service/drain-complete", (a, b) => this.onDrainComplete(a, b)),
      fault: sim.defineEvent("service/instance", (a, b) => this.setInstanceUp(a, b === 1)),
      register: sim.defineEvent("service/register", (a, b) => (b === 1 ? this.register(a) : this.deregister(a))),
    };
    this.kindArrival = this.kinds.arrival;
    this.kindEnd = this.kinds.end;
    sim.addModel(this);

    const now = sim.nowMs;
    this.availLastMs = now;
    for (let t = 0; t < T; t++) {
      const spec = config.targets[t] as TargetSpec;
      this.tUpLastMs[t] = now;
      if (spec.vmId === undefined) this.tUp[t] = 1;
      else {
        const where = (infrastructure as InfrastructureModel).vmLocation(spec.vmId);
        this.slowdown[t] = (infrastructure as InfrastructureModel).vmSlowdown(spec.vmId);
        this.tUp[t] = where.running ? 1 : 0;
        this.tAz[t] = where.azId === null ? -1 : azIds.indexOf(where.azId);
      }
      if (spec.registered ?? true) {
        // A service that exists at the start is warmed up: its live targets begin healthy.
        this.tHealth[t] = this.check === null || this.tUp[t] === 1 ? HEALTHY : INITIAL;
        this.startChecks(t);
      }
    }
    this.serving = this.countServing();
    this.rebuildRouting();
    infrastructure?.onChange(() => this.syncInfrastructure());
    config.sources.forEach((_, s) => this.scheduleArrival(s, now));
    sim.schedule(now + this.bucketMs - (now % this.bucketMs), this.kinds.bucket, 0, 0, -1);
  }

  // ── Public control ────────────────────────────────────────────────────────────────────────────────────────────

  /** Kills a target's instance now: its queued and in-service requests fail with "instance-failed". */
  failInstance(targetId: string): boolean {
    return this.setInstanceUp(this.target(targetId), false);
  }

  /** Brings a target's instance back, empty. The LB notices through health checks. */
  recoverInstance(targetId: string): boolean {
    return this.setInstanceUp(this.target(targetId), true);
  }

  scheduleInstance(atMs: number, targetId: string, action: "fail" | "recover"): void {
    this.sim.schedule(atMs, this.kinds.fault, this.target(targetId), action === "fail" ? 0 : 1);
  }

  /** Registers a target with the LB; it takes traffic once it passes one health check. */
  registerTarget(targetId: string): boolean {
    return this.register(this.target(targetId));
  }

  /** Starts draining: no new requests; in-flight ones may finish within the deregistration delay. */
  deregisterTarget(targetId: string): boolean {
    return this.deregister(this.target(targetId));
  }

  scheduleRegistration(atMs: number, targetId: string, action: "register" | "deregister"): void {
    this.sim.schedule(atMs, this.kinds.register, this.target(targetId), action === "register" ? 1 : 0);
  }

  view(): ServiceView {
    const now = this.sim.nowMs;
    const T = this.targetIds.length;
    const elapsedMs = now;
    let inFlight = 0;
    for (let t = 0; t < T; t++) inFlight += this.tOut[t] as number;
    const failedByCause = this.failureCounts(this.failedByCause);
    const failed = FAILURE_CAUSES.reduce((sum, c) => sum + failedByCause[c], 0);
    const finished = this.completed + failed;
    const availMs = this.availMs + (this.serving > 0 ? now - this.availLastMs : 0);
    const lat = this.latency.copy();
    lat.add(this.bucketLatency);
    let costUsd = this.costUsd + (this.bucketRequests * (this.config.costPerMillionRequests ?? 0)) / 1e6;
    const targets: TargetView[] = this.targetIds.map((id, t) => {
      const up = this.tUp[t] === 1;
      const upSinceMs = up ? now - (this.tUpLastMs[t] as number) : 0;
      const upMs = (this.tUpTotal[t] as number) + (this.tUpAcc[t] as number) + upSinceMs;
      const busyMs = (this.tBusyTotal[t] as number) + (this.tBusyAcc[t] as number) + (this.tBusy[t] as number) * now;
      costUsd += ((this.tUpAcc[t] as number) + upSinceMs) * ((this.costPerHour[t] as number) / 3_600_000);
      const az = this.tAz[t] as number;
      return {
        id,
        azId: az >= 0 ? (this.azIds[az] as string) : null,
        up,
        health: TARGET_HEALTH[this.tHealth[t] as number] as TargetHealth,
        workers: this.workers[t] as number,
        speed: this.speed[t] as number,
        busy: this.tBusy[t] as number,
        queued: this.tQLen[t] as number,
        completed: this.tCompleted[t] as number,
        failed: this.tFailed[t] as number,
        utilisation: upMs > 0 ? busyMs / ((this.workers[t] as number) * upMs) : null,
      };
    });
    const s = this.series;
    return {
      nowMs: now,
      algorithm: this.router.algorithm,
      crossZone: this.crossZone,
      failOpen: this.failOpen,
      totals: {
        arrived: this.arrived,
        completed: this.completed,
        failed,
        inFlight,
        failedByCause,
        throughputPerSec: elapsedMs > 0 ? this.completed / (elapsedMs / 1000) : 0,
        latency:
          lat.total === 0
            ? null
            : {
                meanMs: lat.meanMs() as number,
                p50Ms: lat.quantileMs(0.5) as number,
                p95Ms: lat.quantileMs(0.95) as number,
                p99Ms: lat.quantileMs(0.99) as number,
                maxMs: lat.maxMs,
              },
        queueing: {
          started: this.started,
          waitedFraction: this.started > 0 ? this.waited / this.started : null,
          meanWaitMs: this.started > 0 ? this.waitSumMs / this.started : null,
        },
        availabilityByRequests: finished > 0 ? this.completed / finished : null,
        availabilityByTime: elapsedMs > 0 ? availMs / elapsedMs : null,
        costUsd,
      },
      targets,
      series: {
        bucketMs: s.bucketMs,
        arrived: s.arrived.slice(),
        completed: s.completed.slice(),
        failed: Object.fromEntries(FAILURE_CAUSES.map((c, i) => [c, (s.failed[i] as number[]).slice()])) as ServiceSeries["failed"],
        latencyMeanMs: s.latencyMeanMs.slice(),
        latencyP50Ms: s.latencyP50Ms.slice(),
        latencyP95Ms: s.latencyP95Ms.slice(),
        latencyP99Ms: s.latencyP99Ms.slice(),
        utilisationByTarget: Object.fromEntries(this.targetIds.map((id, t) => [id, (s.utilisationByTarget[t] as (number | null)[]).slice()])),
        utilisationByAz: Object.fromEntries(this.azIds.map((id, z) => [id, (s.utilisationByAz[z] as (number | null)[]).slice()])),
        healthyTargets: s.healthyTargets.slice(),
        availability: s.availability.slice(),
        costUsd: s.costUsd.slice(),
      },
    };
  }

  /** The targets LB node `azId` may send to now (for views and tests). */
  routableTargets(azId: string): string[] {
    const node = (this.config.azIds ?? this.azIds).indexOf(azId);
    if (node < 0) throw new Error(`No LB node in "${azId}".`);
    return this.router.candidates(node).map((t) => this.targetIds[t] as string);
  }

  snapshot(): ServiceState {
    const n = this.poolSize;
    const arr = (a: ArrayLike<number>, len = a.length) => Array.from({ length: len }, (_, i) => a[i] as number);
    return clonePlain({
      pool: {
        size: n,
        freeHead: this.freeHead,
        arrivalMs: arr(this.rArrivalMs, n),
        netMs: arr(this.rNetMs, n),
        work: arr(this.rWork, n),
        id: arr(this.rId, n),
        cls: arr(this.rClass, n),
        source: arr(this.rSource, n),
        target: arr(this.rTarget, n),
        next: arr(this.rNext, n),
        gen: arr(this.rGen, n),
        state: arr(this.rState, n),
        startMs: arr(this.rStartMs, n),
      },
      targets: {
        az: arr(this.tAz),
        up: arr(this.tUp),
        slowdown: arr(this.slowdown),
        busy: arr(this.tBusy),
        qHead: arr(this.tQHead),
        qTail: arr(this.tQTail),
        qLen: arr(this.tQLen),
        out: arr(this.tOut),
        upLastMs: arr(this.tUpLastMs),
        busyAcc: arr(this.tBusyAcc),
        upAcc: arr(this.tUpAcc),
        busyTotal: arr(this.tBusyTotal),
        upTotal: arr(this.tUpTotal),
        health: arr(this.tHealth),
        passes: arr(this.tPasses),
        fails: arr(this.tFails),
        epoch: arr(this.tEpoch),
        completed: arr(this.tCompleted),
        failed: arr(this.tFailed),
      },
      sources: this.arrivals.map((a) => a.state),
      rr: arr(this.router.rr),
      wrr: arr(this.router.wrr),
      arrived: this.arrived,
      completed: this.completed,
      started: this.started,
      waited: this.waited,
      waitSumMs: this.waitSumMs,
      failedByCause: arr(this.failedByCause),
      bucket: {
        arrived: this.bucketArrived,
        completed: this.bucketCompleted,
        failed: arr(this.bucketFailed),
        availAcc: this.bucketAvailAcc,
        requests: this.bucketRequests,
      },
      availMs: this.availMs,
      availLastMs: this.availLastMs,
      serving: this.serving,
      failOpen: this.failOpen,
      requestsTotal: this.requestsTotal,
      costUsd: this.costUsd,
      latency: this.latency.state(),
      bucketLatency: this.bucketLatency.state(),
      series: this.series,
    });
  }

  restore(state: ServiceState): void {
    const s = clonePlain(state);
    const p = s.pool;
    this.poolSize = p.size;
    this.freeHead = p.freeHead;
    // Same capacity rule as growth, so a restored run grows (and snapshots) exactly like the original.
    let cap = INITIAL_POOL;
    while (cap < p.size) cap *= 2;
    this.rArrivalMs = fill(new Float64Array(cap), p.arrivalMs);
    this.rNetMs = fill(new Float64Array(cap), p.netMs);
    this.rWork = fill(new Float64Array(cap), p.work);
    this.rId = fill(new Float64Array(cap), p.id);
    this.rClass = fill(new Int32Array(cap), p.cls);
    this.rSource = fill(new Int32Array(cap), p.source);
    this.rTarget = fill(new Int32Array(cap), p.target);
    this.rNext = fill(new Int32Array(cap), p.next);
    this.rGen = fill(new Int32Array(cap), p.gen);
    this.rState = fill(new Int8Array(cap), p.state);
    this.rStartMs = fill(new Float64Array(cap), p.startMs);
    const t = s.targets;
    fill(this.tAz, t.az);
    fill(this.tUp, t.up);
    fill(this.slowdown, t.slowdown);
    fill(this.tBusy, t.busy);
    fill(this.tQHead, t.qHead);
    fill(this.tQTail, t.qTail);
    fill(this.tQLen, t.qLen);
    fill(this.tOut, t.out);
    fill(this.tUpLastMs, t.upLastMs);
    fill(this.tBusyAcc, t.busyAcc);
    fill(this.tUpAcc, t.upAcc);
    fill(this.tBusyTotal, t.busyTotal);
    fill(this.tUpTotal, t.upTotal);
    fill(this.tHealth, t.health);
    fill(this.tPasses, t.passes);
    fill(this.tFails, t.fails);
    fill(this.tEpoch, t.epoch);
    fill(this.tCompleted, t.completed);
    fill(this.tFailed, t.failed);
    this.arrivals.forEach((a, i) => (a.state = s.sources[i] as ArrivalState));
    fill(this.router.rr, s.rr);
    fill(this.router.wrr, s.wrr);
    this.arrived = s.arrived;
    this.completed = s.completed;
    this.started = s.started;
    this.waited = s.waited;
    this.waitSumMs = s.waitSumMs;
    fill(this.failedByCause, s.failedByCause);
    this.bucketArrived = s.bucket.arrived;
    this.bucketCompleted = s.bucket.completed;
    fill(this.bucketFailed, s.bucket.failed);
    this.bucketAvailAcc = s.bucket.availAcc;
    this.bucketRequests = s.bucket.requests;
    this.availMs = s.availMs;
    this.availLastMs = s.availLastMs;
    this.serving = s.serving;
    this.requestsTotal = s.requestsTotal;
    this.costUsd = s.costUsd;
    this.latency.restore(s.latency);
    this.bucketLatency.restore(s.bucketLatency);
    this.series = s.series;
    this.fetchStreams();
    // Routing tables are derived from the restored health; with failOpen restored first, rebuilding logs nothing.
    this.failOpen = s.failOpen;
    this.rebuildRouting();
  }

  // ── Hot path ─────────────────────────────────────────────────────────────────────────────────────────────────

  private onArrival(s: number, now: number): void {
    // First, so the event queue can reuse this event's slot for the next arrival.
    this.scheduleArrival(s, now);
    const id = this.arrived++;
    this.bucketArrived++;
    this.bucketRequests++;
    const rng = this.requestRngs[s] as Rng;
    const cum = this.classCumWeight;
    const classCount = cum.length;
    let cls = 0;
    if (classCount > 1) {
      const x = rng.next() * (cum[classCount - 1] as number);
      while ((cum[cls] as number) <= x) cls++;
    }
    const expMeanMs = this.classExpMeanMs[cls] as number;
    const work = expMeanMs > 0 ? rng.exponential(expMeanMs) : (this.samplers[cls] as ServiceTimeSampler).sample(rng);
    const router = this.router;
    const nodes = router.enabledNodes;
    if (nodes === 0) return this.failNew(NO_TARGETS, id, s, cls, -1);
    const node = router.enabledNode(nodes === 1 ? 0 : rng.int(nodes));
    const t = router.pick(node, this.tOut, this.lbRng);
    if (t < 0) return this.failNew(NO_TARGETS, id, s, cls, -1);
    if (this.tUp[t] === 0) return this.failNew(UNREACHABLE, id, s, cls, t);
    const idle = (this.tBusy[t] as number) < (this.workers[t] as number);
    if (!idle) {
      const maxQ = this.maxQueue[t] as number;
      if (maxQ >= 0 && (this.tQLen[t] as number) >= maxQ) return this.failNew(QUEUE_FULL, id, s, cls, t);
    }
    const slot = this.alloc();
    this.rArrivalMs[slot] = now;
    this.rNetMs[slot] = (this.sourceRttMs[s] as number) + (this.tAz[t] === this.nodeAz[node] ? this.intraAzRttMs : this.interAzRttMs);
    this.rWork[slot] = work;
    this.rClass[slot] = cls;
    if (this.logRequests) {
      // Only log entries name the request and its source.
      this.rId[slot] = id;
      this.rSource[slot] = s;
    }
    this.rTarget[slot] = t;
    this.tOut[t] = (this.tOut[t] as number) + 1;
    if (idle) {
      if (!this.start(slot, t, now)) this.failTimedOutInQueue(slot, t);
    } else {
      this.enqueue(slot, t);
    }
  }

  private enqueue(slot: number, t: number): void {
    this.rState[slot] = QUEUED;
    this.rNext[slot] = -1;
    const tail = this.tQTail[t] as number;
    if (tail < 0) this.tQHead[t] = slot;
    else this.rNext[tail] = slot;
    this.tQTail[t] = slot;
    this.tQLen[t] = (this.tQLen[t] as number) + 1;
  }

  /** Starts serving `slot` on target t; false when its deadline has already passed (nothing started). */
  private start(slot: number, t: number, now: number): boolean {
    const arrivalMs = this.rArrivalMs[slot] as number;
    let endMs = now + (this.rWork[slot] as number) * (this.invSpeed[t] as number) * (this.slowdown[t] as number);
    let flag = 0;
    const timeout = this.classTimeout[this.rClass[slot] as number] as number;
    if (timeout > 0) {
      const deadline = arrivalMs + timeout;
      if (endMs > deadline) {
        if (now >= deadline) return false;
        endMs = deadline;
        flag = 1;
      }
    }
    this.tBusyAcc[t] = (this.tBusyAcc[t] as number) - now;
    this.tBusy[t] = (this.tBusy[t] as number) + 1;
    const waitMs = now - arrivalMs;
    this.started++;
    if (waitMs > 0) {
      this.waited++;
      this.waitSumMs += waitMs;
    }
    this.rState[slot] = IN_SERVICE;
    this.rStartMs[slot] = now;
    this.sim.schedule(endMs, this.kindEnd, slot, (this.rGen[slot] as number) * 2 + flag);
    return true;
  }

  private onEnd(slot: number, b: number, now: number): void {
    if (this.rGen[slot] !== b >> 1 || this.rState[slot] !== IN_SERVICE) return; // the instance died meanwhile
    const t = this.rTarget[slot] as number;
    this.tBusyAcc[t] = (this.tBusyAcc[t] as number) + now;
    this.tBusy[t] = (this.tBusy[t] as number) - 1;
    this.tOut[t] = (this.tOut[t] as number) - 1;
    if ((b & 1) === 1) {
      this.failSlot(TIMEOUT, slot, t);
    } else {
      const latencyMs = now - (this.rArrivalMs[slot] as number) + (this.rNetMs[slot] as number);
      this.completed++;
      this.bucketCompleted++;
      this.tCompleted[t] = (this.tCompleted[t] as number) + 1;
      // Into this bucket's histogram only; it is merged into the run's histogram when the bucket closes.
      this.bucketLatency.record(latencyMs);
      if (this.logRequests) this.logCompletion(slot, t, now, latencyMs);
    }
    this.release(slot);
    if ((this.tQLen[t] as number) > 0) this.drain(t, now);
    else if (this.tHealth[t] === DRAINING && this.tOut[t] === 0) this.finishDeregistration(t);
  }

  private logCompletion(slot: number, t: number, now: number, latencyMs: number): void {
    this.sim.emit({
      type: "request-completed",
      atMs: now,
      requestId: this.rId[slot] as number,
      sourceId: (this.config.sources[this.rSource[slot] as number] as TrafficSourceSpec).id,
      classId: this.classIds[this.rClass[slot] as number] as string,
      targetId: this.targetIds[t] as string,
      serviceStartMs: this.rStartMs[slot] as number,
      latencyMs,
    });
  }

  /** Starts queued requests on target t while it has free workers. */
  private drain(t: number, now: number): void {
    while ((this.tQLen[t] as number) > 0 && (this.tBusy[t] as number) < (this.workers[t] as number)) {
      const next = this.tQHead[t] as number;
      this.tQHead[t] = this.rNext[next] as number;
      this.tQLen[t] = (this.tQLen[t] as number) - 1;
      if (this.tQLen[t] === 0) this.tQTail[t] = -1;
      if (!this.start(next, t, now)) this.failTimedOutInQueue(next, t);
    }
    if (this.tHealth[t] === DRAINING && this.tOut[t] === 0) this.finishDeregistration(t);
  }

  private alloc(): number {
    let slot = this.freeHead;
    if (slot >= 0) {
      this.freeHead = this.rNext[slot] as number;
      return slot;
    }
    if (this.poolSize === this.rArrivalMs.length) this.growPool();
    slot = this.poolSize++;
    return slot;
  }

  private release(slot: number): void {
    this.rState[slot] = FREE;
    this.rGen[slot] = ((this.rGen[slot] as number) + 1) & GEN_MASK;
    this.rNext[slot] = this.freeHead;
    this.freeHead = slot;
  }

  /** A request that reached the front of the queue after its deadline: it fails without being served. */
  private failTimedOutInQueue(slot: number, t: number): void {
    this.tOut[t] = (this.tOut[t] as number) - 1;
    this.failSlot(TIMEOUT, slot, t);
    this.release(slot);
  }

  private failSlot(cause: number, slot: number, t: number): void {
    this.failedByCause[cause] = (this.failedByCause[cause] as number) + 1;
    this.bucketFailed[cause] = (this.bucketFailed[cause] as number) + 1;
    this.tFailed[t] = (this.tFailed[t] as number) + 1;
    if (this.logRequests) {
      this.logFailure(cause, this.rId[slot] as number, this.rSource[slot] as number, this.rClass[slot] as number, t);
    }
  }

  /** A request refused before it got a slot. */
  private failNew(cause: number, id: number, s: number, cls: number, t: number): void {
    this.failedByCause[cause] = (this.failedByCause[cause] as number) + 1;
    this.bucketFailed[cause] = (this.bucketFailed[cause] as number) + 1;
    if (t >= 0) this.tFailed[t] = (this.tFailed[t] as number) + 1;
    if (this.logRequests) this.logFailure(cause, id, s, cls, t);
  }

  private logFailure(cause: number, id: number, s: number, cls: number, t: number): void {
    this.sim.emit({
      type: "request-failed",
      atMs: this.sim.nowMs,
      requestId: id,
      sourceId: (this.config.sources[s] as TrafficSourceSpec).id,
      classId: this.classIds[cls] as string,
      targetId: t >= 0 ? (this.targetIds[t] as string) : null,
      cause: FAILURE_CAUSES[cause] as FailureCause,
    });
  }

  private scheduleArrival(s: number, now: number): void {
    const at = (this.arrivals[s] as ArrivalProcess).next(now, this.arrivalRngs[s] as Rng);
    if (at < 0 || at >= (this.sourceStop[s] as number)) return;
    this.sim.scheduleTimer(this.arrivalTimers[s] as number, at < now ? now : at, this.kindArrival, s);
  }

  // ── Buckets ──────────────────────────────────────────────────────────────────────────────────────────────────

  private onBucket(): void {
    const now = this.sim.nowMs;
    const s = this.series;
    const T = this.targetIds.length;
    const Z = this.azIds.length;
    const azBusy = new Float64Array(Z);
    const azCap = new Float64Array(Z);
    let cost = (this.bucketRequests * (this.config.costPerMillionRequests ?? 0)) / 1e6;
    let healthy = 0;
    for (let t = 0; t < T; t++) {
      this.advance(t, now);
      const busy = (this.tBusyAcc[t] as number) + (this.tBusy[t] as number) * now;
      const upMs = this.tUpAcc[t] as number;
      const cap = (this.workers[t] as number) * upMs;
      (s.utilisationByTarget[t] as (number | null)[]).push(cap > 0 ? busy / cap : null);
      const z = this.tAz[t] as number;
      if (z >= 0) {
        azBusy[z] = (azBusy[z] as number) + busy;
        azCap[z] = (azCap[z] as number) + cap;
      }
      cost += upMs * ((this.costPerHour[t] as number) / 3_600_000);
      this.tBusyTotal[t] = (this.tBusyTotal[t] as number) + busy;
      this.tUpTotal[t] = (this.tUpTotal[t] as number) + upMs;
      this.tBusyAcc[t] = -(this.tBusy[t] as number) * now;
      this.tUpAcc[t] = 0;
      if (this.tHealth[t] === HEALTHY) healthy++;
    }
    for (let z = 0; z < Z; z++) {
      (s.utilisationByAz[z] as (number | null)[]).push((azCap[z] as number) > 0 ? (azBusy[z] as number) / (azCap[z] as number) : null);
    }
    this.trackAvailability(now);
    s.arrived.push(this.bucketArrived);
    s.completed.push(this.bucketCompleted);
    FAILURE_CAUSES.forEach((_, c) => (s.failed[c] as number[]).push(this.bucketFailed[c] as number));
    const lat = this.bucketLatency;
    this.latency.add(lat);
    s.latencyMeanMs.push(lat.meanMs());
    s.latencyP50Ms.push(lat.quantileMs(0.5));
    s.latencyP95Ms.push(lat.quantileMs(0.95));
    s.latencyP99Ms.push(lat.quantileMs(0.99));
    s.healthyTargets.push(healthy);
    s.availability.push(this.bucketAvailAcc / this.bucketMs);
    s.costUsd.push(cost);
    this.costUsd += cost;
    this.requestsTotal += this.bucketRequests;
    lat.reset();
    this.bucketArrived = 0;
    this.bucketCompleted = 0;
    this.bucketFailed.fill(0);
    this.bucketAvailAcc = 0;
    this.bucketRequests = 0;
    this.sim.schedule(now + this.bucketMs, this.kinds.bucket, 0, 0, -1);
  }

  /** Brings target t's up integral to `now` (the busy one is always current: see tBusyAcc). */
  private advance(t: number, now: number): void {
    if (this.tUp[t] === 1) this.tUpAcc[t] = (this.tUpAcc[t] as number) + (now - (this.tUpLastMs[t] as number));
    this.tUpLastMs[t] = now;
  }

  private trackAvailability(now: number): void {
    if (this.serving > 0) {
      this.availMs += now - this.availLastMs;
      this.bucketAvailAcc += now - this.availLastMs;
    }
    this.availLastMs = now;
  }

  // ── Instances, health and registration ───────────────────────────────────────────────────────────────────────

  private setInstanceUp(t: number, up: boolean): boolean {
    if ((this.tUp[t] === 1) === up) return false;
    const now = this.sim.nowMs;
    this.advance(t, now);
    const targetId = this.targetIds[t] as string;
    if (up) {
      this.tUp[t] = 1;
      const az = this.tAz[t] as number;
      this.sim.emit({ type: "instance-up", atMs: now, targetId, azId: az >= 0 ? (this.azIds[az] as string) : "" });
    } else {
      this.tUp[t] = 0;
      const lost = this.dropAll(t, INSTANCE_FAILED);
      this.sim.emit({ type: "instance-down", atMs: now, targetId, lostRequests: lost });
      if (this.tHealth[t] === DRAINING) this.finishDeregistration(t);
    }
    this.servingChanged(now);
    return true;
  }

  /** Fails every request queued at or served by target t (in slot order); returns how many. */
  private dropAll(t: number, cause: number): number {
    let lost = 0;
    for (let slot = 0; slot < this.poolSize; slot++) {
      if (this.rState[slot] === FREE || this.rTarget[slot] !== t) continue;
      this.failSlot(cause, slot, t);
      this.release(slot);
      lost++;
    }
    // Every request in service ends now.
    this.tBusyAcc[t] = (this.tBusyAcc[t] as number) + (this.tBusy[t] as number) * this.sim.nowMs;
    this.tBusy[t] = 0;
    this.tQLen[t] = 0;
    this.tQHead[t] = -1;
    this.tQTail[t] = -1;
    this.tOut[t] = 0;
    return lost;
  }

  private syncInfrastructure(): void {
    const infra = this.infra as InfrastructureModel;
    this.config.targets.forEach((spec, t) => {
      if (spec.vmId === undefined) return;
      const where = infra.vmLocation(spec.vmId);
      this.slowdown[t] = infra.vmSlowdown(spec.vmId);
      if (where.running) {
        if (this.tUp[t] === 0) this.tAz[t] = where.azId === null ? -1 : this.azIds.indexOf(where.azId);
        this.setInstanceUp(t, true);
      } else {
        this.setInstanceUp(t, false);
      }
    });
    this.rebuildRouting();
  }

  private startChecks(t: number): void {
    const check = this.check;
    if (!check) return;
    // Staggered so the checks of n targets spread evenly over an interval.
    const offset = (check.intervalMs * t) / this.targetIds.length;
    this.sim.schedule(this.sim.nowMs + offset, this.kinds.check, t, this.tEpoch[t] as number);
  }

  private onCheck(t: number, epoch: number): void {
    if (epoch !== this.tEpoch[t]) return;
    const check = this.check as HealthCheckSpec;
    const now = this.sim.nowMs;
    this.sim.schedule(now + check.intervalMs, this.kinds.check, t, epoch);
    if (this.tUp[t] === 1) this.onCheckResult(t, epoch, true);
    else this.sim.schedule(now + check.timeoutMs, this.kinds.checkFail, t, epoch);
  }

  private onCheckResult(t: number, epoch: number, pass: boolean): void {
    if (epoch !== this.tEpoch[t]) return;
    const check = this.check as HealthCheckSpec;
    const h = this.tHealth[t] as number;
    if (h === DRAINING || h === UNUSED) return;
    if (pass) {
      this.tFails[t] = 0;
      this.tPasses[t] = (this.tPasses[t] as number) + 1;
      // ALB: a newly registered target needs one passing check; an unhealthy one needs healthyThreshold in a row.
      const needed = h === INITIAL ? 1 : check.healthyThreshold;
      if (h !== HEALTHY && (this.tPasses[t] as number) >= needed) this.setHealth(t, HEALTHY);
    } else {
      this.tPasses[t] = 0;
      this.tFails[t] = (this.tFails[t] as number) + 1;
      if (h !== UNHEALTHY && (this.tFails[t] as number) >= check.unhealthyThreshold) this.setHealth(t, UNHEALTHY);
    }
  }

  private setHealth(t: number, to: number): void {
    const from = this.tHealth[t] as number;
    if (from === to) return;
    this.tHealth[t] = to;
    this.sim.emit({
      type: "target-health",
      atMs: this.sim.nowMs,
      targetId: this.targetIds[t] as string,
      from: TARGET_HEALTH[from] as TargetHealth,
      to: TARGET_HEALTH[to] as TargetHealth,
    });
    this.rebuildRouting();
  }

  private register(t: number): boolean {
    const h = this.tHealth[t] as number;
    if (h !== UNUSED && h !== DRAINING) return false;
    this.tEpoch[t] = (this.tEpoch[t] as number) + 1;
    this.tPasses[t] = 0;
    this.tFails[t] = 0;
    this.setHealth(t, this.check === null ? HEALTHY : INITIAL);
    this.startChecks(t);
    this.servingChanged(this.sim.nowMs);
    return true;
  }

  private deregister(t: number): boolean {
    const h = this.tHealth[t] as number;
    if (h === UNUSED || h === DRAINING) return false;
    this.tEpoch[t] = (this.tEpoch[t] as number) + 1;
    this.setHealth(t, DRAINING);
    this.servingChanged(this.sim.nowMs);
    if (this.tOut[t] === 0) this.finishDeregistration(t);
    else this.sim.schedule(this.sim.nowMs + this.drainDelayMs, this.kinds.drain, t, this.tEpoch[t] as number);
    return true;
  }

  private onDrainComplete(t: number, epoch: number): void {
    if (epoch !== this.tEpoch[t] || this.tHealth[t] !== DRAINING) return;
    this.advance(t, this.sim.nowMs);
    this.dropAll(t, DEREGISTERED);
    this.finishDeregistration(t);
  }

  private finishDeregistration(t: number): void {
    this.tEpoch[t] = (this.tEpoch[t] as number) + 1;
    this.setHealth(t, UNUSED);
  }

  private servingChanged(now: number): void {
    this.trackAvailability(now);
    this.serving = this.countServing();
  }

  private countServing(): number {
    let n = 0;
    for (let t = 0; t < this.targetIds.length; t++) {
      const h = this.tHealth[t] as number;
      if (this.tUp[t] === 1 && h !== UNUSED && h !== DRAINING) n++;
    }
    return n;
  }

  /**
   * Recomputes which targets each LB node may use. Healthy targets if there are any (per AZ without cross-zone,
   * where DNS stops answering with nodes whose AZ has none); when no target anywhere is healthy the LB fails open
   * and routes to every registered, non-draining target.
   */
  private rebuildRouting(): void {
    const T = this.targetIds.length;
    const nodeCount = this.nodeAz.length;
    const nodeUp = Array.from(this.nodeAz, (z) => this.azUp(z));
    const registered = (t: number) => this.tHealth[t] !== UNUSED && this.tHealth[t] !== DRAINING;
    const healthy = (t: number) => this.tHealth[t] === HEALTHY;
    const all = Array.from({ length: T }, (_, t) => t);
    const anyHealthy = all.some((t) => healthy(t) && (this.crossZone || nodeUp[this.nodeAz.indexOf(this.tAz[t] as number)] === true));
    const allowed = anyHealthy ? healthy : registered;
    for (let n = 0; n < nodeCount; n++) {
      const z = this.nodeAz[n] as number;
      this.router.setCandidates(n, all.filter((t) => allowed(t) && (this.crossZone || this.tAz[t] === z)));
    }
    this.router.finish(nodeUp);
    const failOpen = !anyHealthy && this.router.enabledNodes > 0;
    if (failOpen !== this.failOpen) {
      this.failOpen = failOpen;
      this.sim.emit({ type: "lb-fail-open", atMs: this.sim.nowMs, failOpen });
    }
  }

  private azUp(z: number): boolean {
    const infra = this.infra;
    if (!infra || z < 0) return true;
    const id = this.azIds[z] as string;
    return !infra.azIdsOf(this.config.regionId).includes(id) || infra.azUp(id);
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

  private failureCounts(values: Float64Array): FailureCounts {
    return Object.fromEntries(FAILURE_CAUSES.map((c, i) => [c, values[i] as number])) as FailureCounts;
  }

  /** Streams are cached for speed and re-fetched after `restore`, which replaces the simulation's streams. */
  private fetchStreams(): void {
    this.arrivalRngs = this.streamNames.arrivals.map((n) => this.sim.stream(n));
    this.requestRngs = this.streamNames.requests.map((n) => this.sim.stream(n));
    this.lbRng = this.sim.stream(this.streamNames.lb);
  }

  private growPool(): void {
    const n = this.rArrivalMs.length * 2;
    this.rArrivalMs = grow(this.rArrivalMs, new Float64Array(n));
    this.rNetMs = grow(this.rNetMs, new Float64Array(n));
    this.rWork = grow(this.rWork, new Float64Array(n));
    this.rId = grow(this.rId, new Float64Array(n));
    this.rClass = grow(this.rClass, new Int32Array(n));
    this.rSource = grow(this.rSource, new Int32Array(n));
    this.rTarget = grow(this.rTarget, new Int32Array(n));
    this.rNext = grow(this.rNext, new Int32Array(n));
    this.rGen = grow(this.rGen, new Int32Array(n));
    this.rState = grow(this.rState, new Int8Array(n));
    this.rStartMs = grow(this.rStartMs, new Float64Array(n));
  }

  private target(id: string): number {
    const t = this.targetIds.indexOf(id);
    if (t < 0) throw new Error(`Unknown target "${id}".`);
    return t;
  }
}

type NumArray = Float64Array | Int32Array | Int8Array | Uint8Array;

function grow<A extends NumArray>(from: A, to: A): A {
  to.set(from);
  return to;
}

function fill<A extends NumArray>(to: A, from: readonly number[]): A {
  to.set(from);
  return to;
}

function uniqueIds(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`Duplicate ${what} id "${id}".`);
    seen.add(id);
  }
}

function positive(x: number, what: string): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new Error(`${what} must be positive.`);
  return x;
}

function positiveInt(x: number, what: string): number {
  if (!Number.isInteger(x) || x < 1) throw new Error(`${what} must be a whole number ≥ 1.`);
  return x;
}
