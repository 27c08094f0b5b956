/**
 * Elasticity: an Amazon EC2 Auto Scaling group. The group keeps its desired capacity within [min, max], launches
 * instances (pending for `launchTimeMs`, then InService), balances them across its AZs, replaces failed ones at the
 * next health check and bills every instance-millisecond. Once a metric period it reads one aggregated metric from
 * a caller-provided function (so any load model can plug in), updates its CloudWatch-style alarms and runs its
 * scaling policies with AWS's rules:
 *
 * - target tracking: scale out to ceil(current × metric / target) after `scaleOutEvaluationPeriods` breaching
 *   datapoints (3 × 1 min), scale in the same way but only after `scaleInEvaluationPeriods` (15 × 1 min) below the
 *   low alarm threshold;
 * - step scaling: step adjustments bounded relative to the alarm threshold, with ChangeInCapacity, ExactCapacity or
 *   PercentChangeInCapacity (AWS rounding and MinAdjustmentMagnitude);
 * - simple scaling: one adjustment, then a cooldown (default 300 s) before the policy responds again;
 * - scheduled actions set min, max and desired at given times.
 *
 * Instance warm-up follows AWS: an instance contributes to the aggregated metric only `instanceWarmupMs` after it
 * is InService; scale-out proposals are computed from the warmed-up ("current") capacity and only ever raise the
 * desired capacity, so repeated breaches while instances warm up do not add more; and dynamic scale-in waits until
 * no instance is pending or warming up. When several policies fire together the largest capacity wins.
 */
import type { Fault, FaultSink } from "./failures";
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";

const MS_PER_HOUR = 3_600_000;

export type AdjustmentType = "ChangeInCapacity" | "ExactCapacity" | "PercentChangeInCapacity";

/** A step's bounds are offsets of the metric from the alarm threshold; null means unbounded. */
export interface StepAdjustment {
  lowerBound: number | null;
  upperBound: number | null;
  scalingAdjustment: number;
}

export type AlarmComparison = ">=" | ">" | "<" | "<=";

export interface MetricAlarmSpec {
  threshold: number;
  comparison: AlarmComparison;
  /** Consecutive breaching datapoints (one per metric period) before the alarm is in ALARM. Default 1. */
  evaluationPeriods?: number;
}

export interface TargetTrackingPolicy {
  kind: "target-tracking";
  id: string;
  targetValue: number;
  /** Datapoints above the target before scaling out. Default 3 (AWS's AlarmHigh: 3 of 3 one-minute datapoints). */
  scaleOutEvaluationPeriods?: number;
  /** Datapoints below the low threshold before scaling in. Default 15 (AWS's AlarmLow: 15 of 15). */
  scaleInEvaluationPeriods?: number;
  /** The low alarm fires below target × this. Default 0.9, as the AlarmLow alarm AWS creates for EC2 groups. */
  scaleInThresholdFraction?: number;
  disableScaleIn?: boolean;
}

export interface StepScalingPolicy {
  kind: "step";
  id: string;
  alarm: MetricAlarmSpec;
  adjustmentType: AdjustmentType;
  steps: StepAdjustment[];
  /** PercentChangeInCapacity only: never change capacity by fewer instances than this. */
  minAdjustmentMagnitude?: number;
}

export interface SimpleScalingPolicy {
  kind: "simple";
  id: string;
  alarm: MetricAlarmSpec;
  adjustmentType: AdjustmentType;
  scalingAdjustment: number;
  minAdjustmentMagnitude?: number;
  /** Default: the group's `defaultCooldownMs`. */
  cooldownMs?: number;
}

export type ScalingPolicy = TargetTrackingPolicy | StepScalingPolicy | SimpleScalingPolicy;

export interface ScheduledAction {
  atMs: number;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
}

