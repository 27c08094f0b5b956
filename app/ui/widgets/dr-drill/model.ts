/**
 * The DR drill's pure logic: settings → a lib/sim DR run (DrModel over a DatabaseModel, faults from a FailureModel),
 * what the widget shows, the recovery timeline and whether a run met its objectives. No React, so it is unit-tested.
 */
import {
  DR_DEFAULT_RESTORE,
  DR_DEFAULT_TIMINGS,
  createDrRun,
  drCostPerHour,
  wanRttMs,
  type DatabaseConfig,
  type DrCosts,
  type DrIncident,
  type DrPhase,
  type DrScenario,
  type DrStrategy,
  type LagDistribution,
} from "@/lib/sim";

export const MIN_MS = 60_000;
export const HOUR_MS = 60 * MIN_MS;

export const PRIMARY_REGION = "us-east-1";
export const RECOVERY_REGION = "us-west-2";

/** The drill runs this long; the Region can fail at any time before the end. */
export const DRILL_END_MS = 12 * HOUR_MS;
/** Backups are copied to the recovery Region this long after they are taken (illustrative). */
export const BACKUP_COPY_DELAY_MS = 10 * MIN_MS;
/** How long deciding to fail over takes once it is automated (a runbook that starts on the alarm). */
export const AUTOMATED_DECISION_MS = MIN_MS;
export const WRITES_PER_SEC = 50;

/** Illustrative on-demand prices in the spirit of a small web shop: 8 app instances and one database instance. */
export const DRILL_COSTS: DrCosts = {
  appInstances: 8,
  appInstancePerHour: 0.0832,
  dbInstancePerHour: 0.68,
  backupStoragePerGiBMonth: 0.095,
};

export type LagLevel = "healthy" | "busy" | "backlog";

export const LAG_LEVELS: Record<LagLevel, { label: string; lag: LagDistribution }> = {
  healthy: { label: "Healthy: about 1–2 s behind", lag: { kind: "exponential", minMs: 500, meanMs: 1_000 } },
  busy: { label: "Busy: 20–60 s behind", lag: { kind: "uniform", minMs: 20_000, maxMs: 60_000 } },
  backlog: { label: "Falling behind: 3–8 min", lag: { kind: "uniform", minMs: 180_000, maxMs: 480_000 } },
};

export const BACKUP_INTERVALS_MS = [24 * HOUR_MS, 12 * HOUR_MS, 4 * HOUR_MS, HOUR_MS] as const;
export const DATA_SIZES_GIB = [10, 50, 200] as const;

export const STRATEGY_LABELS: Record<DrStrategy, string> = {
  "backup-restore": "Backup & restore",
  "pilot-light": "Pilot light",
  "warm-standby": "Warm standby",
  "active-active": "Multi-site active/active",
};

export const STRATEGY_BLURBS: Record<DrStrategy, string> = {
  "backup-restore":
    "Nothing runs in us-west-2 but copies of your backups. On disaster: provision the whole stack, restore the newest backup.",
  "pilot-light":
    "The data is live in us-west-2 (an async replica), but the application servers are off. On disaster: promote the replica, launch the app tier.",
  "warm-standby":
    "A scaled-down but working copy runs in us-west-2 (replica + 2 app instances). On disaster: promote, scale up, switch traffic.",
  "active-active":
    "Both Regions serve users all the time at full size. On disaster: health checks drop us-east-1 from routing.",
};

export interface DrillConfig {
  strategy: DrStrategy;
  backupIntervalMs: number;
  lag: LagLevel;
  /** Automated failover decision (1 min) instead of the strategy's default human decision time. */
  automated: boolean;
  /** A synchronous Multi-AZ standby in a second AZ of the primary Region (high availability, not DR). */
  multiAz: boolean;
  dataGiB: number;
}

export const DEFAULT_CONFIG: DrillConfig = {
  strategy: "backup-restore",
  backupIntervalMs: 24 * HOUR_MS,
  lag: "healthy",
  automated: false,
  multiAz: true,
  dataGiB: 50,
};

export interface Objectives {
  rtoMs: number;
  rpoMs: number;
}

export const RTO_CHOICES_MS = [15 * MIN_MS, HOUR_MS, 4 * HOUR_MS, 24 * HOUR_MS] as const;
export const RPO_CHOICES_MS = [MIN_MS, 15 * MIN_MS, 2 * HOUR_MS, 24 * HOUR_MS] as const;

