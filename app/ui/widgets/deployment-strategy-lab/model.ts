/**
 * The deployment strategy lab's pure logic, composed from lib/sim's Simulation, seeded streams and token buckets.
 * A fleet of FLEET_SIZE instances behind a load balancer serves Poisson traffic; each instance can take up to
 * INSTANCE_RPS requests per second (a token bucket; beyond it, 503). At DEPLOY_AT_MS a new version (v2) is deployed
 * with one of four strategies:
 *
 * - all at once (in place): every instance is taken out, updated and put back together;
 * - rolling (in place): `batch` instances at a time;
 * - blue/green: a second, full fleet (green) is launched with v2, then all traffic switches to it;
 * - canary: the green fleet first gets `canaryPct` % of the traffic for `canaryMinutes`, then all of it.
 *
 * After the final switch (or the last in-place batch) the deployment bakes for KEEP_OLD_MS: blue/green and canary keep
 * the old fleet until then. An alarm watches the new version's error rate over ALARM_PERIOD_MS periods while the
 * deployment runs or bakes; with automatic
 * rollback on, it rolls back: in place by redeploying v1 the same way, blue/green and canary by switching traffic
 * back to the old fleet. The new version may be bad (a higher error rate), by the learner's choice or by the seed.
 * No React, so it is unit-tested.
 */
import { ArrivalProcess, Simulation, TokenBucket, type LogEntry } from "@/lib/sim";

export const SEC_MS = 1_000;
export const MIN_MS = 60 * SEC_MS;
export const LAB_END_MS = 15 * MIN_MS;
export const BUCKET_MS = 10 * SEC_MS;
export const DEPLOY_AT_MS = 30 * SEC_MS;

export const FLEET_SIZE = 6;
export const RATE_PER_SEC = 100;
export const INSTANCE_RPS = 25;
/** Taking an instance out, installing the version, starting it and passing health checks; or launching a new one. */
export const LAUNCH_MS = 90 * SEC_MS;
/** The bake after the final switch: alarms still watched; blue/green and canary keep the old fleet for a fast rollback. */
export const KEEP_OLD_MS = 5 * MIN_MS;
/** The alarm: the new version's error rate over one period above the threshold, with at least the minimum requests. */
export const ALARM_PERIOD_MS = 60 * SEC_MS;
export const ALARM_THRESHOLD = 0.02;
export const ALARM_MIN_REQUESTS = 20;
/** Error rates of the versions. */
export const V1_ERROR_RATE = 0.001;
export const GOOD_V2_ERROR_RATE = 0.001;
export const BAD_V2_ERROR_RATE = 0.05;
/** Illustrative price of one instance-hour. */
export const INSTANCE_PER_HOUR = 0.1;

export type Strategy = "all-at-once" | "rolling" | "blue-green" | "canary";
export const STRATEGIES: Record<Strategy, string> = {
  "all-at-once": "All at once (in place)",
  rolling: "Rolling (in place, in batches)",
  "blue-green": "Blue/green (new fleet, switch)",
  canary: "Canary (new fleet, a share first)",
};
export type NewVersion = "good" | "bad" | "random";
export const NEW_VERSIONS: Record<NewVersion, string> = {
  good: "Good (0.1 % errors, like v1)",
  bad: "Bad (5 % of its requests fail)",
  random: "Unknown: the seed decides (50 % chance bad)",
};
export const BATCHES = [1, 2, 3] as const;
export const CANARY_PCTS = [5, 10, 25] as const;
export const CANARY_MINUTES = [2, 5] as const;

export interface DeployConfig {
  strategy: Strategy;
  batch: number;
  canaryPct: number;
  canaryMinutes: number;
  newVersion: NewVersion;
  autoRollback: boolean;
}

export const DEFAULT_CONFIG: DeployConfig = {
  strategy: "rolling",
  batch: 2,
  canaryPct: 10,
  canaryMinutes: 5,
  newVersion: "bad",
  autoRollback: true,
};

export type InstanceState = "in-service" | "updating" | "launching" | "terminated";

export interface Instance {
  id: number;
  fleet: "blue" | "green";
  version: 1 | 2;
  state: InstanceState;
  /** While updating: the version it will come back with. */
  target: 1 | 2;
  bucket: TokenBucket;
  /** When it last started to cost money (for instance-seconds). */
  since: number;
}