export interface AutoScalingGroupConfig {
  id: string;
  minSize: number;
  maxSize: number;
  /** Instances at t = 0, already InService and warmed up. */
  desiredCapacity: number;
  /** From launch to InService (boot and application start). */
  launchTimeMs: number;
  /** After InService, how long before an instance counts in the aggregated metric. Default 300 000. */
  instanceWarmupMs?: number;
  /** Cooldown of simple scaling policies. Default 300 000 (AWS's default cooldown). */
  defaultCooldownMs?: number;
  /** Metric period, alarm datapoint and health-check interval. Default 60 000 (1-minute metrics). */
  metricPeriodMs?: number;
  costPerInstanceHour: number;
  /** AZs to balance across. Default one AZ named `<id>-az`. */
  azIds?: string[];
  /** The Region the group runs in, so a Region fault takes its instances. */
  regionId?: string;
  policies?: ScalingPolicy[];
  scheduledActions?: ScheduledAction[];
}

/** What a metric source may look at when the group asks for a datapoint. */
export interface MetricInput {
  atMs: number;
  /** InService and past warm-up: the instances whose metrics are aggregated. */
  countedInstances: number;
  /** InService, warming up or not: the instances a load balancer sends traffic to. */
  inServiceInstances: number;
  desiredCapacity: number;
}

/** The aggregated metric at a datapoint, or null when there is no data (no instance counted). Must be pure. */
export type MetricSource = (input: MetricInput) => number | null;

export type InstanceState = "pending" | "in-service" | "failed";

export interface AsgInstance {
  id: string;
  azId: string;
  state: InstanceState;
  launchedAtMs: number;
  /** -1 while pending. */
  inServiceAtMs: number;
  /** When it starts counting in the metric; -1 while pending. */
  countedFromMs: number;
}

export type AutoscalingLogEntry =
  | { type: "asg-launch"; atMs: number; groupId: string; instanceId: string; azId: string }
  | { type: "asg-in-service"; atMs: number; groupId: string; instanceId: string }
  | { type: "asg-terminate"; atMs: number; groupId: string; instanceId: string; reason: "scale-in" | "unhealthy" }
  | { type: "asg-instance-failed"; atMs: number; groupId: string; instanceId: string }
  | { type: "asg-launch-blocked"; atMs: number; groupId: string; missing: number }
  | {
      type: "asg-scaling";
      atMs: number;
      groupId: string;
      cause: string;
      fromDesired: number;
      toDesired: number;
      metric: number | null;
    };

export interface AsgSeries {
  atMs: number[];
  metric: (number | null)[];
  desired: number[];
  inService: number[];
  counted: number[];
}

export interface AsgState {
  minSize: number;
  maxSize: number;
  desired: number;
  instances: AsgInstance[];
  nextSerial: number;
  azUp: boolean[];
  regionUp: boolean;
  lastAccrueMs: number;
  instanceMs: number;
  /** Simple-scaling cooldown: simple policies stay quiet until then. */
  cooldownUntilMs: number;
  /** Consecutive breaching datapoints per alarm (target tracking has two: high, then low). */
  streaks: number[];
  activities: number;
  peakInService: number;
  series: AsgSeries;
}

export interface AlarmView {
  policyId: string;
  alarm: "high" | "low" | "policy";
  streak: number;
  inAlarm: boolean;
}

export interface AutoScalingGroupView {
  nowMs: number;
  id: string;
  minSize: number;
  maxSize: number;
  desired: number;
  pending: number;
  inService: number;
  warmingUp: number;
  counted: number;
  failed: number;
  instances: AsgInstance[];
  instanceHours: number;
  costUsd: number;
  activities: number;
  peakInService: number;
  alarms: AlarmView[];
  series: AsgSeries;
}

/**
 * AWS's rounding of a PercentChangeInCapacity result: values greater than 1 are rounded down, values between 0 and
 * 1 are rounded to 1, values between 0 and -1 are rounded to -1, values less than -1 are rounded up.
 */
