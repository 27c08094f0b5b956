/**
 * The replication lab's pure logic: settings → a lib/sim DatabaseModel run (primary in us-east-1a, optional
 * synchronous standby in us-east-1b, optional asynchronous read replica in us-east-1c or us-west-2), the faults the
 * learner injects, the manual promotion of the replica, and the read-after-write reads that may hit a stale replica.
 * No React, so it is unit-tested.
 */
import {
  DatabaseModel,
  INTER_AZ_RTT_MS,
  Simulation,
  wanRttMs,
  type DatabaseLogEntry,
  type DatabaseView,
  type DataLoss,
  type DbLocation,
  type LagDistribution,
} from "@/lib/sim";

export const SEC_MS = 1_000;
export const MIN_MS = 60 * SEC_MS;

export const REGION = "us-east-1";
export const OTHER_REGION = "us-west-2";
export const PRIMARY: DbLocation = { regionId: REGION, azId: "us-east-1a" };
export const STANDBY: DbLocation = { regionId: REGION, azId: "us-east-1b" };
export const REPLICA_LOCATIONS = {
  "same-region": { regionId: REGION, azId: "us-east-1c" },
  "other-region": { regionId: OTHER_REGION, azId: "us-west-2a" },
} as const satisfies Record<string, DbLocation>;

/** The run lasts ten simulated minutes. */
export const LAB_END_MS = 10 * MIN_MS;
/** Multi-AZ standby takeover. RDS documents 60–120 s as typical for a Multi-AZ DB instance; we use the low end. */
export const FAILOVER_MS = 60 * SEC_MS;
/** Promoting a read replica (RDS reboots it first; AWS says "several minutes or longer"). Illustrative. */
export const PROMOTE_MS = 3 * MIN_MS;
/** The replica receives the primary's changes in small batches this often. */
export const SHIP_INTERVAL_MS = 100;
/** Users read their own write back this long after making it (the "read-after-write" read). */
export const READ_BACK_MS = SEC_MS;
/** How often the lab samples reads and the charts. */
const TICK_MS = 100;
const SAMPLE_EVERY_TICKS = 10;
/** Illustrative price of one database instance-hour (each copy — primary, standby, replica — is a full instance). */
export const DB_INSTANCE_PER_HOUR = 0.68;
/** Illustrative time for the primary to make a write durable on its own storage. */
export const LOCAL_COMMIT_MS = 1;

export type ReplicaPlace = "none" | keyof typeof REPLICA_LOCATIONS;
export type LagLevel = "fast" | "busy" | "overloaded";
export type ReadTarget = "replica" | "primary";

/** Uniform lags only: they need no logarithm, so runs are identical in every JavaScript engine. */
export const LAG_LEVELS: Record<LagLevel, { label: string; lag: LagDistribution }> = {
  fast: { label: "Healthy: 0.05–0.25 s behind", lag: { kind: "uniform", minMs: 50, maxMs: 250 } },
  busy: { label: "Busy: up to about 1.3 s behind", lag: { kind: "uniform", minMs: 250, maxMs: 1_250 } },
  overloaded: { label: "Overloaded: 15–45 s behind", lag: { kind: "uniform", minMs: 15_000, maxMs: 45_000 } },
};

export const WRITE_RATES = [10, 50, 200, 1000] as const;

export interface LabConfig {
  standby: boolean;
  replica: ReplicaPlace;
  lag: LagLevel;
  writesPerSec: number;
  /** Where the application sends the read that follows a user's own write. */
  readsFrom: ReadTarget;
}

export const DEFAULT_CONFIG: LabConfig = {
  standby: true,
  replica: "same-region",
  lag: "fast",
  writesPerSec: 50,
  readsFrom: "replica",
};

export interface ReadCounts {
  /** Read-after-write reads that saw the user's write. */
  fresh: number;
  /** Reads served by the replica before the write had reached it. */
  stale: number;
  /** Reads with nowhere to go (the copy they target is down). */
  failed: number;
}

interface LabState {
  reads: ReadCounts;
  /** When the learner asked to promote the replica, and when it will be writable. */
  promoteRequestedAtMs: number | null;
  promoteReadyAtMs: number | null;
  promoted: boolean;
  failedAz: boolean;
  failedRegion: boolean;
  /** One sample per second for the charts. */
  seriesSec: number[];
  lagSec: (number | null)[];
  commitsPerSec: number[];
  staleReadsPerSec: number[];
  lastCommitted: number;
  lastStale: number;
  ticks: number;
}

