/**
 * The pure simulation side of RightSizingLab: a web workload (requests per second, CPU milliseconds per request, a
 * memory working set per instance) served by N instances of one type behind a load balancer (lib/sim ServiceModel).
 *
 * - Each instance is a ServiceModel target with one worker per vCPU, so CPU utilisation, queueing and latency come
 *   from the engine.
 * - Memory: an instance whose memory (minus what the OS and agents keep) is smaller than the working set is killed by
 *   the out-of-memory killer shortly after it starts, and restarts: a crash loop, so its requests fail.
 * - Burstable types earn CPU credits at their baseline rate (one credit = one vCPU at 100 % for one minute) and spend
 *   them on the CPU they use. In standard mode an instance with no credits left runs at its baseline: modelled as a
 *   second, slower target (speed = baseline) that the load balancer switches to, and back once a credit has been
 *   earned. EC2 lowers the CPU gradually; the lab switches at once. In unlimited mode it never slows down, and the
 *   surplus credits it spends with an empty balance are billed.
 *
 * Prices and overheads are illustrative (in the range of on-demand Linux prices in us-east-1 in 2026), not quotes.
 * Deterministic and React-free, so it is unit-tested.
 */
import { ServiceModel, Simulation, type ServiceLogEntry, type ServiceView } from "@/lib/sim";
import { formatNumber, formatPercent } from "../kit/format";

export const RUN_MS = 20 * 60_000;
export const TICK_MS = 10_000;
/** Memory the OS, runtime and agents keep on every instance (illustrative). */
export const OS_MEMORY_GIB = 1;
/** An instance that runs out of memory serves for this long after each start, then is killed... */
export const OOM_UP_MS = 25_000;
/** ...and takes this long to restart. */
export const OOM_DOWN_MS = 20_000;
/** Surplus CPU credits in unlimited mode: dollars per vCPU-hour (T3 Linux, as of 2026; illustrative). */
export const SURPLUS_USD_PER_VCPU_HOUR = 0.05;
/** Lognormal spread of the CPU time per request. */
export const SERVICE_SIGMA = 0.5;

export type Family = "general" | "compute" | "memory" | "burstable";

export interface InstanceType {
  id: string;
  family: Family;
  /** The AWS family it imitates, for the label. */
  like: string;
  vcpu: number;
  memoryGiB: number;
  usdPerHour: number;
  /** Burstable only: baseline utilisation per vCPU (0–1) and credits earned per hour. */
  baseline?: number;
  creditsPerHour?: number;
}

export const FAMILY_LABEL: Record<Family, string> = {
  general: "General purpose",
  compute: "Compute optimised",
  memory: "Memory optimised",
  burstable: "Burstable",
};

/** Shapes follow the real families' ratios (2, 4 or 8 GiB per vCPU); prices are illustrative. */
export const INSTANCE_TYPES: readonly InstanceType[] = [
  { id: "t.large", family: "burstable", like: "t3.large", vcpu: 2, memoryGiB: 8, usdPerHour: 0.083, baseline: 0.3, creditsPerHour: 36 },
  { id: "t.xlarge", family: "burstable", like: "t3.xlarge", vcpu: 4, memoryGiB: 16, usdPerHour: 0.166, baseline: 0.4, creditsPerHour: 96 },
  { id: "c.large", family: "compute", like: "c7i.large", vcpu: 2, memoryGiB: 4, usdPerHour: 0.089 },
  { id: "c.xlarge", family: "compute", like: "c7i.xlarge", vcpu: 4, memoryGiB: 8, usdPerHour: 0.179 },
  { id: "c.2xlarge", family: "compute", like: "c7i.2xlarge", vcpu: 8, memoryGiB: 16, usdPerHour: 0.357 },
  { id: "m.large", family: "general", like: "m7i.large", vcpu: 2, memoryGiB: 8, usdPerHour: 0.101 },
  { id: "m.xlarge", family: "general", like: "m7i.xlarge", vcpu: 4, memoryGiB: 16, usdPerHour: 0.202 },
  { id: "m.2xlarge", family: "general", like: "m7i.2xlarge", vcpu: 8, memoryGiB: 32, usdPerHour: 0.403 },
  { id: "r.large", family: "memory", like: "r7i.large", vcpu: 2, memoryGiB: 16, usdPerHour: 0.132 },
  { id: "r.xlarge", family: "memory", like: "r7i.xlarge", vcpu: 4, memoryGiB: 32, usdPerHour: 0.265 },
];