export function roundPercentAdjustment(raw: number): number {
  if (raw >= 1) return Math.floor(raw);
  if (raw > 0) return 1;
  if (raw === 0) return 0;
  if (raw > -1) return -1;
  return Math.ceil(raw);
}

/**
 * The change in instances of a ChangeInCapacity or PercentChangeInCapacity adjustment applied to `capacity`
 * (MinAdjustmentMagnitude applies to percentages only, as in AWS).
 */
export function capacityChange(
  adjustmentType: Exclude<AdjustmentType, "ExactCapacity">,
  adjustment: number,
  capacity: number,
  minAdjustmentMagnitude = 0,
): number {
  if (adjustmentType === "ChangeInCapacity") return adjustment;
  const change = roundPercentAdjustment((capacity * adjustment) / 100);
  if (change !== 0 && Math.abs(change) < minAdjustmentMagnitude) return Math.sign(change) * minAdjustmentMagnitude;
  return change;
}

/**
 * The step whose interval holds `metric − threshold`. Above the threshold a step's lower bound is inclusive and
 * its upper bound exclusive; below it, the other way round (AWS StepAdjustment). Exactly at the threshold counts
 * as above for alarms that fire on ≥ or >, as below for alarms that fire on ≤ or <.
 */
export function findStep(steps: readonly StepAdjustment[], alarm: MetricAlarmSpec, metric: number): StepAdjustment | null {
  const diff = metric - alarm.threshold;
  const above = diff > 0 || (diff === 0 && (alarm.comparison === ">=" || alarm.comparison === ">"));
  for (const s of steps) {
    const lo = s.lowerBound ?? -Infinity;
    const hi = s.upperBound ?? Infinity;
    if (above ? lo <= diff && diff < hi : lo < diff && diff <= hi) return s;
  }
  return null;
}

/** Target tracking's proportional capacity: ceil(current × metric / target). */
export function targetTrackingCapacity(current: number, metric: number, targetValue: number): number {
  // Rounded to 1e-9 first so a ratio such as 0.9 / 0.5 that lands a hair above a whole number is not bumped up.
  return Math.ceil(Math.round(((current * metric) / targetValue) * 1e9) / 1e9);
}

/** Throws unless the steps follow AWS's rules: no gaps or overlaps, at most one open end each way. */
function validateSteps(policyId: string, steps: readonly StepAdjustment[]): void {
  if (steps.length === 0) throw new Error(`Step policy "${policyId}" needs at least one step.`);
  const sorted = [...steps].sort((x, y) => (x.lowerBound ?? -Infinity) - (y.lowerBound ?? -Infinity));
  sorted.forEach((s, i) => {
    if (s.lowerBound === null && s.upperBound === null) throw new Error(`Step policy "${policyId}": a step needs a bound.`);
    if ((s.lowerBound ?? -Infinity) >= (s.upperBound ?? Infinity)) throw new Error(`Step policy "${policyId}": empty step.`);
    const next = sorted[i + 1];
    if (next && s.upperBound !== next.lowerBound) throw new Error(`Step policy "${policyId}": steps overlap or leave a gap.`);
  });
}

function breaches(alarm: MetricAlarmSpec, metric: number): boolean {
  switch (alarm.comparison) {
    case ">=":
      return metric >= alarm.threshold;
    case ">":
      return metric > alarm.threshold;
    case "<":
      return metric < alarm.threshold;
    case "<=":
      return metric <= alarm.threshold;
  }
}

interface Proposal {
  capacity: number;
  cause: string;
  simpleCooldownMs: number | null;
}

export class AutoScalingGroup implements SimModel<AsgState>, FaultSink {
  readonly name: string;
  readonly id: string;
  private readonly sim: SimContext<AutoscalingLogEntry>;
  private readonly config: AutoScalingGroupConfig;
  private readonly metric: MetricSource;
  private readonly azIds: string[];
  private readonly warmupMs: number;
  private readonly cooldownMs: number;
  private readonly periodMs: number;
  /** Index of each policy's first alarm streak. */
  private readonly streakAt: number[] = [];
  private readonly kinds: { tick: number; inService: number; scheduled: number };
  private state: AsgState;