export type Phase = "before" | "deploying" | "canary" | "switched" | "rolling-back" | "rolled-back" | "done";

export interface DeployBucket {
  endSec: number;
  requests: number;
  failed: number;
  /** Share of requests served by v2, 0–1. */
  v2Share: number;
  /** In-service capacity at the bucket's end, as a share of normal. */
  capacity: number;
}

export interface DeployHandle {
  sim: Simulation<LogEntry>;
  config: DeployConfig;
  bad: boolean;
  instances: Instance[];
  phase: Phase;
  /** In-place strategies: the version being rolled out (2, or 1 while rolling back). */
  inPlaceTarget: 1 | 2;
  /** Blue/green and canary: share of traffic sent to the green fleet. */
  greenWeight: number;
  kinds: { arrive: number; alarm: number; launched: number; updated: number; step: number };
  /** The users' requests: Poisson at RATE_PER_SEC, drawn on the "deploy-lab/arrivals" stream. */
  arrivals: ArrivalProcess;
  totals: { requests: number; v2Requests: number; v2Errors: number; versionErrors: number; capacityErrors: number };
  period: { v2Requests: number; v2Errors: number };
  firstV2AtMs: number | null;
  detectedAtMs: number | null;
  recoveredAtMs: number | null;
  doneAtMs: number | null;
  minCapacity: number;
  instanceMs: number;
  bucket: { requests: number; failed: number; v2: number };
  buckets: DeployBucket[];
}

export function isBlueGreen(strategy: Strategy): boolean {
  return strategy === "blue-green" || strategy === "canary";
}

export function createDeployLab(config: DeployConfig, seed: number): DeployHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 100 });
  const bad = config.newVersion === "bad" || (config.newVersion === "random" && sim.stream("deploy-lab/verdict").next() < 0.5);
  const instances: Instance[] = [];
  for (let i = 0; i < FLEET_SIZE; i++) instances.push(newInstance(i, "blue", 1, "in-service", 0));
  const h: DeployHandle = {
    sim,
    config,
    bad,
    instances,
    phase: "before",
    inPlaceTarget: 2,
    greenWeight: 0,
    kinds: { arrive: -1, alarm: -1, launched: -1, updated: -1, step: -1 },
    arrivals: new ArrivalProcess({ kind: "poisson", ratePerSec: RATE_PER_SEC }),
    totals: { requests: 0, v2Requests: 0, v2Errors: 0, versionErrors: 0, capacityErrors: 0 },
    period: { v2Requests: 0, v2Errors: 0 },
    firstV2AtMs: null,
    detectedAtMs: null,
    recoveredAtMs: null,
    doneAtMs: null,
    minCapacity: 1,
    instanceMs: 0,
    bucket: { requests: 0, failed: 0, v2: 0 },
    buckets: [],
  };
  h.kinds.arrive = sim.defineEvent("deploy-lab/arrive", () => onArrive(h));
  h.kinds.updated = sim.defineEvent("deploy-lab/updated", (id) => onUpdated(h, id));
  h.kinds.launched = sim.defineEvent("deploy-lab/launched", () => onGreenLaunched(h));
  h.kinds.step = sim.defineEvent("deploy-lab/step", (step) => onStep(h, step));
  h.kinds.alarm = sim.defineEvent("deploy-lab/alarm", () => onAlarmPeriod(h));
  const bucketKind = sim.defineEvent("deploy-lab/bucket", () => {
    closeBucket(h);
    if (sim.nowMs + BUCKET_MS <= LAB_END_MS) sim.schedule(sim.nowMs + BUCKET_MS, bucketKind, 0, 0, 2);
  });
  const start = sim.defineEvent("deploy-lab/start", () => startDeployment(h));
  sim.schedule(DEPLOY_AT_MS, start);
  sim.schedule(h.arrivals.next(0, sim.stream("deploy-lab/arrivals")), h.kinds.arrive);
  sim.schedule(ALARM_PERIOD_MS, h.kinds.alarm, 0, 0, 1);
  sim.schedule(BUCKET_MS, bucketKind, 0, 0, 2);
  return h;
}

function newInstance(id: number, fleet: "blue" | "green", version: 1 | 2, state: InstanceState, now: number): Instance {
  return { id, fleet, version, state, target: version, bucket: new TokenBucket(INSTANCE_RPS, INSTANCE_RPS, now), since: now };
}

