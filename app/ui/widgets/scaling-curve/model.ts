/**
 * Scaling curve: throughput against added resources, measured by saturating lib/sim services of growing size, and
 * the Amdahl and Universal Scalability Law curves to compare them with. Pure (lib/sim only) so tests can drive it.
 *
 * The simulator has no locks or caches, so a workload's contention (σ) and coherency (κ) costs are charged as
 * extra work per request: with N workers in total, every request takes 1 + σ(N − 1) + κN(N − 1) times as long
 * (Gunther's USL denominator). What the runs add on top of the formula is the real part: Poisson arrivals,
 * random request sizes, queues, a load balancer, and a throughput that has to be measured, with noise.
 */
import { ServiceModel, Simulation, meanServiceMs, type ServiceConfig, type ServiceLogEntry, type ServiceTimeSpec } from "@/lib/sim";

/** Total workers (think vCPUs) at which throughput is measured. */
export const WORKER_STEPS = [1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 32, 40, 48, 64] as const;
/** The largest single instance in this widget's illustrative family. */
export const MAX_VERTICAL_WORKERS = 16;
export const SERVICE_TIME: ServiceTimeSpec = { kind: "exponential", meanMs: 50 };
/** One worker's throughput with no contention: 1000 / 50 ms = 20 requests per second. */
export const X1_PER_SEC = 1000 / meanServiceMs(SERVICE_TIME);
export const RUN_MS = 20_000;
/**
 * A fit error below this counts as a good fit. Each point is a 19 s measurement of random arrivals and service
 * times, so even the true σ and κ miss by about 2 % on average and by up to 6 % on unlucky seeds (30 seeds).
 */
export const GOOD_FIT = 0.05;
/** The first second fills the queues; throughput is measured after it. */
export const WARMUP_MS = 1_000;
/** Illustrative prices: linear per worker within a family (as on-demand EC2 prices are), plus a load balancer. */
export const PRICE_PER_WORKER_HOUR = 0.05;
export const LB_PRICE_PER_HOUR = 0.03;

export type Mode = "vertical" | "horizontal";

export interface Workload {
  label: string;
  description: string;
  /** Contention: the serialised share of the work (Amdahl's serial fraction). */
  sigma: number;
  /** Coherency: the cost of keeping every pair of workers consistent. */
  kappa: number;
}

export type WorkloadId = "stateless" | "shared-lock" | "chatty";

export const WORKLOADS: Record<WorkloadId, Workload> = {
  stateless: {
    label: "Stateless API",
    description: "each request is independent; a little shared work (logging, a connection pool)",
    sigma: 0.01,
    kappa: 0,
  },
  "shared-lock": {
    label: "Shared database lock",
    description: "every request updates one hot row, so part of each request is serialised",
    sigma: 0.08,
    kappa: 0,
  },
  chatty: {
    label: "Chatty cluster",
    description: "workers keep a shared cache consistent by talking to each other",
    sigma: 0.03,
    kappa: 0.002,
  },
};

/** Amdahl's law: speed-up with N workers when a fraction σ of the work is serial. */
export function amdahlSpeedup(n: number, sigma: number): number {
  return 1 / (sigma + (1 - sigma) / n);
}

