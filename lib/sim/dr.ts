/**
 * Disaster recovery across Regions, with the four strategies of the AWS DR whitepaper. When the primary Region
 * fails, the plan runs its failover procedure in simulated time:
 *
 *   failure → detection → decision → (database ready ∥ application ready) → DNS/traffic switch → restored
 *
 * - backup & restore: nothing runs in the recovery Region; provision the stack and restore the newest backup
 *   (restore time = fixed + per GiB). RPO is the age of that backup;
 * - pilot light: the database replicates (asynchronously) to a small replica; promote it and launch the
 *   application tier;
 * - warm standby: a scaled-down full copy runs; promote the replica and scale the copy up;
 * - active/active (multi-site): both Regions serve; routing drops the failed one once health checks notice.
 *
 * RTO = restored − failure; RPO and lost writes come from the copy the strategy recovers from (see DatabaseModel).
 * The timings and prices are illustrative defaults, each overridable.
 */
import { DatabaseModel, type DatabaseConfig, type DataLoss, type DatabaseLogEntry } from "./database";
import type { Fault, FaultSink, Reachability } from "./failures";
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";

export type DrStrategy = "backup-restore" | "pilot-light" | "warm-standby" | "active-active";

export const DR_STRATEGIES: readonly DrStrategy[] = ["backup-restore", "pilot-light", "warm-standby", "active-active"];

export interface DrTimings {
  /** From the failure until monitoring raises it (alarms, Route 53 health checks). */
  detectionMs: number;
  /** From detection until someone (or automation) starts the failover. */
  decisionMs: number;
  /** Promoting a replica to primary (backup & restore restores instead: see `DrRestore`). */
  promotionMs: number;
  /** Provisioning or scaling the application tier in the recovery Region to full capacity. */
  provisioningMs: number;
  /** Switching traffic: DNS record change plus TTL, or routing updates. */
  trafficSwitchMs: number;
}

/** Illustrative defaults, in the order of magnitude the AWS DR whitepaper gives for each strategy. */
export const DR_DEFAULT_TIMINGS: Readonly<Record<DrStrategy, DrTimings>> = {
  "backup-restore": { detectionMs: 300_000, decisionMs: 900_000, promotionMs: 0, provisioningMs: 3_600_000, trafficSwitchMs: 300_000 },
  "pilot-light": { detectionMs: 300_000, decisionMs: 900_000, promotionMs: 300_000, provisioningMs: 1_200_000, trafficSwitchMs: 300_000 },
  "warm-standby": { detectionMs: 120_000, decisionMs: 300_000, promotionMs: 120_000, provisioningMs: 300_000, trafficSwitchMs: 60_000 },
  "active-active": { detectionMs: 30_000, decisionMs: 0, promotionMs: 0, provisioningMs: 0, trafficSwitchMs: 60_000 },
};

export interface DrRestore {
  fixedMs: number;
  msPerGiB: number;
}

export const DR_DEFAULT_RESTORE: Readonly<DrRestore> = { fixedMs: 1_200_000, msPerGiB: 60_000 };

export interface DrCosts {
  /** Instances of the application tier at full capacity. */
  appInstances: number;
  appInstancePerHour: number;
  dbInstancePerHour: number;
  backupStoragePerGiBMonth: number;
  /** Warm standby's scaled-down application tier. Default a quarter of `appInstances`, at least 1. */
  standbyAppInstances?: number;
}

export interface DrConfig {
  strategy: DrStrategy;
  primaryRegionId: string;
  recoveryRegionId: string;
  /** AZ of the recovered database when it is restored from a backup. Default `<recoveryRegionId>a`. */
  recoveryAzId?: string;
  timings?: Partial<DrTimings>;
  restore?: Partial<DrRestore>;
  costs: DrCosts;
  database: DatabaseConfig;
}

export interface DrCostBreakdown {
  primaryPerHour: number;
  recoveryPerHour: number;
  totalPerHour: number;
}

const HOURS_PER_MONTH = 730;

/** Steady-state cost per hour of running a strategy (before any failure). */
export function drCostPerHour(strategy: DrStrategy, costs: DrCosts, dataGiB: number, syncStandby: boolean): DrCostBreakdown {
  const app = costs.appInstances * costs.appInstancePerHour;
  const db = costs.dbInstancePerHour * (syncStandby ? 2 : 1);
  const storage = (dataGiB * costs.backupStoragePerGiBMonth) / HOURS_PER_MONTH;
  const standbyApp = (costs.standbyAppInstances ?? Math.max(1, Math.ceil(costs.appInstances / 4))) * costs.appInstancePerHour;
  const recovery =
    storage +
    (strategy === "backup-restore"
      ? 0
      : strategy === "pilot-light"
        ? costs.dbInstancePerHour
        : strategy === "warm-standby"
          ? costs.dbInstancePerHour + standbyApp
          : costs.dbInstancePerHour + app);
  return { primaryPerHour: app + db, recoveryPerHour: recovery, totalPerHour: app + db + recovery };
}

export type DrPhase = "normal" | "detecting" | "deciding" | "recovering" | "switching" | "restored";

const PHASES: readonly DrPhase[] = ["normal", "detecting", "deciding", "recovering", "switching", "restored"];

export interface DrIncident {
  failedAtMs: number;
  detectedAtMs: number;
  decidedAtMs: number;
  databaseReadyAtMs: number;
  applicationReadyAtMs: number;
  restoredAtMs: number;
  rtoMs: number;
  /** Null when the strategy had no copy to recover from (then every committed write is lost). */
  loss: DataLoss | null;
  rpoMs: number;
  lostWrites: number;
}

