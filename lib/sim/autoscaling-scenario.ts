/**
 * A whole Auto Scaling run from plain data: one group, a demand curve, and optional chaos or random failures.
 * Validated by lib/validation/scenario-resilience.ts (the engine imports nothing outside lib/sim).
 */
import {
  AutoScalingGroup,
  cpuUtilizationMetric,
  requestsPerInstanceMetric,
  summarizeLoad,
  type AutoScalingGroupConfig,
  type AutoscalingLogEntry,
  type LoadSpec,
  type LoadSummary,
} from "./autoscaling";
import { FailureModel, type ChaosAction, type FailureLogEntry, type RandomComponent } from "./failures";
import { Simulation } from "./simulation";

export type ScalingLogEntry = AutoscalingLogEntry | FailureLogEntry;

export interface ScalingScenario {
  name: string;
  description?: string;
  seed: number;
  durationMs: number;
  scaling: {
    group: AutoScalingGroupConfig;
    /** The metric the policies read: average CPU % (default) or requests/s per InService instance. */
    load: LoadSpec & { metric?: "cpu" | "requests-per-instance" };
    chaos?: ChaosAction[];
    randomFailures?: RandomComponent[];
  };
  /** How many of the last log entries to return. Default 20. */
  logTail?: number;
}

export interface ScalingActivity {
  atMs: number;
  cause: string;
  fromDesired: number;
  toDesired: number;
  metric: number | null;
}

export interface ScalingScenarioResult {
  name: string;
  seed: number;
  durationMs: number;
  eventsProcessed: number;
  logEntries: number;
  group: {
    minSize: number;
    maxSize: number;
    desired: number;
    inService: number;
    peakInService: number;
    activities: number;
    instanceHours: number;
    costUsd: number;
  };
  load: LoadSummary;
  scalingActivities: ScalingActivity[];
  logTail: ScalingLogEntry[];
}

/** Builds the run at t = 0 (for widgets that step it themselves). */
export function createScalingRun(scenario: Pick<ScalingScenario, "seed" | "scaling">) {
  const sim = new Simulation<ScalingLogEntry>({ seed: scenario.seed });
  const { group: groupConfig, load } = scenario.scaling;
  const metric = load.metric === "requests-per-instance" ? requestsPerInstanceMetric(load) : cpuUtilizationMetric(load);
  const group = new AutoScalingGroup(sim, groupConfig, metric);
  const failures = new FailureModel(sim, { chaos: scenario.scaling.chaos, components: scenario.scaling.randomFailures }, [group]);
  return { sim, group, failures };
}

export function runScalingScenario(scenario: ScalingScenario): ScalingScenarioResult {
  const { sim, group } = createScalingRun(scenario);
  sim.runUntil(scenario.durationMs);
  const view = group.view();
  const tail = scenario.logTail ?? 20;
  const scalingActivities: ScalingActivity[] = [];
  for (const e of sim.log) {
    if (e.type === "asg-scaling") {
      scalingActivities.push({ atMs: e.atMs, cause: e.cause, fromDesired: e.fromDesired, toDesired: e.toDesired, metric: e.metric });
    }
  }
  return {
    name: scenario.name,
    seed: sim.seed,
    durationMs: scenario.durationMs,
    eventsProcessed: sim.eventsProcessed,
    logEntries: sim.logTotal,
    group: {
      minSize: view.minSize,
      maxSize: view.maxSize,
      desired: view.desired,
      inService: view.inService,
      peakInService: view.peakInService,
      activities: view.activities,
      instanceHours: view.instanceHours,
      costUsd: view.costUsd,
    },
    load: summarizeLoad(view.series, scenario.scaling.load, scenario.scaling.group.metricPeriodMs ?? 60_000),
    scalingActivities,
    logTail: tail > 0 ? sim.log.slice(-tail) : [],
  };
}