export function drillScenario(config: DrillConfig, seed: number): Pick<DrScenario, "seed" | "dr"> {
  const database: DatabaseConfig = {
    id: "orders",
    primary: { regionId: PRIMARY_REGION, azId: `${PRIMARY_REGION}a` },
    syncStandby: config.multiAz ? { regionId: PRIMARY_REGION, azId: `${PRIMARY_REGION}b` } : null,
    asyncReplica: {
      location: { regionId: RECOVERY_REGION, azId: `${RECOVERY_REGION}a` },
      lag: LAG_LEVELS[config.lag].lag,
      shipIntervalMs: 1_000,
    },
    backups: { intervalMs: config.backupIntervalMs, copyDelayMs: BACKUP_COPY_DELAY_MS },
    writesPerSec: WRITES_PER_SEC,
    dataGiB: config.dataGiB,
  };
  const timings = config.automated ? { [config.strategy]: { decisionMs: Math.min(AUTOMATED_DECISION_MS, DR_DEFAULT_TIMINGS[config.strategy].decisionMs) } } : undefined;
  return {
    seed,
    dr: {
      strategies: [config.strategy],
      primaryRegionId: PRIMARY_REGION,
      recoveryRegionId: RECOVERY_REGION,
      timings,
      costs: DRILL_COSTS,
      database,
      chaos: [],
      topology: [
        { regionId: PRIMARY_REGION, azIds: [`${PRIMARY_REGION}a`, `${PRIMARY_REGION}b`] },
        { regionId: RECOVERY_REGION, azIds: [`${RECOVERY_REGION}a`, `${RECOVERY_REGION}b`] },
      ],
    },
  };
}

export type DrillHandle = ReturnType<typeof createDrill>;

export function createDrill(config: DrillConfig, seed: number) {
  return createDrRun(drillScenario(config, seed), config.strategy);
}

/** The disaster: the whole primary Region fails now (and stays down for the rest of the drill). */
export function failPrimaryRegion(h: DrillHandle): boolean {
  if (h.dr.view().incident) return false;
  h.failures.inject({ kind: "region", id: PRIMARY_REGION }, true);
  return true;
}

export interface DrillView {
  nowMs: number;
  phase: DrPhase;
  serving: boolean;
  incident: DrIncident | null;
  costPerHour: { primary: number; recovery: number; total: number };
  committedWrites: number;
  rejectedWrites: number;
  replicaLagMs: number | null;
  latestBackupAsOfMs: number | null;
  /** Where the database's primary is now (changes when DR promotes a copy). */
  primaryRegion: string | null;
}

export function viewDrill(h: DrillHandle): DrillView {
  const v = h.dr.view();
  const db = h.dr.database.view();
  return {
    nowMs: v.nowMs,
    phase: v.phase,
    serving: v.serving,
    incident: v.incident,
    costPerHour: { primary: v.cost.primaryPerHour, recovery: v.cost.recoveryPerHour, total: v.cost.totalPerHour },
    committedWrites: db.committedWrites,
    rejectedWrites: db.rejectedWrites,
    replicaLagMs: db.replica && db.replica.up ? db.replica.lagMs : null,
    latestBackupAsOfMs: db.latestBackupAsOfMs,
    primaryRegion: db.primary?.regionId ?? null,
  };
}

/** Steady-state cost per hour of a configuration (no run needed). */
export function configCostPerHour(config: DrillConfig): number {
  return drCostPerHour(config.strategy, DRILL_COSTS, config.dataGiB, config.multiAz).totalPerHour;
}

/** The RTO the plan's timings predict: detection + decision + max(database ready, app ready) + traffic switch. */
export function plannedRtoMs(config: DrillConfig): number {
  const t = { ...DR_DEFAULT_TIMINGS[config.strategy] };
  if (config.automated) t.decisionMs = Math.min(t.decisionMs, AUTOMATED_DECISION_MS);
  const dbMs = config.strategy === "backup-restore" ? DR_DEFAULT_RESTORE.fixedMs + DR_DEFAULT_RESTORE.msPerGiB * config.dataGiB : t.promotionMs;
  return t.detectionMs + t.decisionMs + Math.max(dbMs, t.provisioningMs) + t.trafficSwitchMs;
}

/**
 * The worst RPO the configuration allows: for backups, a failure just before the next backup's copy lands loses a
 * whole interval plus the copy delay; for replication, the largest lag of the chosen level (the exponential "healthy"
 * level has no hard bound, so its 99.9th percentile is used) plus one shipping interval.
 */
