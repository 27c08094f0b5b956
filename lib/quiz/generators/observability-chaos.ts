/**
 * Simulator-answered questions for Day 19 (observability: how long an alarm takes to fire) and Day 29 (chaos
 * experiments: how many requests a fault's blast radius costs before health checks contain it).
 */
import { MOfNAlarm, ServiceModel, Simulation, breachesAbove, createStream, errorRatePct, type ServiceLogEntry } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

const REGION = "us-east-1";
const AZ = "us-east-1a";
/** Deterministic 20 ms requests on 2 workers per instance: no queueing at these rates, so only the fault matters. */
const SERVICE_MS = 20;

function instances(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `web-${i + 1}`, azId: AZ, workers: 2 }));
}

export interface AlarmDelayParams {
  ratePerSec: number;
  instances: number;
  thresholdPct: number;
  periodSec: number;
  datapointsToAlarm: number;
  evaluationPeriods: number;
  /** When the instance dies, in seconds from the start. */
  failSec: number;
}

/**
 * Draws the alarm question's parameters. The failure lands a fraction into a period that leaves that partial
 * period's error rate clearly above or clearly below the threshold, so the answer does not hinge on a few requests.
 */
export function alarmDelayParams(seed: number): AlarmDelayParams {
  const rng = createStream(seed, "question:alarm-detection-delay");
  const ratePerSec = pick(rng, [20, 40, 50]);
  const n = pick(rng, [4, 5, 8]);
  const thresholdPct = pick(rng, [2, 5, 10]);
  const datapointsToAlarm = pick(rng, [1, 2, 3]);
  const evaluationPeriods = datapointsToAlarm + pick(rng, [0, 1, 2]);
  const periodSec = 60;
  const startPeriod = pick(rng, [3, 4, 5]);
  const full = 100 / n;
  const fractions = rng.shuffle([0.1, 0.25, 0.5, 0.75, 0.9]);
  // Keep fractions whose partial-period error rate is at least 25 % away from the threshold (relative).
  const f = fractions.find((x) => Math.abs((1 - x) * full - thresholdPct) >= 0.25 * thresholdPct) ?? 0.1;
  return { ratePerSec, instances: n, thresholdPct, periodSec, datapointsToAlarm, evaluationPeriods, failSec: startPeriod * periodSec + f * periodSec };
}

/** Runs the service, fails web-1 (no health check notices: the alarm is the only detector) and evaluates the alarm. */
export function runAlarmDelay(p: AlarmDelayParams, seed: number): number | null {
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 50_000 });
  const service = new ServiceModel(sim, {
    regionId: REGION,
    sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: p.ratePerSec } }],
    classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: SERVICE_MS } }],
    targets: instances(p.instances),
    loadBalancer: { algorithm: "round-robin", healthCheck: null },
    logRequests: true,
  });
  service.scheduleInstance(p.failSec * 1000, "web-1", "fail");
  const periodMs = p.periodSec * 1000;
  const alarm = new MOfNAlarm(p.datapointsToAlarm, p.evaluationPeriods);
  let cursor = 0;
  for (let k = 1; k <= 30; k++) {
    sim.runUntil(k * periodMs);
    let ok = 0;
    let errors = 0;
    for (const e of sim.logSince(cursor)) {
      if (e.type === "request-completed") ok++;
      else if (e.type === "request-failed") errors++;
    }
    cursor = sim.logTotal;
    if (alarm.push(breachesAbove(errorRatePct(errors, ok + errors), p.thresholdPct)) === "ALARM") return k * p.periodSec - p.failSec;
  }
  return null;
}

export interface BlastRadiusParams {
  ratePerSec: number;
  instances: number;
  killed: number;
  intervalSec: number;
  timeoutSec: number;
  unhealthyThreshold: number;
  /** When the experiment stops the instances, in seconds from the start. */
  killSec: number;
}

