import {
  FailureModel,
  ServiceModel,
  Simulation,
  createStream,
  deriveSeed,
  type FailureLogEntry,
  type Fault,
  type FaultSink,
  type ServiceLogEntry,
  type ServiceSeries,
} from "../../sim";
import { pick, type ConfigField, type SimConfigScenario } from "./types";

/**
 * Day 17's design question: a web tier (the fault-tolerance lab's: instances in three AZs behind a round-robin load
 * balancer with health checks, Poisson traffic, a 2 s client timeout) must keep an availability target through the
 * loss of the AZ with the most instances, without overloading the survivors. The learner picks the instances per
 * AZ, the health-check interval and whether clients retry fast failures once; the server runs the tier for three
 * minutes with the AZ failing about a minute in and measures availability and timeouts. The cheapest tier that
 * meets both targets earns full marks.
 */

const REGION = "us-east-1";
const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
const RUN_MS = 180_000;
/** The lab's instance: 4 workers × 40 ms mean service time = 100 requests per second at full load. */
const WORKERS = 4;
const MEAN_SERVICE_MS = 40;
const INSTANCE_CAPACITY_RPS = (WORKERS * 1000) / MEAN_SERVICE_MS;
const CLIENT_TIMEOUT_MS = 2_000;
const INSTANCE_COST_PER_HOUR = 0.0832;
/** ALB default: unhealthy after 2 failed checks in a row. */
const UNHEALTHY_THRESHOLD = 2;
/** Timeouts above this share of the run's expected requests count as overload. */
const MAX_TIMEOUT_SHARE = 0.001;

const LAYOUTS = [
  { value: "1-1-1", label: "3 instances: 1 + 1 + 1", perAz: [1, 1, 1] },
  { value: "2-1-1", label: "4 instances: 2 + 1 + 1", perAz: [2, 1, 1] },
  { value: "2-2-1", label: "5 instances: 2 + 2 + 1", perAz: [2, 2, 1] },
  { value: "2-2-2", label: "6 instances: 2 + 2 + 2", perAz: [2, 2, 2] },
  { value: "3-3-3", label: "9 instances: 3 + 3 + 3", perAz: [3, 3, 3] },
] as const;
type Layout = (typeof LAYOUTS)[number];
const INTERVALS_S = [30, 10, 5] as const;
const RETRY_CHOICES = [
  { value: "off", label: "No: a failed request is an error" },
  { value: "on", label: "Yes: retry a fast failure (502/503, dropped connection) once, on another instance" },
] as const;

/**
 * Briefs: a demand that makes a different layout the cheapest whose survivors carry the load (at most 80 % busy
 * once an AZ is gone; the next cheaper layout would be over 100 %), and an availability target. Each pair leaves the
 * best answer's measured availability clear of the target (fastest checks with retries: at least 99.0 % for
 * 2 + 2 + 1, about 99.3 % for even layouts).
 */
const BRIEFS = [
  { demandRps: 150, targetPct: 95 },
  { demandRps: 150, targetPct: 99 },
  { demandRps: 240, targetPct: 95 },
  { demandRps: 240, targetPct: 98 },
  { demandRps: 320, targetPct: 98 },
  { demandRps: 320, targetPct: 99 },
  { demandRps: 450, targetPct: 95 },
  { demandRps: 450, targetPct: 99 },
] as const;

/** ALB requires the check timeout to be shorter than the interval; 5 s is its default. */
const checkTimeoutMs = (intervalMs: number) => Math.min(5_000, intervalMs - 3_000);
const instances = (layout: Layout) => layout.perAz.reduce((a, b) => a + b, 0);
const costPerHour = (layout: Layout) => instances(layout) * INSTANCE_COST_PER_HOUR;

function drawParams(seed: number) {
  const rng = createStream(seed, "question:fault-tolerant-tier");
  const { demandRps, targetPct } = pick(rng, BRIEFS);
  const failAtSec = 50 + rng.int(21);
  // Timeouts allowed: 0.1 % of the requests the run expects.
  const maxTimeouts = Math.round(MAX_TIMEOUT_SHARE * demandRps * (RUN_MS / 1000));
  return { demandRps, targetPct, failAtSec, maxTimeouts };
}

