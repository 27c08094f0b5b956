/**
 * The pure simulation side of ResilientTierLab, the Day 15 review drill: a web tier of instances in three AZs behind
 * a load balancer with health checks (lib/sim ServiceModel), sized by an EC2-style Auto Scaling group
 * (AutoScalingGroup, target tracking on CPU), meets a traffic spike, and a FailureModel takes one AZ down in the
 * middle of it. Deterministic and React-free, so it is unit-tested.
 *
 * Composition: the Auto Scaling group and the service are separate lib/sim models. The group's log entries
 * (launch, in service, failed, terminated) are bridged to the service's targets as they happen: a launched
 * instance takes a free target slot in its AZ, is registered with the load balancer when InService (and receives
 * traffic after one passing health check), is failed when its AZ fails, and is deregistered (drained) when the group
 * terminates it. The group's CPU metric is the service's measured utilisation of its InService instances over the
 * last minute.
 */
import {
  AutoScalingGroup,
  FailureModel,
  ServiceModel,
  Simulation,
  type AutoscalingLogEntry,
  type AutoScalingGroupView,
  type FailureLogEntry,
  type LbAlgorithm,
  type LogEntry,
  type MetricInput,
  type ServiceConfig,
  type ServiceLogEntry,
  type ServiceView,
  type SimContext,
  type TargetSpec,
} from "@/lib/sim";

export const MINUTE_MS = 60_000;
export const RUN_MINUTES = 16;
export const RUN_MS = RUN_MINUTES * MINUTE_MS;
export const REGION = "us-east-1";
export const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
/** Baseline demand, requests per second (Poisson). */
export const BASE_RPS = 200;
/** Extra demand during the spike: total = 3 × baseline. */
export const SPIKE_EXTRA_RPS = 400;
export const SPIKE = { startMs: 3 * MINUTE_MS, endMs: 12 * MINUTE_MS } as const;
/** The AZ outage: us-east-1a fails at minute 8.5 and comes back at minute 13.5. */
export const OUTAGE = { azId: AZS[0], startMs: 8.5 * MINUTE_MS, endMs: 13.5 * MINUTE_MS } as const;
/** Each instance: 4 workers; requests lognormal with median 30 ms, p99 200 ms (mean ≈ 42 ms): ≈ 96 requests/s at 100 %. */
export const WORKERS = 4;
export const SERVICE_TIME = { kind: "lognormal", p50Ms: 30, p99Ms: 200 } as const;
export const INSTANCE_CAPACITY_RPS = 96;
/** Clients give up after this long. */
export const CLIENT_TIMEOUT_MS = 2_000;
/** Illustrative on-demand price of one instance-hour. */
export const PRICE_PER_INSTANCE_HOUR = 0.1;
export const MAX_SIZE = 18;
/** Launch to InService (boot and application start) and warm-up: illustrative. */
export const LAUNCH_MS = 90_000;
export const WARMUP_MS = 60_000;
/** Health-check intervals the learner can pick (30 s is the ALB default); 2 failed checks mark a target unhealthy. */
export const CHECK_INTERVALS_MS = [5_000, 10_000, 30_000] as const;
export const UNHEALTHY_THRESHOLD = 2;
/** ALB requires the timeout to be shorter than the interval: 5 s (the default), or 2 s with a 5 s interval. */
export function checkTimeoutMs(intervalMs: number): number {
  return intervalMs <= 5_000 ? 2_000 : 5_000;
}
/** Worst case from an instance's death to the load balancer marking it unhealthy. */
export function worstDetectionMs(intervalMs: number): number {
  return UNHEALTHY_THRESHOLD * intervalMs + checkTimeoutMs(intervalMs);
}
export const DEREGISTRATION_DELAY_MS = 30_000;
export const BUCKET_MS = 5_000;

export const TARGETS = { p95Ms: 300, availability: 0.995, costPerHour: 1.1 } as const;

export type ScalingChoice = "off" | 40 | 50 | 60 | 70;
export const SCALING_CHOICES: readonly ScalingChoice[] = ["off", 40, 50, 60, 70];
export const PER_AZ_CHOICES = [1, 2, 3, 4] as const;
export const ALGORITHMS: readonly { value: LbAlgorithm; label: string }[] = [
  { value: "round-robin", label: "Round robin" },
  { value: "least-outstanding", label: "Least outstanding requests" },
];

