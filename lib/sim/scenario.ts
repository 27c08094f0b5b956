/**
 * Scenarios: a whole run described as plain data (the JSON files in lib/sim/scenarios, validated by
 * lib/validation/scenario.ts before they get here) and run to the end in one call.
 */
import type { GatewayConfig, GatewayCounts } from "./gateway";
import type { FaultTarget, InfrastructureConfig, WorkloadStatus } from "./infrastructure";
import type { LbAlgorithm } from "./load-balancer";
import type { ProvisioningConfig, ProvisioningView } from "./provisioning";
import type { ServiceConfig, ServiceSeries, ServiceTotals, TargetView } from "./service";
import { createWorld, type SimLogEntry } from "./world";

export type InfraAction =
  | { atMs: number; action: "place" }
  | { atMs: number; action: "fail" | "recover"; target: FaultTarget; id: string };

export type ServiceAction =
  | { atMs: number; action: "fail-instance" | "recover-instance"; targetId: string }
  | { atMs: number; action: "register" | "deregister"; targetId: string };

export interface ServiceScenario extends ServiceConfig {
  actions?: ServiceAction[];
  /**
   * Also run the whole scenario once per algorithm listed here (same seed, so every run sees the same arrivals and
   * request sizes) and report each run's totals side by side.
   */
  race?: LbAlgorithm[];
  /** Include the per-bucket time series in the result (large for long runs). Default false. */
  includeSeries?: boolean;
}

export interface ServiceResult {
  algorithm: LbAlgorithm;
  totals: ServiceTotals;
  targets: TargetView[];
  series?: ServiceSeries;
}

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  durationMs: number;
  infrastructure?: InfrastructureConfig & { actions?: InfraAction[] };
  gateway?: GatewayConfig;
  provisioning?: ProvisioningConfig;
  service?: ServiceScenario;
  /** How many of the last log entries to return. Default 20. */
  logTail?: number;
}

export interface ScenarioResult {
  name: string;
  seed: number;
  durationMs: number;
  eventsProcessed: number;
  logEntries: number;
  logTail: SimLogEntry[];
  infrastructure?: { workloads: WorkloadStatus[] };
  gateway?: GatewayCounts;
  provisioning?: Pick<ProvisioningView, "onPrem" | "cloud">;
  service?: ServiceResult;
  /** One entry per algorithm of `service.race`. */
  race?: { algorithm: LbAlgorithm; totals: ServiceTotals }[];
}

export function runScenario(scenario: Scenario): ScenarioResult {
  const world = runWorld(scenario);
  const tail = scenario.logTail ?? 20;
  const result: ScenarioResult = {
    name: scenario.name,
    seed: world.sim.seed,
    durationMs: scenario.durationMs,
    eventsProcessed: world.sim.eventsProcessed,
    logEntries: world.sim.logTotal,
    logTail: tail > 0 ? world.sim.log.slice(-tail) : [],
  };
  if (world.infrastructure) result.infrastructure = { workloads: world.infrastructure.view().workloads };
  if (world.gateway) result.gateway = world.gateway.view().totals;
  if (world.provisioning) {
    const { onPrem, cloud } = world.provisioning.view();
    result.provisioning = { onPrem, cloud };
  }
  if (world.service) {
    const view = world.service.view();
    result.service = { algorithm: view.algorithm, totals: view.totals, targets: view.targets };
    if (scenario.service?.includeSeries) result.service.series = view.series;
  }
  const race = scenario.service?.race;
  if (scenario.service && race) {
    const base = scenario.service;
    result.race = race.map((algorithm) => {
      const run = runWorld({ ...scenario, service: { ...base, loadBalancer: { ...base.loadBalancer, algorithm } } });
      return { algorithm, totals: (run.service as NonNullable<typeof run.service>).view().totals };
    });
  }
  return result;
}

/** Builds the scenario's world, schedules its scripted actions and runs it to the end. */
function runWorld(scenario: Scenario) {
  const world = createWorld({
    seed: scenario.seed,
    infrastructure: scenario.infrastructure,
    gateway: scenario.gateway,
    provisioning: scenario.provisioning,
    service: scenario.service,
  });
  const infra = world.infrastructure;
  if (infra) {
    for (const a of scenario.infrastructure?.actions ?? []) {
      if (a.action === "place") infra.schedulePlacement(a.atMs);
      else infra.scheduleFault(a.atMs, a.target, a.id, a.action);
    }
  }
  const service = world.service;
  if (service) {
    for (const a of scenario.service?.actions ?? []) {
      if (a.action === "fail-instance") service.scheduleInstance(a.atMs, a.targetId, "fail");
      else if (a.action === "recover-instance") service.scheduleInstance(a.atMs, a.targetId, "recover");
      else service.scheduleRegistration(a.atMs, a.targetId, a.action);
    }
  }
  world.sim.runUntil(scenario.durationMs);
  return world;
}