interface Config {
  layout: Layout;
  intervalS: number;
  retries: boolean;
}

interface Measured {
  /** Availability by requests, with the retry estimate applied when clients retry. */
  availability: number;
  finished: number;
  failed: number;
  timeouts: number;
  /** Seconds from the AZ failing to the last of its instances being marked unhealthy. */
  detectionSec: number;
}

/**
 * One retry on another instance, estimated per second as the lab does: a retried request fails again with the
 * probability that a fresh request in the same second was routed to a dead instance (or found none). Timeouts are
 * not retried.
 */
function rescuedByRetry(series: ServiceSeries): number {
  let rescued = 0;
  for (let k = 0; k < series.arrived.length; k++) {
    const arrived = series.arrived[k] ?? 0;
    const fast = (series.failed["target-unreachable"][k] ?? 0) + (series.failed["no-targets"][k] ?? 0);
    const retryable = fast + (series.failed["instance-failed"][k] ?? 0);
    const pFail = arrived > 0 ? fast / arrived : 0;
    rescued += retryable * (1 - pFail);
  }
  return rescued;
}

/**
 * Runs the tier for three minutes, failing us-east-1a (the AZ with the most instances) at the brief's time. With
 * `stopAboveTimeouts`, the run stops as soon as more requests than that have timed out (the tier is overloaded, and
 * the rest of the run cannot change it): the search for the cheapest tier needs only that verdict.
 */
function runTier(seed: number, layout: Layout, intervalS: number, stopAboveTimeouts?: number): Run {
  const { demandRps, failAtSec } = drawParams(seed);
  const sim = new Simulation<ServiceLogEntry | FailureLogEntry>({ seed: deriveSeed(seed, "question:fault-tolerant-tier/run"), maxLogEntries: 500 });
  const targets: { id: string; azId: string }[] = [];
  layout.perAz.forEach((n, z) => {
    for (let k = 1; k <= n; k++) targets.push({ id: `web-${String.fromCharCode(97 + z)}${k}`, azId: AZS[z] as string });
  });
  const service = new ServiceModel(sim, {
    regionId: REGION,
    azIds: [...AZS],
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: demandRps } }],
    classes: [{ id: "page", serviceTime: { kind: "exponential", meanMs: MEAN_SERVICE_MS }, timeoutMs: CLIENT_TIMEOUT_MS }],
    targets: targets.map((t) => ({ id: t.id, azId: t.azId, workers: WORKERS, costPerHour: INSTANCE_COST_PER_HOUR })),
    loadBalancer: {
      algorithm: "round-robin",
      crossZone: true,
      healthCheck: {
        intervalMs: intervalS * 1000,
        timeoutMs: checkTimeoutMs(intervalS * 1000),
        unhealthyThreshold: UNHEALTHY_THRESHOLD,
        healthyThreshold: 5,
      },
    },
    bucketMs: 1_000,
  });
  const sink: FaultSink = {
    applyFault(fault: Fault, failed: boolean) {
      if (fault.kind !== "az") return;
      for (const t of targets) if (t.azId === fault.id) void (failed ? service.failInstance(t.id) : service.recoverInstance(t.id));
    },
  };
  const failAtMs = failAtSec * 1000;
  new FailureModel(sim, { chaos: [{ atMs: failAtMs, action: "fail", fault: { kind: "az", id: AZS[0] } }] }, [sink]);
  let stopped = false;
  if (stopAboveTimeouts === undefined) sim.runUntil(RUN_MS);
  else {
    for (let untilMs = 0; untilMs < RUN_MS && !stopped; ) {
      untilMs = Math.min(RUN_MS, untilMs + 5_000);
      sim.runUntil(untilMs);
      stopped = untilMs < RUN_MS && service.view().totals.failedByCause.timeout > stopAboveTimeouts;
    }
  }
  let detectedAtMs = failAtMs;
  for (const e of sim.log) if (e.type === "target-health" && e.to === "unhealthy" && e.atMs > detectedAtMs) detectedAtMs = e.atMs;
  const v = service.view();
  const t = v.totals;
  return {
    finished: t.completed + t.failed,
    failed: t.failed,
    timeouts: t.failedByCause.timeout,
    detectionSec: (detectedAtMs - failAtMs) / 1000,
    rescued: rescuedByRetry(v.series),
    stopped,
  };
}

