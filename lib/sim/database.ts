/**
 * A primary database with a steady write workload, an optional synchronous standby, an optional asynchronous
 * replica and scheduled backups, so lessons can measure what a failure costs in lost data:
 *
 * - synchronous standby (RDS Multi-AZ): a write commits only once the standby has it, so losing the primary loses
 *   nothing; the standby takes over after `failoverMs`. If the standby is up but cut off by a partition, commits
 *   cannot be acknowledged and writes stall;
 * - asynchronous replica (a cross-Region read replica): every `shipIntervalMs` the primary ships what it has
 *   committed; the batch is applied `lag` later, in order. Writes not yet applied when the primary's Region fails
 *   are lost. Shipping stops while the replica is unreachable and catches up afterwards;
 * - backups: a snapshot every `intervalMs`, usable outside the primary's Region `copyDelayMs` after it was taken.
 *
 * Writes arrive at a constant rate (write k at k / writesPerSec seconds), so committed and lost writes are counted
 * exactly without an event per write. The recovery point of a copy is the time up to which it holds every committed
 * write; RPO = failure time − recovery point, the window of lost writes.
 */
import type { Fault, FaultSink, Reachability } from "./failures";
import { clonePlain } from "./plain-data";
import { detLog } from "./det-math";
import type { SimContext, SimModel } from "./simulation";

const BYTES_PER_GIB = 1024 ** 3;

export interface DbLocation {
  regionId: string;
  azId: string;
}

export type LagDistribution =
  | { kind: "fixed"; ms: number }
  | { kind: "uniform"; minMs: number; maxMs: number }
  /** `minMs` plus an exponential with mean `meanMs`: usually short, occasionally long. */
  | { kind: "exponential"; minMs: number; meanMs: number };

export interface DatabaseConfig {
  id: string;
  primary: DbLocation;
  syncStandby?: DbLocation | null;
  asyncReplica?: { location: DbLocation; lag: LagDistribution; shipIntervalMs?: number } | null;
  /** Backups are stored outside the primary's Region (a cross-Region snapshot copy). */
  backups?: { intervalMs: number; firstAtMs?: number; copyDelayMs?: number } | null;
  writesPerSec: number;
  /** Size at t = 0. */
  dataGiB: number;
  /** Growth per committed write. Default 0. */
  bytesPerWrite?: number;
  /** Time for the synchronous standby to take over. Default 60 000 (RDS Multi-AZ: typically 60–120 s). */
  failoverMs?: number;
}

/** What a copy of the data would lose if the primary were lost at `atMs`. */
export interface DataLoss {
  source: "standby" | "replica" | "backup";
  recoveryPointMs: number;
  rpoMs: number;
  lostWrites: number;
}

export interface PrimaryLoss {
  atMs: number;
  cause: "az" | "region";
  /** Set when the synchronous standby survived and takes over (no loss). */
  standby: DataLoss | null;
  replica: DataLoss | null;
  backup: DataLoss | null;
}

export type DatabaseLogEntry =
  | { type: "db-primary-lost"; atMs: number; databaseId: string; cause: "az" | "region" }
  | { type: "db-failover"; atMs: number; databaseId: string; to: DbLocation; source: DataLoss["source"] }
  | { type: "db-writes-stalled"; atMs: number; databaseId: string; reason: string }
  | { type: "db-writes-resumed"; atMs: number; databaseId: string }
  | { type: "db-backup"; atMs: number; databaseId: string; availableAtMs: number };

interface Batch {
  cutoffMs: number;
  applyAtMs: number;
}

export interface DatabaseState {
  primary: DbLocation | null;
  standby: DbLocation | null;
  standbyUp: boolean;
  replica: DbLocation | null;
  replicaUp: boolean;
  /** The standby is taking over (between losing the primary and `failoverMs` later). */
  failingOver: boolean;
  /** Where the primary was before the standby took over: it rejoins as the standby once its location is back. */
  formerPrimary: DbLocation | null;
  downAzs: string[];
  downRegions: string[];
  /** Closed intervals [start, end] during which writes committed; end -1 while open. */
  accepting: [number, number][];
  inFlight: Batch[];
  appliedCutoffMs: number;
  lastApplyAtMs: number;
  /** Backups as [asOfMs, availableAtMs], the newest usable one and any still being copied. */
  backups: [number, number][];
  /** Committed writes that a DR activation left behind. */
  lostWrites: number;
  losses: PrimaryLoss[];
}

