/**
 * The discrete-event simulation core. There is no wall clock: the caller drives time with `step()` (one event) or
 * `runUntil(tMs)`, so a run is a pure function of its seed, its configuration and the calls made on it.
 *
 * Models register event kinds once (one handler per kind, not a closure per event) and schedule events as
 * (time, kind, two numeric arguments). They write a typed log and keep plain-data state for `snapshot()`.
 */
import { EventQueue, type EventHandler } from "./event-queue";
import { createRng, deriveSeed, type Rng } from "./random";

/** Every log entry is a discriminated union member with the simulated time it happened at. */
export interface LogEntry {
  readonly type: string;
  readonly atMs: number;
}

/** A component whose state is part of the simulation's snapshot. `name` keys its state and must be unique. */
export interface SimModel<State = unknown> {
  readonly name: string;
  snapshot(): State;
  restore(state: State): void;
}

/**
 * What a model needs from the simulation. Models take this narrow view (not `Simulation`) so one simulation can
 * host several models whose log types form a union.
 */
export interface SimContext<L extends LogEntry> {
  readonly seed: number;
  readonly nowMs: number;
  defineEvent(name: string, handler: EventHandler): number;
  schedule(atMs: number, kind: number, a?: number, b?: number, priority?: number): number;
  /**
   * A timer holds at most one pending event, outside the main event list: for a component that always has exactly
   * one next event (a traffic source), where it is much cheaper than `schedule`. Create timers when the model is
   * built (snapshots refer to them by creation order).
   */
  createTimer(): number;
  /** `schedule`, into a timer that holds no event now. The handle works with `cancel`. */
  scheduleTimer(timer: number, atMs: number, kind: number, a?: number, b?: number, priority?: number): number;
  cancel(handle: number): boolean;
  /** The named random stream. Fetch it at draw time rather than caching it: `restore` replaces streams. */
  stream(name: string): Rng;
  emit(entry: L): void;
  addModel(model: SimModel): void;
}

export interface SimulationOptions {
  seed: number;
  /** Oldest entries are dropped beyond this many, so long runs stay bounded in memory. Default 50 000. */
  maxLogEntries?: number;
}

/** A pending event in a snapshot; `kind` is the registered name so snapshots survive code reordering. */
export interface SnapshotEvent {
  atMs: number;
  priority: number;
  seq: number;
  kind: string;
  a: number;
  b: number;
  /** The timer that holds the event, if any. */
  timer?: number;
}

/** Everything needed to continue a run: JSON-serialisable plain data. */
export interface SimulationSnapshot<L extends LogEntry = LogEntry> {
  version: 1;
  seed: number;
  nowMs: number;
  eventsProcessed: number;
  nextSeq: number;
  queue: SnapshotEvent[];
  streams: Record<string, number[]>;
  models: Record<string, unknown>;
  log: L[];
  logTotal: number;
}

const DEFAULT_MAX_LOG = 50_000;

export class Simulation<L extends LogEntry = LogEntry> implements SimContext<L> {
  readonly seed: number;
  private processed = 0;
  private readonly queue = new EventQueue();
  private readonly handlers: EventHandler[] = [];
  private readonly kindNames: string[] = [];
  private readonly kindByName = new Map<string, number>();
  private readonly streams = new Map<string, Rng>();
  private readonly models = new Map<string, SimModel>();
  private entries: L[] = [];
  private total = 0;
  private readonly maxLog: number;

  constructor(options: SimulationOptions) {
    if (!Number.isFinite(options.seed)) throw new Error("A simulation needs a finite numeric seed.");
    this.seed = options.seed >>> 0;
    this.maxLog = Math.max(1, options.maxLogEntries ?? DEFAULT_MAX_LOG);
  }