function terminate(h: DeployHandle, inst: Instance): void {
  if (inst.state === "terminated") return;
  h.instanceMs += h.sim.nowMs - inst.since;
  inst.state = "terminated";
}

/** In-service capacity (requests per second) of the instances that may receive traffic now, as a share of normal. */
export function servingCapacity(h: DeployHandle): number {
  let n = 0;
  for (const inst of h.instances) if (inst.state === "in-service" && weightOf(h, inst) > 0) n++;
  return n / FLEET_SIZE;
}

function weightOf(h: DeployHandle, inst: Instance): number {
  if (!isBlueGreen(h.config.strategy)) return 1;
  return inst.fleet === "green" ? h.greenWeight : 1 - h.greenWeight;
}

function noteCapacity(h: DeployHandle): void {
  const c = servingCapacity(h);
  if (c < h.minCapacity) h.minCapacity = c;
}

function startDeployment(h: DeployHandle): void {
  const now = h.sim.nowMs;
  h.phase = "deploying";
  if (isBlueGreen(h.config.strategy)) {
    for (let i = 0; i < FLEET_SIZE; i++) h.instances.push(newInstance(FLEET_SIZE + i, "green", 2, "launching", now));
    h.sim.schedule(now + LAUNCH_MS, h.kinds.launched);
  } else {
    nextInPlaceBatch(h);
  }
}

/** In place: when no instance is updating, take the next batch of in-service instances not yet on the target version. */
function nextInPlaceBatch(h: DeployHandle): void {
  if (h.instances.some((i) => i.state === "updating")) return;
  const size = h.config.strategy === "all-at-once" ? FLEET_SIZE : h.config.batch;
  const todo = h.instances.filter((i) => i.state === "in-service" && i.version !== h.inPlaceTarget).slice(0, size);
  if (todo.length === 0) {
    if (h.phase === "rolling-back") {
      h.phase = "rolled-back";
      h.recoveredAtMs = h.sim.nowMs;
      h.doneAtMs = h.sim.nowMs;
    } else if (h.phase === "deploying") {
      // Every instance runs v2: bake, with the alarm still watched, before calling the deployment done.
      h.phase = "switched";
      h.sim.schedule(h.sim.nowMs + KEEP_OLD_MS, h.kinds.step, 2);
    }
    return;
  }
  for (const inst of todo) {
    inst.state = "updating";
    inst.target = h.inPlaceTarget;
    h.sim.schedule(h.sim.nowMs + LAUNCH_MS, h.kinds.updated, inst.id);
  }
  noteCapacity(h);
}

function onUpdated(h: DeployHandle, id: number): void {
  const inst = h.instances[id];
  if (!inst || inst.state !== "updating") return;
  inst.version = inst.target;
  inst.state = "in-service";
  inst.bucket = new TokenBucket(INSTANCE_RPS, INSTANCE_RPS, h.sim.nowMs);
  if (!h.instances.some((i) => i.state === "updating")) nextInPlaceBatch(h);
}

function onGreenLaunched(h: DeployHandle): void {
  if (h.phase !== "deploying") return;
  for (const inst of h.instances) if (inst.fleet === "green" && inst.state === "launching") inst.state = "in-service";
  const now = h.sim.nowMs;
  if (h.config.strategy === "canary") {
    h.phase = "canary";
    h.greenWeight = h.config.canaryPct / 100;
    h.sim.schedule(now + h.config.canaryMinutes * MIN_MS, h.kinds.step, 1);
  } else {
    switchAll(h);
  }
}

function switchAll(h: DeployHandle): void {
  h.phase = "switched";
  h.greenWeight = 1;
  h.sim.schedule(h.sim.nowMs + KEEP_OLD_MS, h.kinds.step, 2);
}

/** Step 1: the canary has baked, switch everything; step 2: the bake is over (blue/green and canary terminate the old fleet). */
function onStep(h: DeployHandle, step: number): void {
  if (step === 1 && h.phase === "canary") switchAll(h);
  else if (step === 2 && h.phase === "switched") {
    if (isBlueGreen(h.config.strategy)) for (const inst of h.instances) if (inst.fleet === "blue") terminate(h, inst);
    h.phase = "done";
    h.doneAtMs = h.sim.nowMs;
  }
}

function deploymentRunning(h: DeployHandle): boolean {
  return h.phase === "deploying" || h.phase === "canary" || h.phase === "switched";
}