export function blastRadiusParams(seed: number): BlastRadiusParams {
  const rng = createStream(seed, "question:chaos-blast-radius-failures");
  const n = pick(rng, [4, 5, 6, 8, 10]);
  const intervalSec = pick(rng, [10, 30]);
  const timeoutSec = intervalSec === 10 ? pick(rng, [2, 5]) : 5;
  // web-1's checks start at whole multiples of the interval; stopping it `into` seconds after one means its next
  // check starts (interval − into) seconds after the stop.
  const into = intervalSec === 10 ? pick(rng, [1, 3, 5, 7, 9]) : pick(rng, [5, 10, 15, 20, 25]);
  return {
    ratePerSec: pick(rng, [50, 100, 200]),
    instances: n,
    killed: 1,
    intervalSec,
    timeoutSec,
    unhealthyThreshold: pick(rng, [2, 3]),
    killSec: pick(rng, [60, 120, 180]) + into,
  };
}

/** Stops the first `killed` instances behind an ALB-style health-checked LB and counts the requests that fail. */
export function runBlastRadius(p: BlastRadiusParams, seed: number): number {
  const sim = new Simulation<ServiceLogEntry>({ seed, maxLogEntries: 1_000 });
  const service = new ServiceModel(sim, {
    regionId: REGION,
    sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: p.ratePerSec } }],
    classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: SERVICE_MS } }],
    targets: instances(p.instances),
    loadBalancer: {
      algorithm: "round-robin",
      healthCheck: {
        intervalMs: p.intervalSec * 1000,
        timeoutMs: p.timeoutSec * 1000,
        unhealthyThreshold: p.unhealthyThreshold,
        healthyThreshold: 5,
      },
    },
  });
  for (let i = 1; i <= p.killed; i++) service.scheduleInstance(p.killSec * 1000, `web-${i}`, "fail");
  sim.runUntil((p.killSec + (p.unhealthyThreshold + 2) * p.intervalSec + p.timeoutSec) * 1000);
  return service.view().totals.failed;
}

export const observabilityChaosGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "alarm-detection-delay": {
    description:
      "An instance behind a round-robin LB starts failing every request; an error-rate alarm (threshold, 60 s period, M out of N): how many seconds until ALARM?",
    generate(seed) {
      const p = alarmDelayParams(seed);
      const answer = runAlarmDelay(p, seed) ?? 0;
      const clock = (sec: number) => `${Math.floor(sec / 60)} min ${String(Math.round(sec % 60)).padStart(2, "0")} s`;
      const k0 = Math.floor(p.failSec / p.periodSec);
      const partialPct = ((k0 + 1) * p.periodSec - p.failSec) / p.periodSec * (100 / p.instances);
      return {
        params: {
          ratePerSec: p.ratePerSec,
          instances: p.instances,
          thresholdPct: p.thresholdPct,
          datapointsToAlarm: p.datapointsToAlarm,
          evaluationPeriods: p.evaluationPeriods,
          failAt: clock(p.failSec),
          errorPct: Number((100 / p.instances).toFixed(1)),
          periodEnd: clock((k0 + 1) * p.periodSec),
          partialPct: Number(partialPct.toFixed(1)),
          partialVerdict: partialPct > p.thresholdPct ? "already breaches" : "does not breach yet",
          alarmAt: clock(p.failSec + answer),
        },
        answer,
      };
    },
  },
  "chaos-blast-radius-failures": {
    description:
      "A chaos experiment stops one of n instances behind a round-robin load balancer with health checks; how many requests fail before the checks take it out of service?",
    generate(seed) {
      const p = blastRadiusParams(seed);
      return {
        params: {
          ratePerSec: p.ratePerSec,
          instances: p.instances,
          killed: p.killed,
          intervalSec: p.intervalSec,
          timeoutSec: p.timeoutSec,
          unhealthyThreshold: p.unhealthyThreshold,
          blastPct: Math.round((100 * p.killed) / p.instances),
          nextCheckSec: p.intervalSec - (p.killSec % p.intervalSec),
          detectSec: p.intervalSec - (p.killSec % p.intervalSec) + (p.unhealthyThreshold - 1) * p.intervalSec + p.timeoutSec,
          sharePerSec: Number((p.ratePerSec / p.instances).toFixed(2)),
        },
        answer: runBlastRadius(p, seed),
      };
    },
  },
};