export function instanceType(id: string): InstanceType {
  return INSTANCE_TYPES.find((t) => t.id === id) ?? (INSTANCE_TYPES[5] as InstanceType);
}

export const RATES = [25, 50, 100, 200, 300, 400] as const;
export const CPU_MS = [10, 20, 40] as const;
export const WORKING_SETS_GIB = [2, 6, 12] as const;
export const COUNTS = [1, 2, 3, 4, 5, 6, 8] as const;
export const START_CREDITS = [0, 5, 10, 30, 60] as const;

export interface RightSizingConfig {
  ratePerSec: number;
  cpuMsPerRequest: number;
  workingSetGiB: number;
  typeId: string;
  count: number;
  /** Burstable types only. */
  creditMode: "standard" | "unlimited";
  /** Burstable types only: each instance's credit balance at the start. */
  startCredits: number;
}

export const DEFAULT_CONFIG: RightSizingConfig = {
  ratePerSec: 200,
  cpuMsPerRequest: 20,
  workingSetGiB: 6,
  typeId: "c.large",
  count: 2,
  creditMode: "standard",
  startCredits: 30,
};

/** vCPUs the workload keeps busy on average: λ × CPU time per request (the offered load, in vCPUs). */
export function vcpusNeeded(c: Pick<RightSizingConfig, "ratePerSec" | "cpuMsPerRequest">): number {
  return (c.ratePerSec * c.cpuMsPerRequest) / 1000;
}

/** Average CPU utilisation the formula predicts at full speed: offered load ÷ vCPUs provided (may exceed 1). */
export function predictedUtilisation(c: RightSizingConfig): number {
  return vcpusNeeded(c) / (instanceType(c.typeId).vcpu * c.count);
}

export function memoryFits(c: Pick<RightSizingConfig, "typeId" | "workingSetGiB">): boolean {
  return instanceType(c.typeId).memoryGiB - OS_MEMORY_GIB >= c.workingSetGiB;
}

export function listPricePerHour(c: Pick<RightSizingConfig, "typeId" | "count">): number {
  return instanceType(c.typeId).usdPerHour * c.count;
}

/** Minutes a burstable instance's balance lasts at utilisation u (0–1 of all its vCPUs); Infinity at or below baseline. */
export function creditMinutes(type: InstanceType, startCredits: number, u: number): number {
  const earnPerMin = (type.creditsPerHour ?? 0) / 60;
  const spendPerMin = type.vcpu * u;
  return spendPerMin <= earnPerMin ? Infinity : startCredits / (spendPerMin - earnPerMin);
}

export interface TickSample {
  /** End of the tick, seconds. */
  endSec: number;
  p95Ms: number | null;
  /** Mean CPU utilisation of the instances that were up (0–1). */
  cpu: number | null;
  /** Mean credit balance (burstable only). */
  credits: number | null;
  failed: number;
  completed: number;
  /** Surplus credits billed during the tick (unlimited mode), summed over instances. */
  surplus: number;
}

interface Instance {
  fast: string;
  slow: string | null;
  credits: number;
  throttled: boolean;
  surplus: number;
}

export interface RightSizingHandle {
  sim: Simulation<ServiceLogEntry>;
  service: ServiceModel;
  config: RightSizingConfig;
  type: InstanceType;
  instances: Instance[];
  ticks: TickSample[];
  throttleEvents: number;
  /** Surplus credits billed in unlimited mode, summed over instances. */
  surplusCredits: number;
  /** The engine's event kind for the lab's tick. */
  tickKind: number;
}