  constructor(sim: SimContext<AutoscalingLogEntry>, config: AutoScalingGroupConfig, metric: MetricSource) {
    this.sim = sim;
    this.config = config;
    this.metric = metric;
    this.id = config.id;
    this.name = `autoscaling/${config.id}`;
    this.azIds = config.azIds && config.azIds.length > 0 ? config.azIds : [`${config.id}-az`];
    this.warmupMs = config.instanceWarmupMs ?? 300_000;
    this.cooldownMs = config.defaultCooldownMs ?? 300_000;
    this.periodMs = config.metricPeriodMs ?? 60_000;
    const { minSize, maxSize, desiredCapacity } = config;
    if (!(Number.isInteger(minSize) && Number.isInteger(maxSize) && 0 <= minSize && minSize <= maxSize)) {
      throw new Error(`Group "${config.id}" needs whole sizes with 0 ≤ min ≤ max.`);
    }
    if (!(Number.isInteger(desiredCapacity) && minSize <= desiredCapacity && desiredCapacity <= maxSize)) {
      throw new Error(`Group "${config.id}": desired capacity must be a whole number within [min, max].`);
    }
    if (!(this.periodMs > 0 && config.launchTimeMs >= 0 && this.warmupMs >= 0)) {
      throw new Error(`Group "${config.id}" needs a positive metric period and non-negative launch and warm-up times.`);
    }
    let streaks = 0;
    for (const p of config.policies ?? []) {
      this.streakAt.push(streaks);
      streaks += p.kind === "target-tracking" ? 2 : 1;
      if (p.kind === "target-tracking" && !(p.targetValue > 0)) throw new Error(`Policy "${p.id}" needs a positive target.`);
      if (p.kind === "step") validateSteps(p.id, p.steps);
    }
    const now = sim.nowMs;
    this.state = {
      minSize,
      maxSize,
      desired: desiredCapacity,
      instances: [],
      nextSerial: 1,
      azUp: this.azIds.map(() => true),
      regionUp: true,
      lastAccrueMs: now,
      instanceMs: 0,
      cooldownUntilMs: 0,
      streaks: new Array<number>(streaks).fill(0),
      activities: 0,
      peakInService: desiredCapacity,
      series: { atMs: [], metric: [], desired: [], inService: [], counted: [] },
    };
    for (let i = 0; i < desiredCapacity; i++) {
      const inst = this.newInstance();
      inst.state = "in-service";
      inst.inServiceAtMs = now;
      inst.countedFromMs = now;
    }
    const prefix = `autoscaling/${config.id}`;
    this.kinds = {
      // Launch completions and scheduled actions run before a datapoint at the same instant (priority 0 < 1).
      tick: sim.defineEvent(`${prefix}/tick`, () => this.onTick()),
      inService: sim.defineEvent(`${prefix}/in-service`, (a) => this.onInService(a)),
      scheduled: sim.defineEvent(`${prefix}/scheduled`, (a) => this.onScheduled(a)),
    };
    sim.addModel(this);
    sim.schedule(now + this.periodMs, this.kinds.tick, 0, 0, 1);
    (config.scheduledActions ?? []).forEach((a, i) => sim.schedule(a.atMs, this.kinds.scheduled, i));
  }

  /** Manual scaling (SetDesiredCapacity): clamped to [min, max]; no cooldown. */
  setDesiredCapacity(desired: number, cause = "manual"): void {
    this.changeDesired(desired, cause, null);
  }

  /** The instance stops working now; the next health check terminates and replaces it. */
  crashInstance(instanceId: string): boolean {
    const inst = this.state.instances.find((i) => i.id === instanceId);
    if (!inst || inst.state === "failed") return false;
    this.fail(inst);
    return true;
  }