/** The Universal Scalability Law's relative capacity C(N) = N / (1 + σ(N − 1) + κN(N − 1)). */
export function uslCapacity(n: number, sigma: number, kappa: number): number {
  return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

/** Where the USL peaks: N* = √((1 − σ) / κ); Infinity without coherency cost. */
export function uslPeak(sigma: number, kappa: number): number {
  return kappa > 0 ? Math.sqrt((1 - sigma) / kappa) : Infinity;
}

export function pricePerHour(mode: Mode, workers: number): number {
  return workers * PRICE_PER_WORKER_HOUR + (mode === "horizontal" ? LB_PRICE_PER_HOUR : 0);
}

/** The service for N workers: one instance with N workers (vertical) or N one-worker instances behind an LB. */
export function scalingServiceConfig(mode: Mode, workers: number, workload: Workload): ServiceConfig {
  const slowdown = 1 + workload.sigma * (workers - 1) + workload.kappa * workers * (workers - 1);
  const capacity = (workers * X1_PER_SEC) / slowdown;
  const instances = mode === "vertical" ? 1 : workers;
  return {
    regionId: "us-east-1",
    // Offered load 30 % above what the system can do, so every worker stays busy and throughput = capacity.
    sources: [{ id: "load", arrivals: { kind: "poisson", ratePerSec: Math.max(1, capacity * 1.3) } }],
    classes: [{ id: "request", serviceTime: SERVICE_TIME }],
    targets: Array.from({ length: instances }, (_, i) => ({
      id: `${mode}-${i + 1}`,
      azId: "us-east-1a",
      workers: mode === "vertical" ? workers : 1,
      speed: 1 / slowdown,
    })),
    loadBalancer: { algorithm: "least-outstanding", healthCheck: null },
    bucketMs: 1_000,
  };
}

interface Run {
  mode: Mode;
  workers: number;
  sim: Simulation<ServiceLogEntry>;
  service: ServiceModel;
}

/** Every measurement run behind one clock, so the measured points sharpen as the simulation plays. */
export interface ScalingHandle {
  sim: { readonly nowMs: number; runUntil(tMs: number): number };
  runs: Run[];
}

export function createScaling(workloadId: WorkloadId, seed: number): ScalingHandle {
  const workload = WORKLOADS[workloadId];
  const runs: Run[] = [];
  for (const mode of ["vertical", "horizontal"] as const) {
    for (const workers of WORKER_STEPS) {
      if (mode === "vertical" && workers > MAX_VERTICAL_WORKERS) continue;
      const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 1 });
      runs.push({ mode, workers, sim, service: new ServiceModel(sim, scalingServiceConfig(mode, workers, workload)) });
    }
  }
  let nowMs = 0;
  return {
    runs,
    sim: {
      get nowMs() {
        return nowMs;
      },
      runUntil(tMs: number) {
        let events = 0;
        for (const r of runs) events += r.sim.runUntil(tMs);
        nowMs = tMs;
        return events;
      },
    },
  };
}

export interface Measurement {
  mode: Mode;
  workers: number;
  /** Completed requests per second after the warm-up; null until a second has been measured. */
  throughputPerSec: number | null;
  /** Measured throughput ÷ (workers × one worker's ideal throughput). */
  efficiency: number | null;
  pricePerHour: number;
}

export interface ScalingView {
  nowMs: number;
  vertical: Measurement[];
  horizontal: Measurement[];
}

function measure(r: Run): Measurement {
  const completed = r.service.view().series.completed;
  const skip = WARMUP_MS / 1000;
  const measured = completed.slice(skip);
  const throughput = measured.length > 0 ? measured.reduce((a, b) => a + b, 0) / measured.length : null;
  return {
    mode: r.mode,
    workers: r.workers,
    throughputPerSec: throughput,
    efficiency: throughput === null ? null : throughput / (r.workers * X1_PER_SEC),
    pricePerHour: pricePerHour(r.mode, r.workers),
  };
}

export function viewScaling(h: ScalingHandle): ScalingView {
  const all = h.runs.map(measure);
  return {
    nowMs: h.sim.nowMs,
    vertical: all.filter((m) => m.mode === "vertical"),
    horizontal: all.filter((m) => m.mode === "horizontal"),
  };
}

/** The cheapest measured configuration that delivers `targetPerSec`, or null if none does. */
export function cheapestMeeting(ms: readonly Measurement[], targetPerSec: number): Measurement | null {
  let best: Measurement | null = null;
  for (const m of ms) {
    if (m.throughputPerSec === null || m.throughputPerSec < targetPerSec) continue;
    if (!best || m.pricePerHour < best.pricePerHour) best = m;
  }
  return best;
}

/** The measured configuration with the highest throughput. */
export function bestMeasured(ms: readonly Measurement[]): Measurement | null {
  let best: Measurement | null = null;
  for (const m of ms) if (m.throughputPerSec !== null && (!best || m.throughputPerSec > (best.throughputPerSec as number))) best = m;
  return best;
}

/**
 * How far the model (X1 · C(N)) is from the measured horizontal points: the root-mean-square relative error.
 * Small (a few %) means the chosen σ and κ describe the workload.
 */
export function fitError(ms: readonly Measurement[], sigma: number, kappa: number): number | null {
  let sum = 0;
  let n = 0;
  for (const m of ms) {
    if (m.throughputPerSec === null || m.throughputPerSec <= 0) continue;
    const model = X1_PER_SEC * uslCapacity(m.workers, sigma, kappa);
    const rel = (model - m.throughputPerSec) / m.throughputPerSec;
    sum += rel * rel;
    n++;
  }
  return n === 0 ? null : Math.sqrt(sum / n);
}
