/**
 * Scenarios: a whole run described as plain data (the JSON files in lib/sim/scenarios, validated by
 * lib/validation/scenario.ts before they get here) and run to the end in one call.
 */
import type { GatewayConfig, GatewayCounts } from "./gateway";
import type { FaultTarget, InfrastructureConfig, WorkloadStatus } from "./infrastructure";
import type { ProvisioningConfig, ProvisioningView } from "./provisioning";
import { createWorld, type SimLogEntry } from "./world";

export type InfraAction =
  | { atMs: number; action: "place" }
  | { atMs: number; action: "fail" | "recover"; target: FaultTarget; id: string };

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  durationMs: number;
  infrastructure?: InfrastructureConfig & { actions?: InfraAction[] };
  gateway?: GatewayConfig;
  provisioning?: ProvisioningConfig;
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
}

export function runScenario(scenario: Scenario): ScenarioResult {
  const world = createWorld({
    seed: scenario.seed,
    infrastructure: scenario.infrastructure,
    gateway: scenario.gateway,
    provisioning: scenario.provisioning,
  });
  const infra = world.infrastructure;
  if (infra) {
    for (const a of scenario.infrastructure?.actions ?? []) {
      if (a.action === "place") infra.schedulePlacement(a.atMs);
      else infra.scheduleFault(a.atMs, a.target, a.id, a.action);
    }
  }
  world.sim.runUntil(scenario.durationMs);
  const tail = scenario.logTail ?? 20;
  const result: ScenarioResult = {
    name: scenario.name,
    seed: world.sim.seed,
    durationMs: scenario.durationMs,
    eventsProcessed: world.sim.eventsProcessed,
    logEntries: world.sim.logTotal,
    logTail: tail > 0 ? world.sim.log.slice(-tail) : [],
  };
  if (infra) result.infrastructure = { workloads: infra.view().workloads };
  if (world.gateway) result.gateway = world.gateway.view().totals;
  if (world.provisioning) {
    const { onPrem, cloud } = world.provisioning.view();
    result.provisioning = { onPrem, cloud };
  }
  return result;
}