export interface TierConfig {
  /** Instances per AZ at the start; also the group's minimum (× 3). */
  perAz: number;
  algorithm: LbAlgorithm;
  /** Target-tracking CPU %, or "off" for a fixed-size group. */
  scaling: ScalingChoice;
  /** Load balancer health-check interval. */
  checkIntervalMs: number;
}

export const DEFAULT_CONFIG: TierConfig = { perAz: 1, algorithm: "round-robin", scaling: "off", checkIntervalMs: 30_000 };

type TierLog = ServiceLogEntry | AutoscalingLogEntry | FailureLogEntry;

const slotId = (z: number, k: number) => `web-${String.fromCharCode(97 + z)}${k + 1}`;

function demandAt(tMs: number): number {
  return BASE_RPS + (tMs >= SPIKE.startMs && tMs < SPIKE.endMs ? SPIKE_EXTRA_RPS : 0);
}

/** Slot bookkeeping: which ASG instance holds which service target. */
interface Slots {
  /** instance id → target index. */
  byInstance: Map<string, number>;
  /** Per target: the instance holding it, or null; and when it may be reused (after draining). */
  holder: (string | null)[];
  freeAtMs: number[];
  azOf: number[];
}

export interface TierHandle {
  sim: Simulation<LogEntry>;
  service: ServiceModel;
  group: AutoScalingGroup;
  failures: FailureModel;
  config: TierConfig;
}