export function createRightSizing(config: RightSizingConfig, seed: number): RightSizingHandle {
  const type = instanceType(config.typeId);
  const burstable = type.family === "burstable";
  const standard = burstable && config.creditMode === "standard";
  const count = Math.max(1, Math.floor(config.count));
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 500 });
  const azs = ["us-east-1a", "us-east-1b", "us-east-1c"];
  const instances: Instance[] = [];
  const targets: { id: string; azId: string; workers: number; speed: number; registered: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const azId = azs[i % azs.length] as string;
    const fast = `i-${i + 1}`;
    targets.push({ id: fast, azId, workers: type.vcpu, speed: 1, registered: true });
    let slow: string | null = null;
    if (standard) {
      slow = `i-${i + 1}-baseline`;
      targets.push({ id: slow, azId, workers: type.vcpu, speed: type.baseline ?? 1, registered: false });
    }
    instances.push({ fast, slow, credits: burstable ? config.startCredits : 0, throttled: false, surplus: 0 });
  }
  const service = new ServiceModel(sim, {
    regionId: "us-east-1",
    azIds: azs.slice(0, Math.min(count, azs.length)),
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: config.ratePerSec } }],
    classes: [{ id: "page", serviceTime: { kind: "lognormal", meanMs: config.cpuMsPerRequest, sigma: SERVICE_SIGMA }, timeoutMs: 10_000 }],
    targets,
    loadBalancer: { algorithm: "round-robin", healthCheck: null, deregistrationDelayMs: 30_000 },
    bucketMs: TICK_MS,
  });
  const handle: RightSizingHandle = { sim, service, config, type, instances, ticks: [], throttleEvents: 0, surplusCredits: 0, tickKind: -1 };

  if (!memoryFits(config)) {
    // The OOM killer: each instance serves briefly after every start, then dies and restarts (staggered).
    instances.forEach((inst, i) => {
      let t = OOM_UP_MS + i * 3_000;
      while (t < RUN_MS) {
        service.scheduleInstance(t, inst.fast, "fail");
        if (inst.slow) service.scheduleInstance(t, inst.slow, "fail");
        service.scheduleInstance(t + OOM_DOWN_MS, inst.fast, "recover");
        if (inst.slow) service.scheduleInstance(t + OOM_DOWN_MS, inst.slow, "recover");
        t += OOM_DOWN_MS + OOM_UP_MS;
      }
    });
  }

  handle.tickKind = sim.defineEvent("right-sizing/tick", () => onTick(handle));
  sim.schedule(TICK_MS, handle.tickKind, 0, 0, 1);
  return handle;
}

function last<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Every tick (after the engine has closed its bucket): CPU per instance, credits, throttling, the sample. */
function onTick(h: RightSizingHandle): void {
  const v = h.service.view();
  const s = v.series;
  const minutes = TICK_MS / 60_000;
  const type = h.type;
  const burstable = type.family === "burstable";
  const earn = ((type.creditsPerHour ?? 0) / 60) * minutes;
  const maxCredits = (type.creditsPerHour ?? 0) * 24;
  let cpuSum = 0;
  let cpuN = 0;
  let creditSum = 0;
  let surplus = 0;
  for (const inst of h.instances) {
    const fastU = last(s.utilisationByTarget[inst.fast] ?? []) ?? null;
    const slowU = inst.slow ? (last(s.utilisationByTarget[inst.slow] ?? []) ?? null) : null;
    if (fastU === null && slowU === null) continue;
    // Share of the instance's vCPUs in use: the slow target's busy time runs at the baseline fraction of a vCPU.
    const cpu = (fastU ?? 0) + (slowU ?? 0) * (type.baseline ?? 1);
    cpuSum += cpu;
    cpuN++;
    if (!burstable) continue;
    const spend = cpu * type.vcpu * minutes;
    let balance = inst.credits + earn - spend;
    if (balance < 0) {
      if (h.config.creditMode === "unlimited") {
        inst.surplus += -balance;
        surplus += -balance;
      }
      balance = 0;
    }
    inst.credits = Math.min(maxCredits, balance);
    if (inst.slow) {
      if (!inst.throttled && inst.credits <= 0) {
        h.service.deregisterTarget(inst.fast);
        h.service.registerTarget(inst.slow);
        inst.throttled = true;
        h.throttleEvents++;
      } else if (inst.throttled && inst.credits >= 1) {
        h.service.deregisterTarget(inst.slow);
        h.service.registerTarget(inst.fast);
        inst.throttled = false;
      }
    }
  }
  for (const inst of h.instances) creditSum += inst.credits;
  h.surplusCredits += surplus;
  const failedNow = sumLast(s.failed);
  h.ticks.push({
    endSec: h.sim.nowMs / 1000,
    p95Ms: last(s.latencyP95Ms) ?? null,
    cpu: cpuN > 0 ? cpuSum / cpuN : null,
    credits: burstable ? creditSum / h.instances.length : null,
    failed: failedNow,
    completed: last(s.completed) ?? 0,
    surplus,
  });
  if (h.sim.nowMs + TICK_MS <= RUN_MS) h.sim.schedule(h.sim.nowMs + TICK_MS, h.tickKind, 0, 0, 1);
}

function sumLast(failed: ServiceView["series"]["failed"]): number {
  let n = 0;
  for (const xs of Object.values(failed)) n += last(xs) ?? 0;
  return n;
}