export interface DatabaseView {
  nowMs: number;
  id: string;
  primary: DbLocation | null;
  standby: (DbLocation & { up: boolean }) | null;
  replica: (DbLocation & { up: boolean; lagMs: number }) | null;
  acceptingWrites: boolean;
  committedWrites: number;
  /** Writes that arrived while the database could not commit them. */
  rejectedWrites: number;
  dataGiB: number;
  latestBackupAsOfMs: number | null;
  losses: PrimaryLoss[];
}

export function sampleLag(lag: LagDistribution, uniform01: () => number): number {
  if (lag.kind === "fixed") return lag.ms;
  if (lag.kind === "uniform") return lag.minMs + (lag.maxMs - lag.minMs) * uniform01();
  return lag.minMs - detLog(1 - uniform01()) * lag.meanMs;
}

export class DatabaseModel implements SimModel<DatabaseState>, FaultSink {
  readonly name: string;
  readonly id: string;
  private readonly sim: SimContext<DatabaseLogEntry>;
  private readonly config: DatabaseConfig;
  private readonly network: Reachability | null;
  private readonly kinds: { ship: number; backup: number; failover: number };
  private state: DatabaseState;

  constructor(sim: SimContext<DatabaseLogEntry>, config: DatabaseConfig, network: Reachability | null = null) {
    this.sim = sim;
    this.config = config;
    this.network = network;
    this.id = config.id;
    this.name = `database/${config.id}`;
    if (!(config.writesPerSec >= 0 && config.dataGiB >= 0)) throw new Error("writesPerSec and dataGiB must be non-negative.");
    const now = sim.nowMs;
    this.state = {
      primary: config.primary,
      standby: config.syncStandby ?? null,
      standbyUp: true,
      replica: config.asyncReplica?.location ?? null,
      replicaUp: true,
      failingOver: false,
      formerPrimary: null,
      downAzs: [],
      downRegions: [],
      accepting: [[now, -1]],
      inFlight: [],
      appliedCutoffMs: now,
      lastApplyAtMs: now,
      backups: [],
      lostWrites: 0,
      losses: [],
    };
    const prefix = `database/${config.id}`;
    this.kinds = {
      ship: sim.defineEvent(`${prefix}/ship`, () => this.onShip()),
      backup: sim.defineEvent(`${prefix}/backup`, () => this.onBackup()),
      failover: sim.defineEvent(`${prefix}/failover`, () => this.onFailover()),
    };
    sim.addModel(this);
    const replica = config.asyncReplica;
    if (replica) sim.schedule(now + (replica.shipIntervalMs ?? 1000), this.kinds.ship);
    const backups = config.backups;
    if (backups) {
      if (!(backups.intervalMs > 0)) throw new Error("Backups need a positive intervalMs.");
      sim.schedule(now + (backups.firstAtMs ?? 0), this.kinds.backup);
    }
  }

  /** Writes committed in (fromMs, toMs]. */
  committedBetween(fromMs: number, toMs: number): number {
    let n = 0;
    for (const [start, end] of this.state.accepting) {
      const a = Math.max(fromMs, start);
      const b = Math.min(toMs, end < 0 ? this.sim.nowMs : end);
      if (b > a) n += this.arrivedBy(b) - this.arrivedBy(a);
    }
    return n;
  }

  /** The newest loss of the primary, or null. */
  lastLoss(): PrimaryLoss | null {
    return this.state.losses[this.state.losses.length - 1] ?? null;
  }

  /**
   * Makes a copy in `location` the primary (DR: promote the replica, or a database restored from the newest backup)
   * and resumes writes there. The writes that copy lacks are gone for good.
   */
  activate(location: DbLocation, source: "replica" | "backup"): void {
    const s = this.state;
    const now = this.sim.nowMs;
    s.lostWrites += this.lastLoss()?.[source]?.lostWrites ?? 0;
    s.primary = location;
    if (source === "replica") s.replica = null;
    s.standby = null;
    s.failingOver = false;
    s.formerPrimary = null;
    this.sim.emit({ type: "db-failover", atMs: now, databaseId: this.id, to: location, source });
    this.refreshAccepting();
  }