export function createTier(config: TierConfig, seed: number): TierHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 4_000 });
  const ctx = sim as unknown as SimContext<TierLog>;
  const perAz = Math.max(1, Math.min(6, Math.floor(config.perAz)));
  const minSize = perAz * 3;
  const fixed = config.scaling === "off";
  const slots: Slots = { byInstance: new Map(), holder: [], freeAtMs: [], azOf: [] };
  const targets: TargetSpec[] = [];
  AZS.forEach((az, z) => {
    for (let k = 0; k < MAX_SIZE; k++) {
      targets.push({ id: slotId(z, k), azId: az, workers: WORKERS, registered: false });
      slots.holder.push(null);
      slots.freeAtMs.push(0);
      slots.azOf.push(z);
    }
  });

  // Late-bound: the group's metric and bridge need the service, which needs the group's initial instances.
  let service: ServiceModel | null = null;

  const metric = (input: MetricInput): number | null => {
    if (!service) return null;
    const v = service.view();
    const per = v.series.utilisationByTarget;
    const buckets = MINUTE_MS / BUCKET_MS;
    let sum = 0;
    let count = 0;
    for (const inst of group.view().instances) {
      if (inst.state !== "in-service" || input.atMs < inst.countedFromMs) continue;
      const t = slots.byInstance.get(inst.id);
      if (t === undefined) continue;
      const series = per[targets[t]!.id] ?? [];
      let s = 0;
      let c = 0;
      for (let i = Math.max(0, series.length - buckets); i < series.length; i++) {
        const u = series[i];
        if (u !== null && u !== undefined) {
          s += u;
          c++;
        }
      }
      if (c > 0) {
        sum += s / c;
        count++;
      }
    }
    return count > 0 ? (100 * sum) / count : null;
  };

  const allocate = (instanceId: string, azId: string): number => {
    const z = AZS.indexOf(azId as (typeof AZS)[number]);
    const now = sim.nowMs;
    for (let t = 0; t < targets.length; t++) {
      if (slots.azOf[t] === z && slots.holder[t] === null && slots.freeAtMs[t]! <= now) {
        slots.holder[t] = instanceId;
        slots.byInstance.set(instanceId, t);
        return t;
      }
    }
    return -1;
  };
  const release = (instanceId: string, drain: boolean) => {
    const t = slots.byInstance.get(instanceId);
    if (t === undefined) return;
    slots.byInstance.delete(instanceId);
    slots.holder[t] = null;
    slots.freeAtMs[t] = sim.nowMs + (drain ? DEREGISTRATION_DELAY_MS + 1 : 0);
    service?.deregisterTarget(targets[t]!.id);
  };

  /** The bridge: the group's lifecycle, applied to the load balancer's targets as it happens. */
  const bridged: SimContext<AutoscalingLogEntry> = {
    get seed() {
      return sim.seed;
    },
    get nowMs() {
      return sim.nowMs;
    },
    defineEvent: (name, handler) => sim.defineEvent(name, handler),
    schedule: (atMs, kind, a, b, priority) => sim.schedule(atMs, kind, a, b, priority),
    createTimer: () => sim.createTimer(),
    scheduleTimer: (timer, atMs, kind, a, b, priority) => sim.scheduleTimer(timer, atMs, kind, a, b, priority),
    cancel: (handle) => sim.cancel(handle),
    stream: (name) => sim.stream(name),
    addModel: (model) => sim.addModel(model),
    emit(entry) {
      ctx.emit(entry);
      if (!service) return;
      const svc = service;
      if (entry.type === "asg-launch") allocate(entry.instanceId, entry.azId);
      else if (entry.type === "asg-in-service") {
        const t = slots.byInstance.get(entry.instanceId);
        if (t !== undefined) {
          svc.recoverInstance(targets[t]!.id);
          svc.registerTarget(targets[t]!.id);
        }
      } else if (entry.type === "asg-instance-failed") {
        const t = slots.byInstance.get(entry.instanceId);
        if (t !== undefined) svc.failInstance(targets[t]!.id);
      } else if (entry.type === "asg-terminate") {
        release(entry.instanceId, entry.reason === "scale-in");
      }
    },
  };

  const group = new AutoScalingGroup(
    bridged,
    {
      id: "web",
      minSize,
      maxSize: fixed ? minSize : Math.max(minSize, MAX_SIZE),
      desiredCapacity: minSize,
      launchTimeMs: LAUNCH_MS,
      instanceWarmupMs: WARMUP_MS,
      costPerInstanceHour: PRICE_PER_INSTANCE_HOUR,
      azIds: [...AZS],
      regionId: REGION,
      policies: config.scaling === "off" ? [] : [{ kind: "target-tracking", id: `cpu-${config.scaling}`, targetValue: config.scaling }],
    },
    metric,
  );
  // The group's initial instances take the first slots of their AZs and start registered and healthy.
  for (const inst of group.view().instances) {
    const t = allocate(inst.id, inst.azId);
    if (t >= 0) targets[t] = { ...targets[t]!, registered: true };
  }
  const serviceConfig: ServiceConfig = {
    regionId: REGION,
    azIds: [...AZS],
    sources: [
      { id: "users", arrivals: { kind: "poisson", ratePerSec: BASE_RPS } },
      { id: "spike", arrivals: { kind: "poisson", ratePerSec: SPIKE_EXTRA_RPS }, startMs: SPIKE.startMs, stopMs: SPIKE.endMs },
    ],
    classes: [{ id: "page", serviceTime: SERVICE_TIME, timeoutMs: CLIENT_TIMEOUT_MS }],
    targets,
    loadBalancer: {
      algorithm: config.algorithm,
      crossZone: true,
      healthCheck: {
        intervalMs: config.checkIntervalMs,
        timeoutMs: checkTimeoutMs(config.checkIntervalMs),
        unhealthyThreshold: UNHEALTHY_THRESHOLD,
        healthyThreshold: 3,
      },
      deregistrationDelayMs: DEREGISTRATION_DELAY_MS,
    },
    bucketMs: BUCKET_MS,
  };
  service = new ServiceModel(ctx as SimContext<ServiceLogEntry>, serviceConfig);
  const failures = new FailureModel(
    ctx as SimContext<FailureLogEntry>,
    { chaos: [{ atMs: OUTAGE.startMs, action: "fail", fault: { kind: "az", id: OUTAGE.azId }, durationMs: OUTAGE.endMs - OUTAGE.startMs }] },
    [group],
  );
  return { sim, service, group, failures, config };
}

export interface AzSummary {
  azId: string;
  up: boolean;
  inService: number;
  pending: number;
  /** Targets the load balancer counts healthy in this AZ. */
  healthy: number;
}

export interface TierView {
  nowMs: number;
  service: ServiceView;
  group: AutoScalingGroupView;
  azs: AzSummary[];
  availability: number | null;
  p95Ms: number | null;
  /** Average cost per hour so far (instances). */
  costPerHour: number;
  demandRps: number;
  /** Per bucket: failed requests (all causes). */
  failedPerBucket: number[];
  verdict: { p95: boolean; availability: boolean; cost: boolean; pass: boolean };
}