export interface RightSizingView {
  nowMs: number;
  arrived: number;
  completed: number;
  failed: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /**
   * The worst 10-second p95 in the last minute: the highest of the last six ticks' p95s. (The engine keeps a p95
   * per tick, not the latencies, so a true last-minute p95 cannot be merged from them.)
   */
  recentP95Ms: number | null;
  /** Mean CPU over the run so far and over the last minute. */
  cpu: number | null;
  recentCpu: number | null;
  credits: number | null;
  throttledInstances: number;
  throttleEvents: number;
  instancesUp: number;
  /** Dollars per hour: list price plus the surplus-credit charge at the last minute's rate. */
  costPerHour: number;
  /** Surplus credits (unlimited mode) over the last minute, in dollars per hour. */
  surplusPerHour: number;
  /** Surplus credits billed over the whole run so far, in dollars. */
  surplusUsd: number;
  ticks: TickSample[];
}

function mean(xs: (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const x of xs) if (x !== null) {
    s += x;
    n++;
  }
  return n > 0 ? s / n : null;
}

export function viewRightSizing(h: RightSizingHandle): RightSizingView {
  const v = h.service.view();
  const t = v.totals;
  const recent = h.ticks.slice(-6);
  const usdPerCredit = SURPLUS_USD_PER_VCPU_HOUR / 60;
  const recentHours = (recent.length * TICK_MS) / 3_600_000;
  const surplusPerHour = recentHours > 0 ? (recent.reduce((a, r) => a + r.surplus, 0) * usdPerCredit) / recentHours : 0;
  let up = 0;
  for (const inst of h.instances) {
    const ids = [inst.fast, inst.slow];
    if (v.targets.some((x) => ids.includes(x.id) && x.up)) up++;
  }
  const recentP95 = recent.length > 0 ? Math.max(...recent.map((r) => r.p95Ms ?? 0)) : null;
  return {
    nowMs: h.sim.nowMs,
    arrived: t.arrived,
    completed: t.completed,
    failed: t.failed,
    p50Ms: t.latency?.p50Ms ?? null,
    p95Ms: t.latency?.p95Ms ?? null,
    recentP95Ms: recentP95 === null || recentP95 === 0 ? null : recentP95,
    cpu: mean(h.ticks.map((x) => x.cpu)),
    recentCpu: mean(recent.map((x) => x.cpu)),
    credits: h.type.family === "burstable" ? h.instances.reduce((a, i) => a + i.credits, 0) / h.instances.length : null,
    throttledInstances: h.instances.filter((i) => i.throttled).length,
    throttleEvents: h.throttleEvents,
    instancesUp: up,
    costPerHour: listPricePerHour(h.config) + surplusPerHour,
    surplusPerHour,
    surplusUsd: h.surplusCredits * usdPerCredit,
    ticks: h.ticks.slice(),
  };
}

/** Runs a configuration to the end (tests, and checking the lesson's numbers). */
export function runRightSizing(config: RightSizingConfig, seed = 1, untilMs = RUN_MS): RightSizingView {
  const h = createRightSizing(config, seed);
  h.sim.runUntil(untilMs);
  return viewRightSizing(h);
}

export interface ChallengeSpec {
  id: string;
  label: string;
  met(c: RightSizingConfig, v: RightSizingView, ended: boolean): boolean;
}

const ok = (v: RightSizingView) => v.arrived > 0 && v.failed / v.arrived < 0.001;

const fixedPerformance = (c: RightSizingConfig) => instanceType(c.typeId).family !== "burstable";

/** The lesson's challenges, checked at the end of a run (the whole 20 minutes matter). */
export const CHALLENGES: readonly ChallengeSpec[] = [
  {
    id: "fit",
    label: "Default workload (200 req/s, 20 ms, 6 GiB), fixed-performance type: p95 under 60 ms, no failures, under $0.32 an hour",
    met: (c, v, ended) =>
      ended && c.ratePerSec === 200 && c.cpuMsPerRequest === 20 && c.workingSetGiB === 6 && fixedPerformance(c) && ok(v) && (v.p95Ms ?? Infinity) < 60 && v.costPerHour < 0.32,
  },
  {
    id: "memory",
    label: "12 GiB working set at 100 req/s, 20 ms: p95 under 60 ms, no failures, under $0.25 an hour",
    met: (c, v, ended) =>
      ended && c.ratePerSec === 100 && c.cpuMsPerRequest === 20 && c.workingSetGiB === 12 && ok(v) && (v.p95Ms ?? Infinity) < 60 && v.costPerHour < 0.25,
  },
  {
    id: "burst",
    label: "One t.large from 0 credits at 50 req/s, 20 ms: p95 under 60 ms for all 20 minutes",
    met: (c, v, ended) =>
      ended && c.typeId === "t.large" && c.count === 1 && c.startCredits === 0 && c.ratePerSec === 50 && c.cpuMsPerRequest === 20 && ok(v) && (v.p95Ms ?? Infinity) < 60,
  },
];