export type DrLogEntry =
  | { type: "dr-phase"; atMs: number; strategy: DrStrategy; phase: DrPhase }
  | { type: "dr-restored"; atMs: number; strategy: DrStrategy; rtoMs: number; rpoMs: number; lostWrites: number };

export interface DrState {
  phase: DrPhase;
  incident: DrIncident | null;
}

export interface DrView {
  nowMs: number;
  strategy: DrStrategy;
  phase: DrPhase;
  /** Serving traffic: before the failure, and again once restored. */
  serving: boolean;
  incident: DrIncident | null;
  cost: DrCostBreakdown;
  timings: DrTimings;
}

export class DrModel implements SimModel<DrState>, FaultSink {
  readonly name = "dr";
  readonly database: DatabaseModel;
  readonly timings: DrTimings;
  private readonly sim: SimContext<DrLogEntry | DatabaseLogEntry>;
  private readonly config: DrConfig;
  private readonly restoreTime: DrRestore;
  private readonly kindPhase: number;
  private state: DrState = { phase: "normal", incident: null };

  constructor(sim: SimContext<DrLogEntry | DatabaseLogEntry>, config: DrConfig, network: Reachability | null = null) {
    this.sim = sim;
    this.config = config;
    if (config.primaryRegionId === config.recoveryRegionId) throw new Error("The recovery Region must differ from the primary.");
    if (config.database.primary.regionId !== config.primaryRegionId) throw new Error("The database's primary must be in the primary Region.");
    const replica = config.database.asyncReplica;
    if (replica && replica.location.regionId !== config.recoveryRegionId) throw new Error("The async replica must be in the recovery Region.");
    this.timings = { ...DR_DEFAULT_TIMINGS[config.strategy], ...config.timings };
    this.restoreTime = { ...DR_DEFAULT_RESTORE, ...config.restore };
    this.database = new DatabaseModel(sim, config.database, network);
    // a = index of the phase reached.
    this.kindPhase = sim.defineEvent("dr/phase", (a) => this.enter(PHASES[a] as DrPhase));
    sim.addModel(this);
  }

  /** The database sees every fault first, so a Region failure's data loss is recorded before the plan starts. */
  applyFault(fault: Fault, failed: boolean): void {
    this.database.applyFault(fault, failed);
    if (fault.kind === "region" && failed && fault.id === this.config.primaryRegionId && this.state.incident === null) {
      this.startIncident();
    }
  }

  view(): DrView {
    const dataGiB = this.config.database.dataGiB;
    return {
      nowMs: this.sim.nowMs,
      strategy: this.config.strategy,
      phase: this.state.phase,
      serving: this.state.phase === "normal" || this.state.phase === "restored",
      incident: clonePlain(this.state.incident),
      cost: drCostPerHour(this.config.strategy, this.config.costs, dataGiB, Boolean(this.config.database.syncStandby)),
      timings: { ...this.timings },
    };
  }

  snapshot(): DrState {
    return clonePlain(this.state);
  }

  restore(state: DrState): void {
    this.state = clonePlain(state);
  }

  private startIncident(): void {
    const t = this.timings;
    const now = this.sim.nowMs;
    const strategy = this.config.strategy;
    const lastLoss = this.database.lastLoss();
    // Backup & restore recovers from the newest backup; the others from the replica, else a backup if that is all.
    const loss = (strategy === "backup-restore" ? lastLoss?.backup : (lastLoss?.replica ?? lastLoss?.backup)) ?? null;
    const detectedAtMs = now + t.detectionMs;
    const decidedAtMs = detectedAtMs + t.decisionMs;
    const dbMs =
      loss?.source === "backup" ? this.restoreTime.fixedMs + this.restoreTime.msPerGiB * this.database.view().dataGiB : t.promotionMs;
    const databaseReadyAtMs = decidedAtMs + dbMs;
    const applicationReadyAtMs = decidedAtMs + t.provisioningMs;
    const restoredAtMs = Math.max(databaseReadyAtMs, applicationReadyAtMs) + t.trafficSwitchMs;
    this.state.incident = {
      failedAtMs: now,
      detectedAtMs,
      decidedAtMs,
      databaseReadyAtMs,
      applicationReadyAtMs,
      restoredAtMs,
      rtoMs: restoredAtMs - now,
      loss,
      rpoMs: loss ? loss.rpoMs : now,
      lostWrites: loss ? loss.lostWrites : this.database.committedBetween(-1, now),
    };
    this.enter("detecting");
    this.sim.schedule(detectedAtMs, this.kindPhase, PHASES.indexOf("deciding"));
    this.sim.schedule(decidedAtMs, this.kindPhase, PHASES.indexOf("recovering"));
    this.sim.schedule(Math.max(databaseReadyAtMs, applicationReadyAtMs), this.kindPhase, PHASES.indexOf("switching"));
    this.sim.schedule(restoredAtMs, this.kindPhase, PHASES.indexOf("restored"));
  }

  private enter(phase: DrPhase): void {
    const now = this.sim.nowMs;
    const strategy = this.config.strategy;
    this.state.phase = phase;
    this.sim.emit({ type: "dr-phase", atMs: now, strategy, phase });
    const incident = this.state.incident;
    if (phase !== "restored" || !incident) return;
    const replica = this.config.database.asyncReplica?.location;
    const source = incident.loss?.source === "replica" ? "replica" : "backup";
    const location =
      source === "replica" && replica
        ? replica
        : { regionId: this.config.recoveryRegionId, azId: this.config.recoveryAzId ?? `${this.config.recoveryRegionId}a` };
    this.database.activate(location, source);
    this.sim.emit({ type: "dr-restored", atMs: now, strategy, rtoMs: incident.rtoMs, rpoMs: incident.rpoMs, lostWrites: incident.lostWrites });
  }
}