export function viewTier(h: TierHandle): TierView {
  const service = h.service.view();
  const group = h.group.view();
  const now = h.sim.nowMs;
  const t = service.totals;
  const outage = now >= OUTAGE.startMs && now < OUTAGE.endMs;
  const azs: AzSummary[] = AZS.map((azId) => ({
    azId,
    up: !(outage && azId === OUTAGE.azId),
    inService: group.instances.filter((i) => i.azId === azId && i.state === "in-service").length,
    pending: group.instances.filter((i) => i.azId === azId && i.state === "pending").length,
    healthy: service.targets.filter((x) => x.azId === azId && x.health === "healthy").length,
  }));
  const failedPerBucket = service.series.arrived.map((_, i) =>
    Object.values(service.series.failed).reduce((sum, arr) => sum + (arr[i] ?? 0), 0),
  );
  const hours = now / 3_600_000;
  const costPerHour = hours > 0 ? group.costUsd / hours : group.instances.length * PRICE_PER_INSTANCE_HOUR;
  const availability = t.availabilityByRequests;
  const p95Ms = t.latency?.p95Ms ?? null;
  const p95 = p95Ms !== null && p95Ms < TARGETS.p95Ms;
  const avail = availability !== null && availability >= TARGETS.availability;
  const cost = costPerHour < TARGETS.costPerHour;
  return {
    nowMs: now,
    service,
    group,
    azs,
    availability,
    p95Ms,
    costPerHour,
    demandRps: demandAt(now),
    failedPerBucket,
    verdict: { p95, availability: avail, cost, pass: p95 && avail && cost },
  };
}

/** Runs the whole drill (tests, and checking the lesson's numbers). */
export function runTier(config: TierConfig, seed = 1): TierView {
  const h = createTier(config, seed);
  h.sim.runUntil(RUN_MS);
  return viewTier(h);
}

export function formatPct(x: number | null, digits = 2): string {
  return x === null ? "—" : `${(x * 100).toFixed(digits)} %`;
}

export function describeConfig(c: TierConfig): string {
  const algo = ALGORITHMS.find((a) => a.value === c.algorithm)?.label ?? c.algorithm;
  const scaling = c.scaling === "off" ? "a fixed group (no scaling)" : `target tracking at ${c.scaling} % CPU (max ${MAX_SIZE})`;
  return `${c.perAz} per AZ (${c.perAz * 3} to start), ${algo.toLowerCase()}, ${scaling}, health checks every ${c.checkIntervalMs / 1000} s`;
}

/** The aria-live summary: phases and actions, not every tick (the verdict when the drill ends). */
export function statusMessage(c: TierConfig, v: TierView, ended: boolean): string {
  const now = v.nowMs;
  const inService = v.group.inService;
  if (now === 0) return `Ready: ${describeConfig(c)}. Press Play to run the drill: a 3× spike at minute 3, then ${OUTAGE.azId} fails at minute 8.5.`;
  if (ended) {
    const miss: string[] = [];
    if (!v.verdict.p95) miss.push(`p95 ${v.p95Ms === null ? "—" : Math.round(v.p95Ms)} ms is not under ${TARGETS.p95Ms} ms`);
    if (!v.verdict.availability) miss.push(`availability ${formatPct(v.availability)} is below ${formatPct(TARGETS.availability, 1)}`);
    if (!v.verdict.cost) miss.push(`$${v.costPerHour.toFixed(2)}/h is not under $${TARGETS.costPerHour.toFixed(2)}/h`);
    return v.verdict.pass
      ? `Drill passed: p95 ${Math.round(v.p95Ms ?? 0)} ms, availability ${formatPct(v.availability)}, $${v.costPerHour.toFixed(2)}/h.`
      : `Drill failed: ${miss.join("; ")}.`;
  }
  const launching = v.group.pending > 0 ? `, ${v.group.pending} launching` : "";
  const spike = now >= SPIKE.startMs && now < SPIKE.endMs;
  if (now < SPIKE.startMs) return `Calm: ${BASE_RPS} requests/s on ${inService} instances.`;
  if (now < OUTAGE.startMs) return `Spike: ${BASE_RPS + SPIKE_EXTRA_RPS} requests/s on ${inService} instances${launching}.`;
  if (now < OUTAGE.endMs) {
    return `${OUTAGE.azId} is down${spike ? " during the spike" : "; the spike is over"}: ${inService} instances in service in the other AZs${launching}.`;
  }
  return `${OUTAGE.azId} is back; ${demandAt(now)} requests/s on ${inService} instances (rebalancing across AZs afterwards is not simulated).`;
}