/** Latency for people: "4.2 ms", "1,250 ms". */
export function formatMs(x: number | null): string {
  return x === null ? "—" : `${formatNumber(x, x < 10 ? 1 : 0)} ms`;
}

const pct = (x: number | null) => formatPercent(x, 0);

/**
 * The aria-live summary: the set-up, then one steady sentence per phase while the run plays (CPU and p95 change
 * every tick and would drown a screen reader), and the numbers when paused or finished.
 */
export function statusMessage(c: RightSizingConfig, v: RightSizingView, state: { playing: boolean; ended: boolean }): string {
  const type = instanceType(c.typeId);
  const need = vcpusNeeded(c);
  const have = type.vcpu * c.count;
  const fits = memoryFits(c);
  const name = `${c.count} × ${type.id}`;
  if (v.nowMs === 0) {
    const mem = fits
      ? `the ${c.workingSetGiB} GiB working set fits in ${type.memoryGiB} GiB`
      : `the ${c.workingSetGiB} GiB working set does not fit in ${type.memoryGiB} GiB (less ${OS_MEMORY_GIB} GiB for the OS): expect out-of-memory crashes`;
    return `${name}: ${have} vCPUs for a load of about ${need.toFixed(1)} busy vCPUs (${pct(need / have)} predicted CPU); ${mem}. List price $${listPricePerHour(c).toFixed(3)} an hour. Press Play.`;
  }
  if (state.ended) {
    const failed = v.failed > 0 ? ` ${v.failed.toLocaleString("en-US")} of ${v.arrived.toLocaleString("en-US")} requests failed.` : " No request failed.";
    const burst =
      type.family === "burstable"
        ? c.creditMode === "standard"
          ? ` Throttled to baseline ${v.throttleEvents} time${v.throttleEvents === 1 ? "" : "s"}.`
          : ` Surplus credits: $${v.surplusUsd.toFixed(4)} over the run, $${v.surplusPerHour.toFixed(3)} an hour at the end.`
        : "";
    return `Run finished: ${name}, average CPU ${pct(v.cpu)}, p95 ${formatMs(v.p95Ms)}, $${v.costPerHour.toFixed(3)} an hour.${failed}${burst}`;
  }
  if (state.playing) {
    // Phases that only move forward (or follow from the configuration), so the sentence changes a few times a run.
    const phase = !fits
      ? "out of memory, so instances are killed and restart over and over"
      : v.throttleEvents > 0
        ? `CPU credits ran out, so instances are held to their ${pct(type.baseline ?? 1)} baseline until they earn more`
        : v.surplusUsd > 0
          ? "CPU credits ran out; unlimited mode keeps full speed and bills the surplus credits"
          : predictedUtilisation(c) > 0.9
            ? "running hot, so requests queue for a free vCPU"
            : "serving";
    return `Running ${name}: ${phase}. Pause to hear the numbers.`;
  }
  const p95 = `worst 10-second p95 in the last minute ${formatMs(v.recentP95Ms)}`;
  if (!fits) return `Out of memory: instances are killed and restart over and over; ${v.instancesUp} of ${c.count} up now, ${v.failed.toLocaleString("en-US")} requests failed so far.`;
  if (v.throttledInstances > 0) {
    return `CPU credits exhausted: ${v.throttledInstances} of ${c.count} instance${c.count === 1 ? "" : "s"} throttled to the ${pct(type.baseline ?? 1)} baseline; ${p95}.`;
  }
  if ((v.recentCpu ?? 0) > 0.9) return `Running hot: CPU ${pct(v.recentCpu)}, requests queue for a free vCPU; ${p95}.`;
  return `Serving: CPU ${pct(v.recentCpu)}, ${p95}${type.family === "burstable" ? `, ${Math.round(v.credits ?? 0)} credits left per instance` : ""}.`;
}
