import { MOfNAlarm, Simulation, breachesAbove, createStream, errorRatePct, type LogEntry } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/** Simulator-answered questions for days 25 (function cold starts) and 26 (canary deployments). */

const MINUTE_MS = 60_000;

/**
 * A function behind evenly spaced requests, run on the engine: each request takes a free warm execution environment
 * or, if none is free, creates a new one (init, then the request). Returns how many environments were created.
 */
export function runColdStarts(options: { ratePerSec: number; durationMs: number; initMs: number; untilMs: number; seed: number }): number {
  const { ratePerSec, durationMs, initMs, untilMs } = options;
  const sim = new Simulation<LogEntry>({ seed: options.seed, maxLogEntries: 0 });
  const gapMs = 1000 / ratePerSec;
  const idle: number[] = [];
  let envs = 0;
  const done = sim.defineEvent("cold-starts/done", (env) => {
    idle.push(env);
  });
  const arrive = sim.defineEvent("cold-starts/arrive", (k) => {
    const warm = idle.pop();
    if (warm !== undefined) sim.schedule(sim.nowMs + durationMs, done, warm);
    else sim.schedule(sim.nowMs + initMs + durationMs, done, envs++);
    const next = (k + 1) * gapMs;
    if (next < untilMs) sim.schedule(next, arrive, k + 1);
  });
  sim.schedule(0, arrive, 0);
  sim.runUntil(untilMs);
  return envs;
}

/**
 * A canary on the engine: evenly spaced requests; from `startMs`, every (100 / sharePct)-th request goes to the new
 * version, which fails every (100 / errorPct)-th of its requests. An alarm evaluates the canary's error rate at the
 * end of each `periodMs` period (aligned to the clock) and rolls back, instantly, after `datapoints` consecutive
 * breaching periods. Returns the failed canary requests and the rollback time.
 */
export function runCanary(options: {
  ratePerSec: number;
  sharePct: number;
  errorPct: number;
  startMs: number;
  periodMs: number;
  datapoints: number;
  thresholdPct: number;
  seed: number;
}): { failed: number; rollbackAtMs: number | null } {
  const { ratePerSec, startMs, periodMs, datapoints } = options;
  const sim = new Simulation<LogEntry>({ seed: options.seed, maxLogEntries: 0 });
  const gapMs = 1000 / ratePerSec;
  const everyNth = Math.round(100 / options.sharePct);
  const failEvery = Math.round(100 / options.errorPct);
  const endMs = startMs + (datapoints + 1) * periodMs;
  let active = true;
  let canary = 0;
  let failed = 0;
  let period = { requests: 0, errors: 0 };
  // `datapoints` consecutive breaching periods: M out of N with M = N.
  const evaluator = new MOfNAlarm(datapoints, datapoints);
  let rollbackAtMs: number | null = null;
  const alarm = sim.defineEvent("canary/alarm", () => {
    const state = evaluator.push(breachesAbove(errorRatePct(period.errors, period.requests), options.thresholdPct));
    period = { requests: 0, errors: 0 };
    if (active && state === "ALARM") {
      active = false;
      rollbackAtMs = sim.nowMs;
    }
    if (sim.nowMs + periodMs <= endMs) sim.schedule(sim.nowMs + periodMs, alarm, 0, 0, 0);
  });
  // The load balancer sends every `everyNth` request from the start onwards to the canary: only those are simulated.
  const first = Math.ceil(startMs / gapMs - 1e-9) + everyNth - 1;
  const arrive = sim.defineEvent("canary/arrive", (k) => {
    if (!active) return;
    canary++;
    period.requests++;
    if (canary % failEvery === 0) {
      failed++;
      period.errors++;
    }
    const next = (k + everyNth) * gapMs;
    if (next <= endMs) sim.schedule(next, arrive, k + everyNth, 0, 1);
  });
  sim.schedule(periodMs, alarm, 0, 0, 0);
  sim.schedule(first * gapMs, arrive, first, 0, 1);
  sim.runUntil(endMs);
  return { failed, rollbackAtMs };
}

const clockTime = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `10:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

export const containersDeployGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "function-cold-starts": {
    description:
      "Evenly spaced requests reach a function with no execution environments; each new environment initialises before its first request: how many environments exist after a minute?",
    generate(seed) {
      const rng = createStream(seed, "question:function-cold-starts");
      const ratePerSec = pick(rng, [10, 20, 25, 40, 50]);
      const durationMs = pick(rng, [100, 200, 300]);
      // Odd multiples of 10 ms, so init + run never ends exactly on an arrival (no ties to explain).
      const initMs = pick(rng, [130, 370, 610, 890]);
      const envs = runColdStarts({ ratePerSec, durationMs, initMs, untilMs: MINUTE_MS, seed });
      const gapMs = 1000 / ratePerSec;
      return {
        params: {
          ratePerSec,
          gapMs,
          durationMs,
          initMs,
          firstFreeMs: initMs + durationMs,
          steady: Math.round(((ratePerSec * durationMs) / 1000) * 10) / 10,
        },
        answer: envs,
      };
    },
  },
  "canary-failed-requests": {
    description:
      "A bad canary gets a share of the traffic; an alarm on its error rate, evaluated per period, rolls it back after M breaching periods: how many requests failed?",
    generate(seed) {
      const rng = createStream(seed, "question:canary-failed-requests");
      // Rate, share and error rate whose product is a whole number of failures per second.
      const [ratePerSec, sharePct, errorPct] = pick(rng, [
        [200, 10, 5],
        [100, 5, 20],
        [400, 5, 10],
        [200, 20, 5],
        [400, 10, 5],
        [100, 10, 10],
        [200, 5, 10],
      ] as const);
      const startSec = pick(rng, [75, 130, 200, 265]);
      const datapoints = pick(rng, [1, 2, 3]);
      const periodMs = 60_000;
      const { failed, rollbackAtMs } = runCanary({ ratePerSec, sharePct, errorPct, startMs: startSec * 1000, periodMs, datapoints, thresholdPct: 2, seed });
      const rollback = rollbackAtMs ?? 0;
      return {
        params: {
          ratePerSec,
          sharePct,
          errorPct,
          datapoints,
          start: clockTime(startSec * 1000),
          rollback: clockTime(rollback),
          exposureSec: Math.round((rollback - startSec * 1000) / 1000),
          failuresPerSec: (ratePerSec * sharePct * errorPct) / 10_000,
        },
        answer: failed,
      };
    },
  },
};