  get nowMs(): number {
    return this.queue.clockMs;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  get pendingEvents(): number {
    return this.queue.size;
  }

  /** `atMs` of the next pending event, or `Infinity`. */
  nextEventAtMs(): number {
    return this.queue.peekAtMs();
  }

  defineEvent(name: string, handler: EventHandler): number {
    if (this.kindByName.has(name)) throw new Error(`Event kind "${name}" is already defined.`);
    const kind = this.handlers.length;
    this.handlers.push(handler);
    this.kindNames.push(name);
    this.kindByName.set(name, kind);
    return kind;
  }

  /** Schedules an event; lower `priority` runs first among events at the same time. Returns a cancel handle. */
  schedule(atMs: number, kind: number, a = 0, b = 0, priority = 0): number {
    // The messages are built in a separate function, so this one stays small enough to inline into models.
    if (!(atMs >= this.queue.clockMs) || !(kind >>> 0 < this.handlers.length)) this.badSchedule(atMs, kind);
    return this.queue.push(atMs, priority, kind, a, b);
  }

  createTimer(): number {
    return this.queue.createTimer();
  }

  scheduleTimer(timer: number, atMs: number, kind: number, a = 0, b = 0, priority = 0): number {
    if (!(atMs >= this.queue.clockMs) || !(kind >>> 0 < this.handlers.length)) this.badSchedule(atMs, kind);
    return this.queue.pushTimer(timer, atMs, priority, kind, a, b);
  }

  private badSchedule(atMs: number, kind: number): never {
    if (!(atMs >= this.queue.clockMs)) throw new Error(`Cannot schedule at ${atMs} ms: the clock is already at ${this.queue.clockMs} ms.`);
    throw new Error(`Unknown event kind ${kind}.`);
  }

  cancel(handle: number): boolean {
    return this.queue.cancel(handle);
  }

  /** Processes the next event; false when none is pending. */
  step(): boolean {
    if (this.queue.run(Infinity, 1, this.handlers) === 0) return false;
    this.processed++;
    return true;
  }

  /** Processes every event at or before `tMs`, then sets the clock to `tMs`. Returns how many ran. */
  runUntil(tMs: number): number {
    if (tMs < this.queue.clockMs) throw new Error(`Cannot run back to ${tMs} ms: the clock is already at ${this.queue.clockMs} ms.`);
    const n = this.queue.run(tMs, Infinity, this.handlers);
    this.processed += n;
    this.queue.clockMs = tMs;
    return n;
  }

  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (!rng) {
      rng = createRng(deriveSeed(this.seed, name));
      this.streams.set(name, rng);
    }
    return rng;
  }

  /**
   * Whether any random stream has drawn a number yet. False means the run so far is the same for every seed (a
   * widget says so next to its seed field, rather than leaving a learner to wonder why a new seed changes nothing).
   * Compares each stream with a fresh one of the same name, so it holds after `restore` too.
   */
  usedRandomness(): boolean {
    for (const [name, rng] of this.streams) {
      const fresh = createRng(deriveSeed(this.seed, name)).state();
      if (rng.state().some((v, i) => v !== fresh[i])) return true;
    }
    return false;
  }

  emit(entry: L): void {
    this.entries.push(entry);
    this.total++;
    // Trim in chunks so dropping old entries stays amortised O(1).
    if (this.entries.length >= 2 * this.maxLog) this.entries = this.entries.slice(-this.maxLog);
  }

  /** The retained log (at most `maxLogEntries`, newest last). */
  get log(): readonly L[] {
    return this.entries.length > this.maxLog ? this.entries.slice(-this.maxLog) : this.entries;
  }

  /** How many entries have ever been emitted: a cursor for `logSince`. */
  get logTotal(): number {
    return this.total;
  }

  /** Entries emitted after the cursor `total` (as read from `logTotal` earlier), as far as they are retained. */
  logSince(total: number): L[] {
    const missing = this.total - total;
    if (missing <= 0) return [];
    return this.entries.slice(-Math.min(missing, this.entries.length));
  }

  addModel(model: SimModel): void {
    if (this.models.has(model.name)) throw new Error(`A model named "${model.name}" is already attached.`);
    this.models.set(model.name, model);
  }

  snapshot(): SimulationSnapshot<L> {
    const streams: Record<string, number[]> = {};
    for (const [name, rng] of [...this.streams].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      streams[name] = rng.state();
    }
    const models: Record<string, unknown> = {};
    for (const [name, model] of this.models) models[name] = model.snapshot();
    return {
      version: 1,
      seed: this.seed,
      nowMs: this.queue.clockMs,
      eventsProcessed: this.processed,
      nextSeq: this.queue.sequence,
      queue: this.queue.entries().map((e) => ({ ...e, kind: this.kindNames[e.kind] as string })),
      streams,
      models,
      log: this.log.slice(),
      logTotal: this.total,
    };
  }

  /**
   * Continues from `snapshot`. The simulation must have been built with the same configuration (same models and
   * event kinds) as the one that took it; only the run's state is restored.
   */
  restore(snapshot: SimulationSnapshot<L>): void {
    if (snapshot.seed !== this.seed) throw new Error(`Snapshot seed ${snapshot.seed} does not match ${this.seed}.`);
    this.queue.load(
      snapshot.queue.map((e) => {
        const kind = this.kindByName.get(e.kind);
        if (kind === undefined) throw new Error(`Snapshot has unknown event kind "${e.kind}".`);
        return { ...e, kind };
      }),
      snapshot.nextSeq,
    );
    this.streams.clear();
    for (const [name, state] of Object.entries(snapshot.streams)) {
      this.streams.set(name, createRng(deriveSeed(this.seed, name), state));
    }
    for (const [name, model] of this.models) {
      if (!(name in snapshot.models)) throw new Error(`Snapshot has no state for model "${name}".`);
      model.restore(snapshot.models[name]);
    }
    this.queue.clockMs = snapshot.nowMs;
    this.processed = snapshot.eventsProcessed;
    this.entries = snapshot.log.slice();
    this.total = snapshot.logTotal;
  }
}