  applyFault(fault: Fault, failed: boolean): void {
    const s = this.state;
    if (fault.kind === "az" || fault.kind === "region") {
      const list = fault.kind === "az" ? s.downAzs : s.downRegions;
      const at = list.indexOf(fault.id);
      if (failed === at >= 0) return;
      if (failed) list.push(fault.id);
      else list.splice(at, 1);
      if (failed) this.onLocationDown(fault.kind);
      else this.onLocationUp();
    }
    // Any fault may change reachability (partitions) or who can commit.
    this.refreshAccepting();
  }

  view(): DatabaseView {
    const s = this.state;
    const now = this.sim.nowMs;
    const committed = this.committedBetween(-1, now);
    const applied = this.appliedCutoffAt(now);
    const backup = this.usableBackup(now);
    return {
      nowMs: now,
      id: this.id,
      primary: s.primary ? { ...s.primary } : null,
      standby: s.standby ? { ...s.standby, up: s.standbyUp } : null,
      replica: s.replica ? { ...s.replica, up: s.replicaUp, lagMs: now - applied } : null,
      acceptingWrites: this.isAccepting(),
      committedWrites: committed,
      rejectedWrites: this.arrivedBy(now) - committed,
      dataGiB: this.config.dataGiB + ((committed - s.lostWrites) * (this.config.bytesPerWrite ?? 0)) / BYTES_PER_GIB,
      latestBackupAsOfMs: backup ? backup[0] : null,
      losses: clonePlain(s.losses),
    };
  }

  snapshot(): DatabaseState {
    return clonePlain(this.state);
  }

  restore(state: DatabaseState): void {
    this.state = clonePlain(state);
  }

  /** Writes that have arrived in (0, atMs]: write k arrives at k / writesPerSec seconds. */
  private arrivedBy(atMs: number): number {
    // The epsilon keeps an exact arrival time (e.g. 3 writes/s at 1000 ms) from flooring one short.
    return atMs <= 0 ? 0 : Math.floor((atMs * this.config.writesPerSec) / 1000 + 1e-9);
  }

  private isDown(loc: DbLocation): boolean {
    return this.state.downAzs.includes(loc.azId) || this.state.downRegions.includes(loc.regionId);
  }

  private reachable(a: DbLocation, b: DbLocation): boolean {
    return this.network ? this.network.reachable(a.azId, b.azId) : true;
  }

  private isAccepting(): boolean {
    const s = this.state;
    return s.accepting.length > 0 && (s.accepting[s.accepting.length - 1] as [number, number])[1] < 0;
  }

  /** Opens or closes the current accepting interval to match whether a commit can complete right now. */
  private refreshAccepting(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    let reason: string | null = null;
    if (!s.primary || this.isDown(s.primary)) reason = "no primary";
    else if (s.standby && s.standbyUp && !this.reachable(s.primary, s.standby)) reason = "the synchronous standby is unreachable";
    const open = this.isAccepting();
    if (reason === null && !open) {
      s.accepting.push([now, -1]);
      this.sim.emit({ type: "db-writes-resumed", atMs: now, databaseId: this.id });
    } else if (reason !== null && open) {
      (s.accepting[s.accepting.length - 1] as [number, number])[1] = now;
      this.sim.emit({ type: "db-writes-stalled", atMs: now, databaseId: this.id, reason });
    }
  }