export function worstCaseRpoMs(config: DrillConfig): number {
  if (config.strategy === "backup-restore") return config.backupIntervalMs + BACKUP_COPY_DELAY_MS;
  const lag = LAG_LEVELS[config.lag].lag;
  const maxLag =
    lag.kind === "fixed" ? lag.ms : lag.kind === "uniform" ? lag.maxMs : lag.minMs + lag.meanMs * Math.log(1000);
  return maxLag + 1_000;
}

/** A synchronous commit across Regions waits at least one round trip between them on every write. */
export function crossRegionRttMs(): number {
  return wanRttMs(PRIMARY_REGION, RECOVERY_REGION);
}

export interface TimelineSegment {
  id: "detect" | "decide" | "database" | "application" | "switch";
  label: string;
  startMs: number;
  endMs: number;
}

/** The incident's phases as bars relative to the failure (parallel database and application work overlap). */
export function timeline(incident: DrIncident, strategy: DrStrategy): TimelineSegment[] {
  const f = incident.failedAtMs;
  const dbLabel =
    incident.loss?.source === "backup" ? "Restore database from backup" : strategy === "active-active" ? "Database already serving" : "Promote replica";
  const appLabel =
    strategy === "backup-restore"
      ? "Provision the whole app tier"
      : strategy === "pilot-light"
        ? "Launch the app tier"
        : strategy === "warm-standby"
          ? "Scale the standby up"
          : "App tier already serving";
  const switchStart = Math.max(incident.databaseReadyAtMs, incident.applicationReadyAtMs);
  return [
    { id: "detect", label: "Detect the failure", startMs: 0, endMs: incident.detectedAtMs - f },
    { id: "decide", label: "Decide to fail over", startMs: incident.detectedAtMs - f, endMs: incident.decidedAtMs - f },
    { id: "database", label: dbLabel, startMs: incident.decidedAtMs - f, endMs: incident.databaseReadyAtMs - f },
    { id: "application", label: appLabel, startMs: incident.decidedAtMs - f, endMs: incident.applicationReadyAtMs - f },
    { id: "switch", label: "Switch traffic (DNS/routing)", startMs: switchStart - f, endMs: incident.restoredAtMs - f },
  ];
}

export interface Verdict {
  rtoMet: boolean;
  rpoMet: boolean;
}

export function verdict(incident: DrIncident, objectives: Objectives): Verdict {
  return { rtoMet: incident.rtoMs <= objectives.rtoMs, rpoMet: incident.rpoMs <= objectives.rpoMs };
}

/** Durations for people: "1 h 35 min", "13 min", "2.4 s". */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
  const totalMin = Math.round(ms / 60_000);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function formatUsdCents(value: number): string {
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const PHASE_TEXT: Record<DrPhase, string> = {
  normal: "Normal operation",
  detecting: "Region down — waiting for monitoring to notice",
  deciding: "Alarm raised — deciding whether to fail over",
  recovering: "Failing over — bringing the database and application up in us-west-2",
  switching: "Recovery Region ready — switching traffic",
  restored: "Service restored in us-west-2",
};

export function phaseText(phase: DrPhase): string {
  return PHASE_TEXT[phase];
}

/** The aria-live summary: phases and results, not every tick. */
export function statusMessage(config: DrillConfig, v: DrillView, objectives: Objectives, ended: boolean): string {
  const name = STRATEGY_LABELS[config.strategy];
  const i = v.incident;
  if (!i) {
    const base = `${name}, ${formatUsdCents(v.costPerHour.total)} an hour. us-east-1 is serving`;
    if (ended) return `${base}; the drill ended without a disaster. Reset and press “Fail us-east-1” during the run.`;
    return v.nowMs === 0
      ? `${base}. Press Play, let some backups happen, then press “Fail us-east-1”.`
      : `${base}. Fail it whenever you are ready.`;
  }
  if (v.phase !== "restored") return `${phaseText(v.phase)}. Customers get errors until traffic reaches us-west-2.`;
  const ok = verdict(i, objectives);
  return (
    `Restored after ${formatSpan(i.rtoMs)} (RTO target ${formatSpan(objectives.rtoMs)}: ${ok.rtoMet ? "met" : "missed"}); ` +
    `${i.lostWrites.toLocaleString("en-US")} orders lost, RPO ${formatSpan(i.rpoMs)} (target ${formatSpan(objectives.rpoMs)}: ${ok.rpoMet ? "met" : "missed"}); ` +
    `${formatUsdCents(v.costPerHour.total)} an hour.`
  );
}