  applyFault(fault: Fault, failed: boolean): void {
    if (fault.kind === "instance") {
      if (failed) this.crashInstance(fault.id);
    } else if (fault.kind === "az") {
      const z = this.azIds.indexOf(fault.id);
      if (z < 0 || this.state.azUp[z] === !failed) return;
      this.state.azUp[z] = !failed;
      if (failed) for (const inst of this.state.instances) if (inst.azId === fault.id && inst.state !== "failed") this.fail(inst);
      if (!failed) this.reconcile();
    } else if (fault.kind === "region" && fault.id === this.config.regionId) {
      if (this.state.regionUp === !failed) return;
      this.state.regionUp = !failed;
      if (failed) for (const inst of this.state.instances) if (inst.state !== "failed") this.fail(inst);
      if (!failed) this.reconcile();
    }
  }

  view(): AutoScalingGroupView {
    const s = this.state;
    const now = this.sim.nowMs;
    const c = this.counts();
    const instanceMs = s.instanceMs + s.instances.length * (now - s.lastAccrueMs);
    const alarms: AlarmView[] = [];
    (this.config.policies ?? []).forEach((p, i) => {
      const at = this.streakAt[i] as number;
      if (p.kind === "target-tracking") {
        alarms.push(this.alarmView(p.id, "high", at, p.scaleOutEvaluationPeriods ?? 3));
        alarms.push(this.alarmView(p.id, "low", at + 1, p.scaleInEvaluationPeriods ?? 15));
      } else alarms.push(this.alarmView(p.id, "policy", at, p.alarm.evaluationPeriods ?? 1));
    });
    return {
      nowMs: now,
      id: this.id,
      minSize: s.minSize,
      maxSize: s.maxSize,
      desired: s.desired,
      ...c,
      instances: clonePlain(s.instances),
      instanceHours: instanceMs / MS_PER_HOUR,
      costUsd: (instanceMs * this.config.costPerInstanceHour) / MS_PER_HOUR,
      activities: s.activities,
      peakInService: s.peakInService,
      alarms,
      series: clonePlain(s.series),
    };
  }

  snapshot(): AsgState {
    return clonePlain(this.state);
  }

  restore(state: AsgState): void {
    this.state = clonePlain(state);
  }

  private alarmView(policyId: string, alarm: AlarmView["alarm"], at: number, periods: number): AlarmView {
    const streak = this.state.streaks[at] as number;
    return { policyId, alarm, streak, inAlarm: streak >= periods };
  }

  private counts(): { pending: number; inService: number; warmingUp: number; counted: number; failed: number } {
    const now = this.sim.nowMs;
    let pending = 0;
    let inService = 0;
    let counted = 0;
    let failed = 0;
    for (const i of this.state.instances) {
      if (i.state === "pending") pending++;
      else if (i.state === "failed") failed++;
      else {
        inService++;
        if (now >= i.countedFromMs) counted++;
      }
    }
    return { pending, inService, warmingUp: inService - counted, counted, failed };
  }

  /** Bills every instance that exists (pending, in service or failed but not yet terminated) up to now. */
  private accrue(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    s.instanceMs += s.instances.length * (now - s.lastAccrueMs);
    s.lastAccrueMs = now;
  }

  private newInstance(): AsgInstance {
    const s = this.state;
    const counts = this.azIds.map(() => 0);
    for (const i of s.instances) {
      const z = this.azIds.indexOf(i.azId);
      counts[z] = (counts[z] as number) + 1;
    }
    // Balance: the up AZ with the fewest instances, then configuration order.
    let best = -1;
    this.azIds.forEach((_, z) => {
      if (s.azUp[z] && (best < 0 || (counts[z] as number) < (counts[best] as number))) best = z;
    });
    const inst: AsgInstance = {
      id: `${this.id}-${s.nextSerial++}`,
      azId: this.azIds[best] as string,
      state: "pending",
      launchedAtMs: this.sim.nowMs,
      inServiceAtMs: -1,
      countedFromMs: -1,
    };
    s.instances.push(inst);
    return inst;
  }