function onAlarmPeriod(h: DeployHandle): void {
  const p = h.period;
  const breached = p.v2Requests >= ALARM_MIN_REQUESTS && p.v2Errors / p.v2Requests > ALARM_THRESHOLD;
  h.period = { v2Requests: 0, v2Errors: 0 };
  if (breached && h.detectedAtMs === null && deploymentRunning(h)) {
    h.detectedAtMs = h.sim.nowMs;
    if (h.config.autoRollback) rollBack(h);
  }
  if (h.sim.nowMs + ALARM_PERIOD_MS <= LAB_END_MS) h.sim.schedule(h.sim.nowMs + ALARM_PERIOD_MS, h.kinds.alarm, 0, 0, 1);
}

export function rollBack(h: DeployHandle): void {
  if (!deploymentRunning(h)) return;
  const now = h.sim.nowMs;
  if (isBlueGreen(h.config.strategy)) {
    // The old fleet is still running: send all traffic back to it, and terminate the new one.
    h.greenWeight = 0;
    for (const inst of h.instances) if (inst.fleet === "green") terminate(h, inst);
    h.phase = "rolled-back";
    h.recoveredAtMs = now;
    h.doneAtMs = now;
  } else {
    h.phase = "rolling-back";
    h.inPlaceTarget = 1;
    // Instances still being updated to v2 come back as v1 instead.
    for (const inst of h.instances) if (inst.state === "updating") inst.target = 1;
    nextInPlaceBatch(h);
  }
}

function pickInstance(h: DeployHandle): Instance | null {
  const rng = h.sim.stream("deploy-lab/lb");
  let candidates = h.instances.filter((i) => i.state === "in-service");
  if (isBlueGreen(h.config.strategy)) {
    const green = h.greenWeight > 0 && (h.greenWeight >= 1 || rng.next() < h.greenWeight);
    candidates = candidates.filter((i) => (i.fleet === "green") === green);
  }
  if (candidates.length === 0) return null;
  return candidates[rng.int(candidates.length)] as Instance;
}

function onArrive(h: DeployHandle): void {
  const { sim } = h;
  const now = sim.nowMs;
  h.totals.requests++;
  h.bucket.requests++;
  const inst = pickInstance(h);
  if (inst === null || !inst.bucket.tryTake(now)) {
    // No instance in service, or the chosen one is at capacity: 503.
    h.totals.capacityErrors++;
    h.bucket.failed++;
  } else {
    const v2 = inst.version === 2;
    if (v2) {
      h.totals.v2Requests++;
      h.bucket.v2++;
      h.period.v2Requests++;
      if (h.firstV2AtMs === null) h.firstV2AtMs = now;
    }
    const errorRate = v2 ? (h.bad ? BAD_V2_ERROR_RATE : GOOD_V2_ERROR_RATE) : V1_ERROR_RATE;
    if (sim.stream("deploy-lab/errors").next() < errorRate) {
      h.totals.versionErrors++;
      h.bucket.failed++;
      if (v2) {
        h.period.v2Errors++;
        h.totals.v2Errors++;
      }
    }
  }
  const next = h.arrivals.next(now, sim.stream("deploy-lab/arrivals"));
  if (next <= LAB_END_MS) sim.schedule(next, h.kinds.arrive);
}

function closeBucket(h: DeployHandle): void {
  const b = h.bucket;
  h.buckets.push({
    endSec: Math.round(h.sim.nowMs / SEC_MS),
    requests: b.requests,
    failed: b.failed,
    v2Share: b.requests === 0 ? 0 : b.v2 / b.requests,
    capacity: servingCapacity(h),
  });
  h.bucket = { requests: 0, failed: 0, v2: 0 };
}

export interface DeployView {
  nowMs: number;
  phase: Phase;
  bad: boolean | null;
  instances: { id: number; fleet: "blue" | "green"; version: 1 | 2; state: InstanceState; target: 1 | 2 }[];
  requests: number;
  failed: number;
  versionErrors: number;
  capacityErrors: number;
  v2Requests: number;
  /** Errors on requests v2 served. */
  v2Errors: number;
  capacity: number;
  minCapacity: number;
  firstV2AtMs: number | null;
  detectedAtMs: number | null;
  recoveredAtMs: number | null;
  doneAtMs: number | null;
  /** Instance-hours beyond the normal fleet, so far, and what they cost. */
  extraInstanceHours: number;
  extraCost: number;
  buckets: DeployBucket[];
}