  private onLocationDown(cause: "az" | "region"): void {
    const s = this.state;
    const now = this.sim.nowMs;
    if (s.standby && s.standbyUp && this.isDown(s.standby)) s.standbyUp = false;
    if (s.replica && s.replicaUp && this.isDown(s.replica)) s.replicaUp = false;
    if (!s.primary || !this.isDown(s.primary) || s.failingOver) return;
    // The primary is gone: record what each surviving copy holds, then let the standby take over if it can.
    this.refreshAccepting();
    const standbyOk = s.standby !== null && s.standbyUp;
    const loss: PrimaryLoss = {
      atMs: now,
      cause,
      standby: standbyOk ? { source: "standby", recoveryPointMs: now, rpoMs: 0, lostWrites: 0 } : null,
      replica: s.replica && s.replicaUp ? this.lossFrom("replica", this.appliedCutoffAt(now)) : null,
      backup: this.backupLoss(now),
    };
    s.losses.push(loss);
    this.sim.emit({ type: "db-primary-lost", atMs: now, databaseId: this.id, cause });
    if (standbyOk) {
      s.failingOver = true;
      s.formerPrimary = s.primary;
      this.sim.schedule(now + (this.config.failoverMs ?? 60_000), this.kinds.failover);
    }
  }

  private onLocationUp(): void {
    const s = this.state;
    if (s.standby && !s.standbyUp && !this.isDown(s.standby)) s.standbyUp = true;
    if (s.replica && !s.replicaUp && !this.isDown(s.replica)) s.replicaUp = true;
    // The old primary's location is back: it resynchronises and becomes the new standby.
    if (!s.failingOver && !s.standby && s.formerPrimary && !this.isDown(s.formerPrimary)) {
      s.standby = s.formerPrimary;
      s.standbyUp = true;
      s.formerPrimary = null;
    }
  }

  private onFailover(): void {
    const s = this.state;
    const standby = s.standby;
    s.failingOver = false;
    if (!standby || !s.standbyUp) return;
    s.primary = standby;
    s.standby = null;
    this.sim.emit({ type: "db-failover", atMs: this.sim.nowMs, databaseId: this.id, to: { ...standby }, source: "standby" });
    this.refreshAccepting();
  }

  private lossFrom(source: DataLoss["source"], recoveryPointMs: number): DataLoss {
    const now = this.sim.nowMs;
    return { source, recoveryPointMs, rpoMs: now - recoveryPointMs, lostWrites: this.committedBetween(recoveryPointMs, now) };
  }

  private backupLoss(now: number): DataLoss | null {
    const b = this.usableBackup(now);
    return b ? this.lossFrom("backup", b[0]) : null;
  }

  private usableBackup(now: number): [number, number] | null {
    let best: [number, number] | null = null;
    for (const b of this.state.backups) if (b[1] <= now && (!best || b[0] > best[0])) best = b;
    return best;
  }

  /** The replica's recovery point at `atMs`: the cutoff of the newest batch applied by then. */
  private appliedCutoffAt(atMs: number): number {
    let cutoff = this.state.appliedCutoffMs;
    for (const b of this.state.inFlight) if (b.applyAtMs <= atMs) cutoff = Math.max(cutoff, b.cutoffMs);
    return cutoff;
  }

  private onShip(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    const replica = this.config.asyncReplica;
    if (!replica) return;
    // Batches applied by now are folded into the recovery point.
    s.appliedCutoffMs = this.appliedCutoffAt(now);
    s.inFlight = s.inFlight.filter((b) => b.applyAtMs > now);
    if (s.replica && s.replicaUp && s.primary && this.isAccepting() && this.reachable(s.primary, s.replica)) {
      const lag = sampleLag(replica.lag, () => this.sim.stream(`database/${this.id}/lag`).next());
      // Applied in order: a batch never overtakes the one before it.
      const applyAtMs = Math.max(now + lag, s.lastApplyAtMs);
      s.lastApplyAtMs = applyAtMs;
      s.inFlight.push({ cutoffMs: now, applyAtMs });
    }
    if (s.replica) this.sim.schedule(now + (replica.shipIntervalMs ?? 1000), this.kinds.ship);
  }

  private onBackup(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    const backups = this.config.backups;
    if (!backups) return;
    if (this.isAccepting()) {
      const availableAtMs = now + (backups.copyDelayMs ?? 0);
      // Keep the newest usable backup and any still being copied.
      const usable = this.usableBackup(now);
      s.backups = s.backups.filter((b) => b === usable || b[1] > now);
      s.backups.push([now, availableAtMs]);
      this.sim.emit({ type: "db-backup", atMs: now, databaseId: this.id, availableAtMs });
    }
    this.sim.schedule(now + backups.intervalMs, this.kinds.backup);
  }
}
