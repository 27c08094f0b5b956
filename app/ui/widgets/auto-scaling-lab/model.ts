/**
 * The pure simulation side of AutoScalingLab: a web tier in an EC2 Auto Scaling group meets a 3× traffic spike.
 * Everything here is deterministic and React-free so it can be unit-tested (tests/unit/widgets/auto-scaling-lab.test.ts).
 */
import {
  AutoScalingGroup,
  Simulation,
  cpuUtilizationMetric,
  demandRateAt,
  type AutoScalingGroupConfig,
  type AutoScalingGroupView,
  type AutoscalingLogEntry,
  type DemandSeries,
  type LoadSpec,
  type ScalingPolicy,
  type ScheduledAction,
} from "@/lib/sim";

export const MINUTE_MS = 60_000;
/** The whole run: three hours of simulated time. */
export const RUN_MINUTES = 180;
export const RUN_MS = RUN_MINUTES * MINUTE_MS;
/** Requests per second one instance serves at 100 % CPU (illustrative). */
export const RPS_PER_INSTANCE = 100;
/** Illustrative on-demand price of one instance-hour (roughly a small general-purpose instance in 2026). */
export const PRICE_PER_INSTANCE_HOUR = 0.1;
/** CPU above this is "hot": latency climbs and the challenge counts the minute. */
export const HOT_CPU = 80;
/** Baseline and peak demand (requests/s): the spike is 3× the baseline. */
export const BASE_RPS = 400;
export const PEAK_RPS = 1_200;
/** Spike timing (minutes): ramp up 20→25, hold to 65, ramp down to 85. */
export const SPIKE = { rampStart: 20, peakStart: 25, peakEnd: 65, rampEnd: 85 } as const;

export type PolicyMode = "fixed" | "target-tracking" | "step";

export interface ScalingLabConfig {
  mode: PolicyMode;
  /** Fixed mode: the instance count for the whole run (min = max = desired). */
  fixedCapacity: number;
  minSize: number;
  maxSize: number;
  /** Target tracking: the average CPU % to hold. */
  targetCpu: number;
  /** Step scaling: the scale-out alarm fires at CPU ≥ this %. */
  stepThreshold: number;
  /** Launch to InService (boot plus application start), seconds. */
  launchSeconds: number;
  /** Instance warm-up, seconds. */
  warmupSeconds: number;
  /** Add a scheduled action that raises the minimum before the (known) spike and lowers it after. */
  scheduledBoost: boolean;
  /** The minimum the scheduled action sets from minute 15 to the end of the ramp-down. */
  scheduledMin: number;
}

export const DEFAULT_CONFIG: ScalingLabConfig = {
  mode: "target-tracking",
  fixedCapacity: 8,
  minSize: 2,
  maxSize: 30,
  targetCpu: 50,
  stepThreshold: 60,
  launchSeconds: 180,
  warmupSeconds: 300,
  scheduledBoost: false,
  scheduledMin: 12,
};

export const DEMAND: DemandSeries = {
  interpolation: "linear",
  points: [
    [0, BASE_RPS],
    [SPIKE.rampStart * MINUTE_MS, BASE_RPS],
    [SPIKE.peakStart * MINUTE_MS, PEAK_RPS],
    [SPIKE.peakEnd * MINUTE_MS, PEAK_RPS],
    [SPIKE.rampEnd * MINUTE_MS, BASE_RPS],
    [RUN_MS, BASE_RPS],
  ],
};

export const LOAD: LoadSpec = { demand: DEMAND, capacityPerInstanceRps: RPS_PER_INSTANCE };

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** The step-scaling policies: scale out by 1/2/4 instances as CPU passes the threshold by 0/10/20 points; scale in by 1 below 30 %. */
export function stepPolicies(threshold: number): ScalingPolicy[] {
  return [
    {
      kind: "step",
      id: "cpu-high",
      alarm: { threshold, comparison: ">=", evaluationPeriods: 1 },
      adjustmentType: "ChangeInCapacity",
      steps: [
        { lowerBound: 0, upperBound: 10, scalingAdjustment: 1 },
        { lowerBound: 10, upperBound: 20, scalingAdjustment: 2 },
        { lowerBound: 20, upperBound: null, scalingAdjustment: 4 },
      ],
    },
    {
      kind: "step",
      id: "cpu-low",
      alarm: { threshold: 30, comparison: "<", evaluationPeriods: 5 },
      adjustmentType: "ChangeInCapacity",
      steps: [{ lowerBound: null, upperBound: 0, scalingAdjustment: -1 }],
    },
  ];
}

