import {
  AutoScalingGroup,
  HOUR_MS,
  FailureModel,
  ServiceModel,
  Simulation,
  createStream,
  cpuUtilizationMetric,
  type AutoscalingLogEntry,
  type Fault,
  type FailureLogEntry,
  type LogEntry,
  type ServiceLogEntry,
} from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/** Simulator-answered questions for days 1 (on-demand capacity), 9 (scalability), 10 (step scaling), 11 (health checks). */

/** Completions of a backlog that keeps `workers` busy for `windowMs`, each request taking `serviceMs`. */
function backlogCompletions(seed: number, workers: number, serviceMs: number, windowMs: number): number {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 0 });
  const backlog = workers * Math.ceil(windowMs / serviceMs + 2);
  const service = new ServiceModel(sim as unknown as Simulation<ServiceLogEntry>, {
    regionId: "us-east-1",
    sources: [{ id: "backlog", arrivals: { kind: "trace", atMs: new Array<number>(backlog).fill(0) } }],
    classes: [{ id: "job", serviceTime: { kind: "deterministic", ms: serviceMs } }],
    targets: [{ id: "server", azId: "us-east-1a", workers }],
    loadBalancer: { algorithm: "round-robin", healthCheck: null },
  });
  sim.runUntil(windowMs);
  return service.view().totals.completed;
}