interface Run extends Omit<Measured, "availability"> {
  /** Fast failures one retry would rescue (estimate). */
  rescued: number;
  /** Stopped early, overloaded. */
  stopped: boolean;
}

/** Full runs, per (seed, layout, interval): retries change only the estimate, not the run. */
const runs = new Map<string, Run>();
function fullRun(seed: number, layout: Layout, intervalS: number): Run {
  const key = `${seed}|${layout.value}|${intervalS}`;
  let run = runs.get(key);
  if (!run) {
    run = runTier(seed, layout, intervalS);
    remember(key, run);
  }
  return run;
}

function remember(key: string, run: Run): void {
  if (runs.size >= 256) runs.delete(runs.keys().next().value as string);
  runs.set(key, run);
}

function withRetries(run: Run, retries: boolean): Measured {
  const failed = retries ? run.failed - run.rescued : run.failed;
  const { finished, timeouts, detectionSec } = run;
  return { finished, failed, timeouts, detectionSec, availability: finished > 0 ? (finished - failed) / finished : 0 };
}

const measure = (seed: number, config: Config): Measured => withRetries(fullRun(seed, config.layout, config.intervalS), config.retries);

function verdict(m: Measured, seed: number) {
  const { targetPct, maxTimeouts } = drawParams(seed);
  const availabilityOk = m.availability * 100 >= targetPct;
  const loadOk = m.timeouts <= maxTimeouts;
  return { availabilityOk, loadOk, ok: availabilityOk && loadOk };
}

/**
 * The cheapest tier that meets both targets: layouts in price order, each run with the fastest checks and client
 * retries, the settings that fail the fewest requests (a layout that misses with them misses with any; the tests
 * check this). An overloaded layout's run stops once too many requests have timed out. Kept per seed, since grading
 * and the review both need it.
 */
const cheapestBySeed = new Map<number, { config: Config; measured: Measured }>();
function cheapest(seed: number): { config: Config; measured: Measured } {
  const known = cheapestBySeed.get(seed);
  if (known) return known;
  const { maxTimeouts } = drawParams(seed);
  let result: { config: Config; measured: Measured } | null = null;
  for (const layout of LAYOUTS) {
    const config = { layout, intervalS: 5, retries: true };
    const cached = runs.get(`${seed}|${layout.value}|5`);
    const run = cached ?? runTier(seed, layout, 5, maxTimeouts);
    if (run.stopped) continue;
    if (!cached) remember(`${seed}|${layout.value}|5`, run);
    const measured = withRetries(run, true);
    if (verdict(measured, seed).ok || layout === LAYOUTS[LAYOUTS.length - 1]) {
      result = { config, measured };
      break;
    }
  }
  if (!result) {
    const config = { layout: LAYOUTS[LAYOUTS.length - 1] as Layout, intervalS: 5, retries: true };
    result = { config, measured: measure(seed, config) };
  }
  if (cheapestBySeed.size >= 64) cheapestBySeed.delete(cheapestBySeed.keys().next().value as number);
  cheapestBySeed.set(seed, result);
  return result;
}

function parse(values: Record<string, string>): Config | null {
  const layout = LAYOUTS.find((l) => l.value === values.layout);
  const intervalS = INTERVALS_S.find((s) => String(s) === values.checkIntervalS);
  const retry = RETRY_CHOICES.find((r) => r.value === values.retries);
  if (!layout || intervalS === undefined || !retry) return null;
  return { layout, intervalS, retries: retry.value === "on" };
}