/** The instances needed at t = 0 to sit at the policy's comfortable CPU level. */
export function initialCapacity(c: ScalingLabConfig): number {
  if (c.mode === "fixed") return c.fixedCapacity;
  const comfortable = c.mode === "target-tracking" ? c.targetCpu : Math.min(c.stepThreshold, 60) - 10;
  const wanted = Math.ceil((100 * BASE_RPS) / (RPS_PER_INSTANCE * comfortable));
  return clampInt(wanted, c.minSize, c.maxSize);
}

/** The Auto Scaling group for a lab configuration. */
export function groupConfig(c: ScalingLabConfig): AutoScalingGroupConfig {
  const fixed = c.mode === "fixed";
  const minSize = fixed ? c.fixedCapacity : Math.min(c.minSize, c.maxSize);
  const maxSize = fixed ? c.fixedCapacity : Math.max(c.minSize, c.maxSize);
  const policies: ScalingPolicy[] =
    c.mode === "target-tracking"
      ? [{ kind: "target-tracking", id: `cpu-${c.targetCpu}`, targetValue: c.targetCpu }]
      : c.mode === "step"
        ? stepPolicies(c.stepThreshold)
        : [];
  const scheduledActions: ScheduledAction[] =
    c.scheduledBoost && !fixed
      ? [
          { atMs: 15 * MINUTE_MS, minSize: Math.min(c.scheduledMin, maxSize) },
          { atMs: SPIKE.rampEnd * MINUTE_MS, minSize },
        ]
      : [];
  return {
    id: "web",
    minSize,
    maxSize,
    desiredCapacity: clampInt(initialCapacity(c), minSize, maxSize),
    launchTimeMs: c.launchSeconds * 1000,
    instanceWarmupMs: c.warmupSeconds * 1000,
    costPerInstanceHour: PRICE_PER_INSTANCE_HOUR,
    azIds: ["az-a", "az-b", "az-c"],
    policies,
    scheduledActions,
  };
}

export interface ScalingLabHandle {
  sim: Simulation<AutoscalingLogEntry>;
  group: AutoScalingGroup;
}

export function createScalingLab(config: ScalingLabConfig, seed: number): ScalingLabHandle {
  const sim = new Simulation<AutoscalingLogEntry>({ seed, maxLogEntries: 2_000 });
  const group = new AutoScalingGroup(sim, groupConfig(config), cpuUtilizationMetric(LOAD));
  return { sim, group };
}

export interface ScalingActivityView {
  atMs: number;
  cause: string;
  fromDesired: number;
  toDesired: number;
  metric: number | null;
}

export interface ScalingLabView {
  nowMs: number;
  group: AutoScalingGroupView;
  /** One sample per metric period (minute). */
  minutes: number[];
  demandRps: number[];
  /** InService instances × RPS_PER_INSTANCE. */
  capacityRps: number[];
  desired: number[];
  inService: number[];
  /** Average CPU % of InService instances (100 when demand exceeds capacity). */
  cpu: number[];
  totals: {
    /** Minutes with CPU above HOT_CPU. */
    hotMinutes: number;
    /** Minutes in which demand exceeded capacity. */
    overloadedMinutes: number;
    requests: number;
    unserved: number;
    servedFraction: number;
    instanceHours: number;
    costUsd: number;
    peakInService: number;
    activities: number;
  };
  lastActivity: ScalingActivityView | null;
}