export interface LabHandle {
  sim: Simulation<DatabaseLogEntry>;
  db: DatabaseModel;
  config: LabConfig;
  state: LabState;
  /** The event kind that completes a promotion. */
  promoteKind: number;
}

function replicaLocation(config: LabConfig): DbLocation | null {
  return config.replica === "none" ? null : REPLICA_LOCATIONS[config.replica];
}

export function createLab(config: LabConfig, seed: number): LabHandle {
  const sim = new Simulation<DatabaseLogEntry>({ seed });
  const replica = replicaLocation(config);
  const db = new DatabaseModel(sim, {
    id: "orders",
    primary: PRIMARY,
    syncStandby: config.standby ? STANDBY : null,
    asyncReplica: replica ? { location: replica, lag: LAG_LEVELS[config.lag].lag, shipIntervalMs: SHIP_INTERVAL_MS } : null,
    writesPerSec: config.writesPerSec,
    dataGiB: 100,
    failoverMs: FAILOVER_MS,
  });
  const state: LabState = {
    reads: { fresh: 0, stale: 0, failed: 0 },
    promoteRequestedAtMs: null,
    promoteReadyAtMs: null,
    promoted: false,
    failedAz: false,
    failedRegion: false,
    seriesSec: [],
    lagSec: [],
    commitsPerSec: [],
    staleReadsPerSec: [],
    lastCommitted: 0,
    lastStale: 0,
    ticks: 0,
  };
  const handle: LabHandle = { sim, db, config, state, promoteKind: -1 };
  const tick = sim.defineEvent("replication-lab/tick", () => onTick(handle, tick));
  handle.promoteKind = sim.defineEvent("replication-lab/promote", () => onPromoted(handle));
  sim.schedule(TICK_MS, tick);
  return handle;
}

/** Is the copy a read-after-write read targets up, and does it hold the write made READ_BACK_MS ago? */
function onTick(h: LabHandle, kind: number): void {
  const { sim, db, state, config } = h;
  const now = sim.nowMs;
  const v = db.view();
  // The writes read back now were committed in (now − READ_BACK − TICK, now − READ_BACK].
  const from = now - READ_BACK_MS - TICK_MS;
  const to = now - READ_BACK_MS;
  const reads = to > 0 ? db.committedBetween(Math.max(0, from), to) : 0;
  if (reads > 0) {
    const primaryUp = v.acceptingWrites;
    const useReplica = config.readsFrom === "replica" && v.replica !== null;
    if (!useReplica) {
      // Reads go to whichever instance is the primary now (after a promotion, the promoted replica).
      if (primaryUp) state.reads.fresh += reads;
      else state.reads.failed += reads;
    } else if (!v.replica!.up) {
      state.reads.failed += reads;
    } else {
      // The replica holds every write committed up to (now − lag).
      const cutoff = now - v.replica!.lagMs;
      const stale = cutoff >= to ? 0 : db.committedBetween(Math.max(cutoff, from), to);
      state.reads.stale += stale;
      state.reads.fresh += reads - stale;
    }
  }
  state.ticks++;
  if (state.ticks % SAMPLE_EVERY_TICKS === 0) {
    state.seriesSec.push(Math.round(now / SEC_MS));
    state.lagSec.push(v.replica && v.replica.up ? v.replica.lagMs / SEC_MS : null);
    state.commitsPerSec.push(v.committedWrites - state.lastCommitted);
    state.staleReadsPerSec.push(state.reads.stale - state.lastStale);
    state.lastCommitted = v.committedWrites;
    state.lastStale = state.reads.stale;
  }
  sim.schedule(now + TICK_MS, kind);
}

function onPromoted(h: LabHandle): void {
  const location = replicaLocation(h.config);
  if (!location || h.state.promoted) return;
  h.state.promoted = true;
  h.db.activate(location, "replica");
}