  private canLaunch(): boolean {
    return this.state.regionUp && this.state.azUp.some((up) => up);
  }

  /** Launches or terminates instances until the group holds `desired` (failed ones count until replaced). */
  private reconcile(): void {
    this.accrue();
    const s = this.state;
    const now = this.sim.nowMs;
    let missing = s.desired - s.instances.length;
    if (missing > 0 && !this.canLaunch()) {
      this.sim.emit({ type: "asg-launch-blocked", atMs: now, groupId: this.id, missing });
      return;
    }
    for (; missing > 0; missing--) {
      const inst = this.newInstance();
      const serial = Number(inst.id.slice(this.id.length + 1));
      this.sim.emit({ type: "asg-launch", atMs: now, groupId: this.id, instanceId: inst.id, azId: inst.azId });
      this.sim.schedule(now + this.config.launchTimeMs, this.kinds.inService, serial);
    }
    for (; missing < 0; missing++) {
      const victim = this.pickVictim();
      s.instances.splice(s.instances.indexOf(victim), 1);
      this.sim.emit({ type: "asg-terminate", atMs: now, groupId: this.id, instanceId: victim.id, reason: "scale-in" });
    }
  }

  /**
   * Which instance a scale-in terminates: a failed one, else a pending one, else one from the AZ with the most
   * instances (AWS balances AZs first); among those the newest (AWS would next look at launch templates and the
   * billing hour, which do not differ here).
   */
  private pickVictim(): AsgInstance {
    const list = this.state.instances;
    const failed = list.find((i) => i.state === "failed");
    if (failed) return failed;
    const pending = list.filter((i) => i.state === "pending");
    if (pending.length > 0) return pending[pending.length - 1] as AsgInstance;
    const perAz = new Map<string, number>();
    for (const i of list) perAz.set(i.azId, (perAz.get(i.azId) ?? 0) + 1);
    let victim = list[list.length - 1] as AsgInstance;
    for (const i of list) if ((perAz.get(i.azId) ?? 0) > (perAz.get(victim.azId) ?? 0)) victim = i;
    const az = victim.azId;
    return list.filter((i) => i.azId === az).pop() as AsgInstance;
  }

  private fail(inst: AsgInstance): void {
    inst.state = "failed";
    this.sim.emit({ type: "asg-instance-failed", atMs: this.sim.nowMs, groupId: this.id, instanceId: inst.id });
  }

  private onInService(serial: number): void {
    const inst = this.state.instances.find((i) => i.id === `${this.id}-${serial}`);
    // Gone (terminated while pending) or failed (its AZ went down while it booted): nothing to do.
    if (!inst || inst.state !== "pending") return;
    const now = this.sim.nowMs;
    inst.state = "in-service";
    inst.inServiceAtMs = now;
    inst.countedFromMs = now + this.warmupMs;
    this.state.peakInService = Math.max(this.state.peakInService, this.counts().inService);
    this.sim.emit({ type: "asg-in-service", atMs: now, groupId: this.id, instanceId: inst.id });
  }

  private onScheduled(i: number): void {
    const a = (this.config.scheduledActions ?? [])[i] as ScheduledAction;
    const s = this.state;
    const minSize = a.minSize ?? s.minSize;
    const maxSize = a.maxSize ?? s.maxSize;
    if (minSize > maxSize) throw new Error(`Scheduled action at ${a.atMs} ms would set min ${minSize} > max ${maxSize}.`);
    s.minSize = minSize;
    s.maxSize = maxSize;
    // A new min or max pulls the desired capacity inside the new range, as AWS does.
    this.changeDesired(a.desiredCapacity ?? s.desired, "scheduled", null);
  }