const FIELDS: ConfigField[] = [
  { name: "layout", label: "Instances per AZ (us-east-1a + 1b + 1c)", options: LAYOUTS.map((l) => ({ value: l.value, label: l.label })) },
  {
    name: "checkIntervalS",
    label: "Health-check interval (unhealthy after 2 failures)",
    options: INTERVALS_S.map((s) => ({ value: String(s), label: `${s} s (timeout ${checkTimeoutMs(s * 1000) / 1000} s)` })),
  },
  { name: "retries", label: "Clients retry fast failures once", options: [...RETRY_CHOICES] },
];

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const money = (usd: number) => `$${usd.toFixed(2)}`;
const describe = (c: Config) =>
  `${c.layout.perAz.join(" + ")} instances, ${c.intervalS} s checks, ${c.retries ? "one retry" : "no retries"}`;
const measuredText = (m: Measured) =>
  `availability ${pct(m.availability)}, ${m.timeouts.toLocaleString("en-US")} timeouts, the lost AZ's instances out of service ${Math.round(m.detectionSec)} s after it failed`;

export const faultToleranceDesignScenarios: Readonly<Record<string, SimConfigScenario>> = {
  "fault-tolerant-tier": {
    description:
      "Choose instances per AZ, the health-check interval and client retries so a web tier keeps its availability target through an AZ outage, without overload, at the lowest cost.",
    params(seed) {
      const p = drawParams(seed);
      return {
        demandRps: p.demandRps,
        targetPct: p.targetPct,
        failAtSec: p.failAtSec,
        maxTimeouts: p.maxTimeouts,
        requests: (p.demandRps * (RUN_MS / 1000)).toLocaleString("en-US"),
        allowedFailures: Math.round((1 - p.targetPct / 100) * p.demandRps * (RUN_MS / 1000)).toLocaleString("en-US"),
        capacityRps: INSTANCE_CAPACITY_RPS,
        workers: WORKERS,
        serviceMs: MEAN_SERVICE_MS,
        clientTimeoutSec: CLIENT_TIMEOUT_MS / 1000,
        pricePerHour: INSTANCE_COST_PER_HOUR,
      };
    },
    fields: () => FIELDS,
    grade(seed, values) {
      const config = parse(values);
      if (!config) return { fraction: 0, summary: "No complete configuration was given." };
      const { targetPct, maxTimeouts } = drawParams(seed);
      const m = measure(seed, config);
      const v = verdict(m, seed);
      const misses: string[] = [];
      if (!v.availabilityOk) {
        misses.push(`availability ${pct(m.availability)}, ${(targetPct - m.availability * 100).toFixed(2)} points below the ${targetPct} % target`);
      }
      if (!v.loadOk) {
        misses.push(
          `${m.timeouts.toLocaleString("en-US")} requests timed out (limit ${maxTimeouts}, ${(m.timeouts - maxTimeouts).toLocaleString("en-US")} too many): the survivors could not carry the load`,
        );
      }
      if (misses.length > 0) {
        return { fraction: 0, summary: `Your tier (${describe(config)}) missed in the run: ${misses.join("; ")}.` };
      }
      const best = cheapest(seed).config;
      if (instances(config.layout) > instances(best.layout)) {
        return {
          fraction: 0.5,
          summary: `Your tier (${describe(config)}) met both targets — ${measuredText(m)} — but costs ${money(costPerHour(config.layout))} an hour; ${instances(best.layout)} instances (${best.layout.perAz.join(" + ")}) meet them for ${money(costPerHour(best.layout))}.`,
        };
      }
      return {
        fraction: 1,
        summary: `Your tier (${describe(config)}) met both targets — ${measuredText(m)} — at the lowest cost, ${money(costPerHour(config.layout))} an hour.`,
      };
    },
    bestAnswer(seed) {
      const { config, measured } = cheapest(seed);
      return {
        values: { layout: config.layout.value, checkIntervalS: String(config.intervalS), retries: config.retries ? "on" : "off" },
        summary: `${describe(config)}: ${measuredText(measured)}, at ${money(costPerHour(config.layout))} an hour — the cheapest tier that meets both targets (any check interval and retry setting that also meets them costs the same).`,
      };
    },
  },
};