/** Fails the primary's AZ (us-east-1a). Returns false if it already failed. */
export function failPrimaryAz(h: LabHandle): boolean {
  if (h.state.failedAz || h.state.failedRegion) return false;
  h.state.failedAz = true;
  h.db.applyFault({ kind: "az", id: PRIMARY.azId }, true);
  return true;
}

/** Fails the whole primary Region (us-east-1): primary, standby and a same-Region replica with it. */
export function failRegion(h: LabHandle): boolean {
  if (h.state.failedRegion) return false;
  h.state.failedRegion = true;
  h.db.applyFault({ kind: "region", id: REGION }, true);
  return true;
}

/** Whether the learner can promote the replica now: the primary is lost, no standby is taking over, a replica is up. */
export function canPromote(h: LabHandle): boolean {
  const v = h.db.view();
  const loss = h.db.lastLoss();
  if (!loss || h.state.promoteRequestedAtMs !== null || h.state.promoted) return false;
  if (v.acceptingWrites) return false;
  if (loss.standby && !h.state.failedRegion) return false; // the standby is taking over
  return v.replica !== null && v.replica.up;
}

/** Starts promoting the replica; it becomes the writable primary PROMOTE_MS later. */
export function promoteReplica(h: LabHandle): boolean {
  if (!canPromote(h)) return false;
  const now = h.sim.nowMs;
  h.state.promoteRequestedAtMs = now;
  h.state.promoteReadyAtMs = now + PROMOTE_MS;
  h.sim.schedule(now + PROMOTE_MS, h.promoteKind);
  return true;
}

export type Phase =
  | "normal"
  | "failing-over"
  | "standby-took-over"
  | "waiting-for-promotion"
  | "promoting"
  | "promoted"
  | "no-copy";

export interface LabView {
  nowMs: number;
  phase: Phase;
  failedAz: boolean;
  failedRegion: boolean;
  acceptingWrites: boolean;
  committedWrites: number;
  rejectedWrites: number;
  primaryAz: string | null;
  standby: { azId: string; up: boolean } | null;
  replica: { azId: string; regionId: string; up: boolean; lagMs: number } | null;
  /** The primary's loss, and what the copy that took over lacked. */
  loss: { atMs: number; cause: "az" | "region"; usedCopy: DataLoss | null; replicaCopy: DataLoss | null } | null;
  /** From losing the primary to accepting writes again (null while still down). */
  writeOutageMs: number | null;
  reads: ReadCounts;
  promoteReadyAtMs: number | null;
  canPromote: boolean;
  series: { sec: number[]; lagSec: (number | null)[]; commitsPerSec: number[]; staleReadsPerSec: number[] };
}

function resumedAfter(h: LabHandle, atMs: number): number | null {
  for (const e of h.sim.log) if (e.type === "db-writes-resumed" && e.atMs >= atMs) return e.atMs;
  return null;
}

export function viewLab(h: LabHandle): LabView {
  const v: DatabaseView = h.db.view();
  const s = h.state;
  const loss = v.losses[v.losses.length - 1] ?? null;
  let phase: Phase = "normal";
  let usedCopy: DataLoss | null = null;
  let outage: number | null = null;
  if (loss) {
    const resumed = resumedAfter(h, loss.atMs);
    outage = resumed === null ? null : resumed - loss.atMs;
    if (s.promoted) {
      phase = "promoted";
      usedCopy = loss.replica;
    } else if (s.promoteRequestedAtMs !== null) {
      phase = "promoting";
    } else if (loss.standby && v.acceptingWrites) {
      phase = "standby-took-over";
      usedCopy = loss.standby;
    } else if (loss.standby && !s.failedRegion) {
      phase = "failing-over";
      usedCopy = loss.standby;
    } else if (v.replica && v.replica.up) {
      phase = "waiting-for-promotion";
    } else {
      phase = "no-copy";
    }
  }
  return {
    nowMs: v.nowMs,
    phase,
    failedAz: s.failedAz,
    failedRegion: s.failedRegion,
    acceptingWrites: v.acceptingWrites,
    committedWrites: v.committedWrites,
    rejectedWrites: v.rejectedWrites,
    primaryAz: v.primary?.azId ?? null,
    standby: v.standby ? { azId: v.standby.azId, up: v.standby.up } : null,
    replica: v.replica ? { azId: v.replica.azId, regionId: v.replica.regionId, up: v.replica.up, lagMs: v.replica.lagMs } : null,
    loss: loss ? { atMs: loss.atMs, cause: loss.cause, usedCopy, replicaCopy: loss.replica } : null,
    writeOutageMs: outage,
    reads: { ...s.reads },
    promoteReadyAtMs: s.promoteReadyAtMs,
    canPromote: canPromote(h),
    series: {
      sec: s.seriesSec.slice(),
      lagSec: s.lagSec.slice(),
      commitsPerSec: s.commitsPerSec.slice(),
      staleReadsPerSec: s.staleReadsPerSec.slice(),
    },
  };
}

