/**
 * A DR drill from plain data: the same database, workload and failures run once per strategy (same seed), so the
 * strategies' RTO, RPO, lost writes and cost per hour can be compared side by side.
 * Validated by lib/validation/scenario-resilience.ts (the engine imports nothing outside lib/sim).
 */
import type { DatabaseConfig, DatabaseLogEntry } from "./database";
import { DrModel, type DrConfig, type DrCosts, type DrIncident, type DrLogEntry, type DrPhase, type DrRestore, type DrStrategy, type DrTimings } from "./dr";
import { FailureModel, type ChaosAction, type FailureConfig, type FailureLogEntry } from "./failures";
import { Simulation } from "./simulation";

export type DrScenarioLogEntry = DrLogEntry | DatabaseLogEntry | FailureLogEntry;

export interface DrScenario {
  name: string;
  description?: string;
  seed: number;
  durationMs: number;
  dr: {
    strategies: DrStrategy[];
    primaryRegionId: string;
    recoveryRegionId: string;
    recoveryAzId?: string;
    /** Overrides of the default timings, per strategy. */
    timings?: Partial<Record<DrStrategy, Partial<DrTimings>>>;
    restore?: Partial<DrRestore>;
    costs: DrCosts;
    database: DatabaseConfig;
    chaos: ChaosAction[];
    topology?: FailureConfig["topology"];
  };
  /** How many of each run's last log entries to return. Default 0. */
  logTail?: number;
}

export interface DrStrategyResult {
  strategy: DrStrategy;
  phase: DrPhase;
  incident: DrIncident | null;
  rtoMs: number | null;
  rpoMs: number | null;
  lostWrites: number | null;
  committedWrites: number;
  rejectedWrites: number;
  costPerHour: number;
  eventsProcessed: number;
  logTail: DrScenarioLogEntry[];
}

export interface DrScenarioResult {
  name: string;
  seed: number;
  durationMs: number;
  strategies: DrStrategyResult[];
}

/** Builds one strategy's run at t = 0 (for widgets that step it themselves). */
export function createDrRun(scenario: Pick<DrScenario, "seed" | "dr">, strategy: DrStrategy) {
  const d = scenario.dr;
  const sim = new Simulation<DrScenarioLogEntry>({ seed: scenario.seed });
  // Backup & restore keeps no replica in the recovery Region: it neither pays for one nor recovers from one.
  const database: DatabaseConfig = strategy === "backup-restore" ? { ...d.database, asyncReplica: null } : d.database;
  const config: DrConfig = {
    strategy,
    primaryRegionId: d.primaryRegionId,
    recoveryRegionId: d.recoveryRegionId,
    recoveryAzId: d.recoveryAzId,
    timings: d.timings?.[strategy],
    restore: d.restore,
    costs: d.costs,
    database,
  };
  // The DR plan needs the failure model for reachability and the failure model needs the plan as a sink.
  const sinks: DrModel[] = [];
  const failures = new FailureModel(sim, { chaos: d.chaos, topology: d.topology }, sinks);
  const dr = new DrModel(sim, config, failures);
  sinks.push(dr);
  return { sim, dr, failures };
}

export function runDrScenario(scenario: DrScenario): DrScenarioResult {
  const tail = scenario.logTail ?? 0;
  return {
    name: scenario.name,
    seed: scenario.seed >>> 0,
    durationMs: scenario.durationMs,
    strategies: scenario.dr.strategies.map((strategy) => {
      const { sim, dr } = createDrRun(scenario, strategy);
      sim.runUntil(scenario.durationMs);
      const view = dr.view();
      const db = dr.database.view();
      const incident = view.incident;
      return {
        strategy,
        phase: view.phase,
        incident,
        rtoMs: incident && incident.restoredAtMs <= sim.nowMs ? incident.rtoMs : null,
        rpoMs: incident ? incident.rpoMs : null,
        lostWrites: incident ? incident.lostWrites : null,
        committedWrites: db.committedWrites,
        rejectedWrites: db.rejectedWrites,
        costPerHour: view.cost.totalPerHour,
        eventsProcessed: sim.eventsProcessed,
        logTail: tail > 0 ? sim.log.slice(-tail) : [],
      };
    }),
  };
}