  private onTick(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    // Health check: failed instances are terminated (billing stops) and replaced.
    if (s.instances.some((i) => i.state === "failed")) {
      this.accrue();
      for (const inst of s.instances.filter((i) => i.state === "failed")) {
        this.sim.emit({ type: "asg-terminate", atMs: now, groupId: this.id, instanceId: inst.id, reason: "unhealthy" });
      }
      s.instances = s.instances.filter((i) => i.state !== "failed");
    }
    if (s.instances.length !== s.desired) this.reconcile();
    const c = this.counts();
    const metric = c.counted > 0 ? this.metric({ atMs: now, countedInstances: c.counted, inServiceInstances: c.inService, desiredCapacity: s.desired }) : null;
    const proposals = metric === null ? [] : this.evaluatePolicies(metric, c.counted, c.pending + c.warmingUp > 0);
    if (proposals.length > 0) {
      // AWS: when policies conflict, the one giving the largest capacity wins, for scale-out and scale-in alike.
      const best = proposals.reduce((x, y) => (y.capacity > x.capacity ? y : x));
      this.changeDesired(best.capacity, best.cause, metric, best.simpleCooldownMs);
    }
    const after = this.counts();
    s.series.atMs.push(now);
    s.series.metric.push(metric);
    s.series.desired.push(s.desired);
    s.series.inService.push(after.inService);
    s.series.counted.push(after.counted);
    this.sim.schedule(now + this.periodMs, this.kinds.tick, 0, 0, 1);
  }

  /** Updates every alarm with the datapoint and collects the capacities the policies in ALARM ask for. */
  private evaluatePolicies(metric: number, current: number, warming: boolean): Proposal[] {
    const s = this.state;
    const now = this.sim.nowMs;
    const out: Proposal[] = [];
    const bump = (at: number, breaching: boolean): number => {
      const streak = breaching ? (s.streaks[at] as number) + 1 : 0;
      s.streaks[at] = streak;
      return streak;
    };
    // Scale-out proposals only ever raise desired (warming instances already count toward it); dynamic scale-in
    // waits until nothing is pending or warming up.
    const propose = (capacity: number, cause: string, simpleCooldownMs: number | null = null): void => {
      if (capacity > s.desired || (capacity < s.desired && !warming)) out.push({ capacity, cause, simpleCooldownMs });
    };
    (this.config.policies ?? []).forEach((p, i) => {
      const at = this.streakAt[i] as number;
      if (p.kind === "target-tracking") {
        const high = bump(at, metric > p.targetValue) >= (p.scaleOutEvaluationPeriods ?? 3);
        const lowThreshold = p.targetValue * (p.scaleInThresholdFraction ?? 0.9);
        const low = bump(at + 1, metric < lowThreshold) >= (p.scaleInEvaluationPeriods ?? 15);
        const capacity = targetTrackingCapacity(current, metric, p.targetValue);
        if (high && capacity > s.desired) propose(capacity, p.id);
        if (low && !p.disableScaleIn && capacity < s.desired) propose(capacity, p.id);
        return;
      }
      if (bump(at, breaches(p.alarm, metric)) < (p.alarm.evaluationPeriods ?? 1)) return;
      if (p.kind === "step") {
        const step = findStep(p.steps, p.alarm, metric);
        if (step) propose(this.adjusted(p.adjustmentType, step.scalingAdjustment, current, p.minAdjustmentMagnitude), p.id);
        return;
      }
      // Simple scaling waits out its cooldown and applies its adjustment to the desired capacity.
      if (now < s.cooldownUntilMs || s.instances.some((inst) => inst.state === "pending")) return;
      const capacity = this.adjusted(p.adjustmentType, p.scalingAdjustment, s.desired, p.minAdjustmentMagnitude);
      if (capacity !== s.desired) out.push({ capacity, cause: p.id, simpleCooldownMs: p.cooldownMs ?? this.cooldownMs });
    });
    return out;
  }