/** Database instances running (each billed as a full instance). */
export function instanceCount(config: LabConfig): number {
  return 1 + (config.standby ? 1 : 0) + (config.replica === "none" ? 0 : 1);
}

export function costPerHour(config: LabConfig): number {
  return instanceCount(config) * DB_INSTANCE_PER_HOUR;
}

/** A commit waits for the primary's own storage and, with a synchronous standby, one round trip to it. */
export function commitLatencyMs(config: LabConfig): number {
  return LOCAL_COMMIT_MS + (config.standby ? INTER_AZ_RTT_MS : 0);
}

/** What one synchronous round trip to the other Region would add to every commit instead. */
export function crossRegionRttMs(): number {
  return wanRttMs(REGION, OTHER_REGION);
}

export function staleFraction(reads: ReadCounts): number | null {
  const served = reads.fresh + reads.stale;
  return served === 0 ? null : reads.stale / served;
}

/** Durations for people: "850 ms", "2.4 s", "61 s", "3 min 05 s". */
export function formatSpan(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

const n = (x: number) => x.toLocaleString("en-US");

/** The aria-live summary: what happened and what it cost, not every tick. */
export function statusMessage(config: LabConfig, v: LabView, state: { playing: boolean; ended: boolean }): string {
  const stale = staleFraction(v.reads);
  // Counts change every frame: announce them only when the run is paused or over, not while it plays.
  const readNote =
    !state.playing && config.readsFrom === "replica" && config.replica !== "none" && stale !== null
      ? ` ${(stale * 100).toFixed(1)} % of read-after-write reads from the replica were stale.`
      : "";
  switch (v.phase) {
    case "normal":
      if (v.nowMs === 0) return "The primary in us-east-1a is taking writes. Press Play, then fail its AZ or its whole Region.";
      if (state.playing) return `Running: the primary in us-east-1a commits ${n(config.writesPerSec)} writes a second. Fail its AZ or its Region when you are ready.`;
      return `${n(v.committedWrites)} writes committed so far; nothing has failed.${readNote}${state.ended ? " The run ended: Reset and fail something during the run." : ""}`;
    case "failing-over":
      return `us-east-1a is down. The synchronous standby in us-east-1b holds every committed write and is taking over; writes are rejected until it does (about ${formatSpan(FAILOVER_MS)}).`;
    case "standby-took-over":
      return `The standby took over after ${formatSpan(v.writeOutageMs ?? 0)} with no committed write lost (RPO 0).${readNote}`;
    case "waiting-for-promotion":
      return `The primary is gone and no standby survived. The replica in ${v.replica?.azId ?? "?"} is up but read-only: promote it to accept writes again. It lacks the last ${formatSpan(v.loss?.replicaCopy?.rpoMs ?? 0)} of writes.`;
    case "promoting":
      return `Promoting the replica: it becomes a writable primary at t = ${formatSpan(v.promoteReadyAtMs ?? 0)}. Every write made meanwhile is rejected.`;
    case "promoted":
      return `The promoted replica took writes again ${formatSpan(v.writeOutageMs ?? 0)} after the failure; ${n(v.loss?.usedCopy?.lostWrites ?? 0)} committed writes were lost (RPO ${formatSpan(v.loss?.usedCopy?.rpoMs ?? 0)}).${readNote}`;
    case "no-copy":
      return v.loss?.cause === "region"
        ? "Every copy was in us-east-1: nothing can take writes until the Region recovers, and if it never does, the data is gone. Only a copy in another Region helps (Day 18)."
        : "The primary's AZ is down and there is no standby or replica: writes are rejected until the AZ recovers.";
  }
}