export const foundationGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "on-demand-instance-hours": {
    description:
      "Scheduled scaling follows a business-hours demand curve; how many instance-hours does the on-demand fleet bill in a day?",
    generate(seed) {
      const rng = createStream(seed, "question:on-demand-instance-hours");
      const base = pick(rng, [2, 3, 4]);
      const peak = base + pick(rng, [4, 6, 8, 10, 12]);
      const startHour = pick(rng, [7, 8, 9]);
      const peakHours = pick(rng, [8, 10, 12]);
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 1_000 });
      // Billing starts at launch, so a launch time would only shift the numbers; the question is about the shape.
      const group = new AutoScalingGroup(sim as unknown as Simulation<AutoscalingLogEntry>, {
        id: "web",
        minSize: base,
        maxSize: peak,
        desiredCapacity: base,
        launchTimeMs: 0,
        costPerInstanceHour: 1,
        azIds: ["az-a", "az-b", "az-c"],
        scheduledActions: [
          { atMs: startHour * HOUR_MS, desiredCapacity: peak },
          { atMs: (startHour + peakHours) * HOUR_MS, desiredCapacity: base },
        ],
      }, () => null);
      sim.runUntil(24 * HOUR_MS);
      // At $1 per instance-hour, the bill in dollars is the instance-hours.
      const instanceHours = Math.round(group.view().costUsd * 100) / 100;
      return {
        params: { base, peak, startHour, endHour: startHour + peakHours, peakHours, offHours: 24 - peakHours, owned: peak * 24 },
        answer: instanceHours,
      };
    },
  },
  "usl-speed-up": {
    description:
      "A server with N workers and USL contention/coherency costs is kept busy; measured throughput relative to one worker.",
    generate(seed) {
      const rng = createStream(seed, "question:usl-speed-up");
      const workers = pick(rng, [4, 8, 16, 32]);
      const sigmaPct = pick(rng, [2, 5, 10]);
      const kappa = pick(rng, [0, 0.001, 0.002]);
      const serviceMs = 20;
      const sigma = sigmaPct / 100;
      // The simulator has no locks: USL's contention and coherency costs are charged as longer requests.
      const stretch = 1 + sigma * (workers - 1) + kappa * workers * (workers - 1);
      const windowMs = 60_000;
      const one = backlogCompletions(seed, 1, serviceMs, windowMs);
      const many = backlogCompletions(seed, workers, Math.round(serviceMs * stretch * 1000) / 1000, windowMs);
      return {
        params: { workers, sigmaPct, sigma, kappa, serviceMs, onePerSec: one / (windowMs / 1000), manyPerSec: Math.round((many / (windowMs / 1000)) * 10) / 10 },
        answer: Math.round((many / one) * 100) / 100,
      };
    },
  },
  "step-scaling-percent": {
    description:
      "A step-scaling policy with percentage adjustments meets a CPU alarm breach: what is the group's new desired capacity?",
    generate(seed) {
      const rng = createStream(seed, "question:step-scaling-percent");
      const capacity = pick(rng, [3, 4, 5, 6, 8, 10, 12, 15, 20]);
      const cpuPct = pick(rng, [62, 68, 75, 82, 88, 95]);
      const perInstance = 100;
      const threshold = 60;
      const steps = [
        { lowerBound: 0, upperBound: 10, scalingAdjustment: 10 },
        { lowerBound: 10, upperBound: 25, scalingAdjustment: 30 },
        { lowerBound: 25, upperBound: null, scalingAdjustment: 50 },
      ];
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 1_000 });
      new AutoScalingGroup(
        sim as unknown as Simulation<AutoscalingLogEntry>,
        {
          id: "web",
          minSize: 1,
          maxSize: 100,
          desiredCapacity: capacity,
          launchTimeMs: 120_000,
          instanceWarmupMs: 300_000,
          costPerInstanceHour: 0.1,
          azIds: ["az-a", "az-b", "az-c"],
          policies: [{ kind: "step", id: "cpu-high", alarm: { threshold, comparison: ">=" }, adjustmentType: "PercentChangeInCapacity", steps }],
        },
        cpuUtilizationMetric({
          demand: { interpolation: "step", points: [[0, (capacity * perInstance * cpuPct) / 100]] },
          capacityPerInstanceRps: perInstance,
        }),
      );
      sim.runUntil(5 * 60_000);
      const first = (sim.log as readonly AutoscalingLogEntry[]).find((e) => e.type === "asg-scaling");
      const toDesired = first && first.type === "asg-scaling" ? first.toDesired : capacity;
      return { params: { capacity, cpuPct, threshold, breach: cpuPct - threshold }, answer: toDesired };
    },
  },
  "health-check-detection": {
    description: "A target crashes between health checks: how long until the load balancer marks it unhealthy?",
    generate(seed) {
      const rng = createStream(seed, "question:health-check-detection");
      const intervalSec = pick(rng, [5, 10, 15, 30]);
      const timeoutSec = pick(rng, [2, 3, 4, 5].filter((t) => t < intervalSec));
      const threshold = pick(rng, [2, 3, 5]);
      // A crash strictly between two checks, so "the next check" is unambiguous.
      const crashSec = 3 * intervalSec + 1 + rng.int(intervalSec - 1);
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 1_000 });
      const service = new ServiceModel(sim as unknown as Simulation<ServiceLogEntry>, {
        regionId: "us-east-1",
        sources: [],
        classes: [{ id: "page", serviceTime: { kind: "deterministic", ms: 10 } }],
        targets: [{ id: "web-1", azId: "us-east-1a" }],
        loadBalancer: {
          algorithm: "round-robin",
          healthCheck: { intervalMs: intervalSec * 1000, timeoutMs: timeoutSec * 1000, unhealthyThreshold: threshold },
        },
      });
      new FailureModel(
        sim as unknown as Simulation<FailureLogEntry>,
        { chaos: [{ atMs: crashSec * 1000, action: "fail", fault: { kind: "instance", id: "web-1" } }] },
        [{ applyFault: (fault: Fault, failed: boolean) => void (fault.kind === "instance" && failed && service.failInstance(fault.id)) }],
      );
      sim.runUntil((crashSec + (threshold + 2) * intervalSec) * 1000);
      const marked = (sim.log as readonly ServiceLogEntry[]).find((e) => e.type === "target-health" && e.to === "unhealthy");
      const nextCheckSec = Math.ceil(crashSec / intervalSec) * intervalSec;
      return {
        params: { intervalSec, timeoutSec, threshold, crashSec, nextCheckSec, lastCheckSec: nextCheckSec + (threshold - 1) * intervalSec },
        answer: marked ? Math.round(marked.atMs - crashSec * 1000) / 1000 : -1,
      };
    },
  },
};