  private adjusted(type: AdjustmentType, adjustment: number, base: number, minMagnitude = 0): number {
    if (type === "ExactCapacity") return adjustment;
    return base + capacityChange(type, adjustment, base, minMagnitude);
  }

  private changeDesired(requested: number, cause: string, metric: number | null, simpleCooldownMs: number | null = null): void {
    const s = this.state;
    const desired = Math.min(s.maxSize, Math.max(s.minSize, Math.round(requested)));
    const now = this.sim.nowMs;
    if (simpleCooldownMs !== null) {
      // The cooldown starts once the activity completes: launched instances InService, or at once for scale-in.
      const doneAtMs = desired > s.desired ? now + this.config.launchTimeMs : now;
      s.cooldownUntilMs = doneAtMs + simpleCooldownMs;
    }
    if (desired === s.desired) return;
    s.activities++;
    this.sim.emit({ type: "asg-scaling", atMs: now, groupId: this.id, cause, fromDesired: s.desired, toDesired: desired, metric });
    s.desired = desired;
    this.reconcile();
  }
}

/** A demand curve in requests per second: piecewise constant (`step`) or linear between points. */
export interface DemandSeries {
  /** [atMs, requestsPerSec] pairs in increasing time; the first value holds before, the last after. */
  points: [number, number][];
  interpolation: "step" | "linear";
}

export function demandRateAt(series: DemandSeries, atMs: number): number {
  const pts = series.points;
  const first = pts[0];
  if (!first) return 0;
  if (atMs <= first[0]) return first[1];
  for (let i = 1; i < pts.length; i++) {
    const [t1, v1] = pts[i] as [number, number];
    if (atMs < t1) {
      const [t0, v0] = pts[i - 1] as [number, number];
      return series.interpolation === "step" ? v0 : v0 + ((v1 - v0) * (atMs - t0)) / (t1 - t0);
    }
  }
  return (pts[pts.length - 1] as [number, number])[1];
}

export interface LoadSpec {
  demand: DemandSeries;
  /** Requests per second one instance serves at 100 % CPU. */
  capacityPerInstanceRps: number;
}

/**
 * Average CPU utilisation (%) of the counted instances when a load balancer spreads the demand evenly over every
 * InService instance: 100 × demand / (inService × capacity), at most 100. Warming instances take their share of
 * traffic but, as in AWS, not part in the average.
 */
export function cpuUtilizationMetric(load: LoadSpec): MetricSource {
  return ({ atMs, inServiceInstances }) =>
    Math.min(100, (100 * demandRateAt(load.demand, atMs)) / (inServiceInstances * load.capacityPerInstanceRps));
}

/** Requests per second per InService instance (the idea of ALBRequestCountPerTarget, per second not per minute). */
export function requestsPerInstanceMetric(load: LoadSpec): MetricSource {
  return ({ atMs, inServiceInstances }) => demandRateAt(load.demand, atMs) / inServiceInstances;
}

export interface LoadSummary {
  /** Requests offered over the measured datapoints (each datapoint stands for one metric period before it). */
  requests: number;
  served: number;
  unserved: number;
  servedFraction: number;
}

/**
 * Served and unserved requests, period by period from a group's series: in each period the InService instances
 * serve up to `capacityPerInstanceRps` each. An approximation at the metric period's resolution.
 */
export function summarizeLoad(series: AsgSeries, load: LoadSpec, periodMs: number): LoadSummary {
  let requests = 0;
  let served = 0;
  series.atMs.forEach((atMs, i) => {
    const demand = demandRateAt(load.demand, atMs);
    const capacity = (series.inService[i] as number) * load.capacityPerInstanceRps;
    requests += (demand * periodMs) / 1000;
    served += (Math.min(demand, capacity) * periodMs) / 1000;
  });
  return { requests, served, unserved: requests - served, servedFraction: requests > 0 ? served / requests : 1 };
}