export function viewDeployLab(h: DeployHandle): DeployView {
  const now = h.sim.nowMs;
  let instanceMs = h.instanceMs;
  for (const inst of h.instances) if (inst.state !== "terminated") instanceMs += now - inst.since;
  const extraInstanceHours = Math.max(0, instanceMs - FLEET_SIZE * now) / 3_600_000;
  const t = h.totals;
  return {
    nowMs: now,
    phase: h.phase,
    // The verdict is hidden until the run shows it (an alarm, or the end of the run).
    bad: h.config.newVersion !== "random" || h.detectedAtMs !== null || now >= LAB_END_MS ? h.bad : null,
    instances: h.instances.filter((i) => i.state !== "terminated").map((i) => ({ id: i.id, fleet: i.fleet, version: i.version, state: i.state, target: i.target })),
    requests: t.requests,
    failed: t.versionErrors + t.capacityErrors,
    versionErrors: t.versionErrors,
    capacityErrors: t.capacityErrors,
    v2Requests: t.v2Requests,
    v2Errors: t.v2Errors,
    capacity: servingCapacity(h),
    minCapacity: h.minCapacity,
    firstV2AtMs: h.firstV2AtMs,
    detectedAtMs: h.detectedAtMs,
    recoveredAtMs: h.recoveredAtMs,
    doneAtMs: h.doneAtMs,
    extraInstanceHours,
    extraCost: extraInstanceHours * INSTANCE_PER_HOUR,
    buckets: h.buckets.slice(),
  };
}

/** Failures the bad version alone would cause if every request went to it for the whole exposure. */
export function expectedBadFailures(ratePerSec: number, share: number, errorRate: number, exposureMs: number): number {
  return (ratePerSec * share * errorRate * exposureMs) / SEC_MS;
}

const PHASES: Record<Phase, string> = {
  before: "v1 serving; the deployment starts at 30 s",
  deploying: "deploying v2",
  canary: "canary: a share of traffic on v2",
  switched: "all traffic on v2, baking: the alarm is still watched",
  "rolling-back": "rolling back to v1",
  "rolled-back": "rolled back to v1",
  done: "deployment complete",
};

export function phaseLabel(phase: Phase): string {
  return PHASES[phase];
}

const sec = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / SEC_MS)} s`);
const n = (x: number) => x.toLocaleString("en-US");

/** The aria-live summary: announces the set-up, a pause, the alarm and the end; quiet while playing. */
export function statusMessage(config: DeployConfig, v: DeployView, state: { playing: boolean; ended: boolean }): string {
  const how =
    config.strategy === "rolling"
      ? `rolling, ${config.batch} at a time`
      : config.strategy === "canary"
        ? `canary, ${config.canaryPct} % for ${config.canaryMinutes} min`
        : STRATEGIES[config.strategy].toLowerCase();
  if (v.nowMs === 0) {
    return `${FLEET_SIZE} instances serve ${RATE_PER_SEC} requests per second. At 30 s, v2 is deployed ${how}; automatic rollback is ${config.autoRollback ? "on" : "off"}. Press Play.`;
  }
  if (state.playing) {
    return v.detectedAtMs !== null
      ? `Alarm at ${sec(v.detectedAtMs)}: v2's error rate crossed ${ALARM_THRESHOLD * 100} %.${config.autoRollback ? " Rolling back." : " No automatic rollback."}`
      : `Running: ${phaseLabel(v.phase)}. Pause to hear the numbers.`;
  }
  const verdict = v.bad === null ? "" : v.bad ? " v2 was bad." : " v2 was good.";
  const body =
    `${phaseLabel(v.phase)}.${verdict} ${n(v.failed)} of ${n(v.requests)} requests failed (${n(v.versionErrors)} errors, ${n(v.capacityErrors)} for lack of capacity); ` +
    `v2 served ${n(v.v2Requests)}; alarm ${v.detectedAtMs === null ? "not raised" : `at ${sec(v.detectedAtMs)}`}; lowest capacity ${Math.round(v.minCapacity * 100)} %; extra cost $${v.extraCost.toFixed(2)}.`;
  return state.ended ? `Run finished: ${body}` : `Paused at ${Math.round(v.nowMs / SEC_MS)} s: ${body}`;
}