/** CPU % of `inService` instances under `demandRps`, capped at 100. */
export function cpuPercent(demandRps: number, inService: number): number {
  if (demandRps <= 0) return 0;
  if (inService <= 0) return 100;
  return Math.min(100, (100 * demandRps) / (inService * RPS_PER_INSTANCE));
}

export function viewScalingLab(h: ScalingLabHandle): ScalingLabView {
  const group = h.group.view();
  const s = group.series;
  const minutes: number[] = [];
  const demandRps: number[] = [];
  const capacityRps: number[] = [];
  const cpu: number[] = [];
  let hotMinutes = 0;
  let overloadedMinutes = 0;
  let requests = 0;
  let served = 0;
  s.atMs.forEach((atMs, i) => {
    const d = demandRateAt(DEMAND, atMs);
    const n = s.inService[i] as number;
    const cap = n * RPS_PER_INSTANCE;
    const c = cpuPercent(d, n);
    minutes.push(atMs / MINUTE_MS);
    demandRps.push(d);
    capacityRps.push(cap);
    cpu.push(c);
    if (c > HOT_CPU) hotMinutes++;
    if (d > cap) overloadedMinutes++;
    requests += d * 60;
    served += Math.min(d, cap) * 60;
  });
  let lastActivity: ScalingActivityView | null = null;
  const log = h.sim.log;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i] as AutoscalingLogEntry;
    if (e.type === "asg-scaling") {
      lastActivity = { atMs: e.atMs, cause: e.cause, fromDesired: e.fromDesired, toDesired: e.toDesired, metric: e.metric };
      break;
    }
  }
  return {
    nowMs: h.sim.nowMs,
    group,
    minutes,
    demandRps,
    capacityRps,
    desired: [...s.desired],
    inService: [...s.inService],
    cpu,
    totals: {
      hotMinutes,
      overloadedMinutes,
      requests,
      unserved: requests - served,
      servedFraction: requests > 0 ? served / requests : 1,
      instanceHours: group.instanceHours,
      costUsd: group.costUsd,
      peakInService: group.peakInService,
      activities: group.activities,
    },
    lastActivity,
  };
}

/** Runs a configuration to the end (for tests and for checking the lesson's numbers). */
export function runScalingLab(config: ScalingLabConfig, seed = 1): ScalingLabView {
  const h = createScalingLab(config, seed);
  h.sim.runUntil(RUN_MS);
  return viewScalingLab(h);
}

export interface ChallengeSpec {
  id: string;
  label: string;
  maxHotMinutes: number;
  maxCostUsd: number;
}

/** The widget's challenge: absorb the 3× spike with few hot minutes for little money. */
export const CHALLENGES: ChallengeSpec[] = [
  { id: "hot-5-under-3-50", label: "At most 5 minutes above 80 % CPU, for under $3.50", maxHotMinutes: 5, maxCostUsd: 3.5 },
  { id: "hot-0-under-3-20", label: "No minute above 80 % CPU, for under $3.20", maxHotMinutes: 0, maxCostUsd: 3.2 },
];

export function challengeMet(spec: ChallengeSpec, v: ScalingLabView): boolean {
  return v.totals.hotMinutes <= spec.maxHotMinutes && v.totals.costUsd < spec.maxCostUsd;
}

export function describePolicy(c: ScalingLabConfig): string {
  const boost = c.scheduledBoost && c.mode !== "fixed" ? `, scheduled minimum ${c.scheduledMin} from minute 15 to ${SPIKE.rampEnd}` : "";
  const range = `min ${c.minSize}, max ${c.maxSize}, launch ${c.launchSeconds} s, warm-up ${c.warmupSeconds} s`;
  if (c.mode === "fixed") return `Fixed capacity of ${c.fixedCapacity} instances, launch ${c.launchSeconds} s`;
  if (c.mode === "target-tracking") return `Target tracking at ${c.targetCpu} % CPU (${range}${boost})`;
  return `Step scaling from ${c.stepThreshold} % CPU (${range}${boost})`;
}

export function formatCost(usd: number): string {
  return `$${usd.toFixed(2)}`;
}
