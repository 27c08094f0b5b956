/**
 * The pure simulation side of QueueBufferLab: one bursty producer, two ways to reach the same pool of consumers.
 *
 * - "Direct call" (synchronous): each message is a request that waits for a free consumer. The caller gives up
 *   after CLIENT_TIMEOUT_MS (queueing plus processing), so a burst beyond the pool's capacity becomes errors.
 * - "Through a queue" (asynchronous, SQS-like standard queue): the producer's send always succeeds; consumers
 *   receive the oldest visible message, which stays invisible for the visibility timeout; they delete it when done.
 *   A consumer that crashes before deleting leaves the message to reappear when the timeout expires (at-least-once
 *   delivery), and so does one that is still working when it expires. A delete with an outdated receipt handle
 *   does not delete (as SQS documents). After MAX_RECEIVE_COUNT receives a message moves to the dead-letter queue.
 *
 * Both lanes see exactly the same messages (arrival times and work sizes are drawn once, on shared streams), so
 * any difference is the architecture's. Built on lib/sim's Simulation, named streams, the lognormal service-time
 * sampler and the streaming latency histogram. Deterministic and React-free, so it is unit-tested.
 */
import { LatencyHistogram, ServiceTimeSampler, Simulation, type LogEntry, type Rng } from "@/lib/sim";

export const RUN_MS = 180_000;
/** Messages per second between bursts (Poisson). */
export const BASE_RATE = 20;
/** Bursts: [start, end) in ms. During a burst the rate is BASE_RATE × the burst multiplier. */
export const BURSTS: readonly (readonly [number, number])[] = [
  [20_000, 30_000],
  [100_000, 110_000],
];
/** Work per message: lognormal, median 80 ms, p99 600 ms (illustrative: a small image resize, an email render). */
export const WORK = { kind: "lognormal", p50Ms: 80, p99Ms: 600 } as const;
/** Mean of that lognormal: 80 · exp(σ²/2) with σ = ln(600/80) / 2.3263 ≈ 0.866, ≈ 116 ms. */
export const MEAN_WORK_MS = 116;
/** The direct caller's timeout (waiting plus processing). */
export const CLIENT_TIMEOUT_MS = 1_000;
/** A crashed consumer process is restarted by its supervisor after this long. */
export const RESTART_MS = 1_000;
/** How long an idempotent consumer takes to see "already done" and delete. */
export const DEDUP_CHECK_MS = 5;
/** Receives before a message moves to the dead-letter queue (the redrive policy's maxReceiveCount in this lab). */
export const MAX_RECEIVE_COUNT = 5;

export const BURST_MULTIPLIERS = [2, 4, 8] as const;
export const CONSUMER_COUNTS = [1, 2, 3, 4, 5, 6, 8, 10, 12] as const;
export const VISIBILITY_TIMEOUTS_MS = [250, 1_000, 5_000, 30_000] as const;
export const CRASH_RATES = [0, 0.01, 0.02] as const;

export interface QueueLabConfig {
  burstMultiplier: number;
  consumers: number;
  visibilityTimeoutMs: number;
  /** Per message: the consumer crashes after doing the work but before deleting the message / answering. */
  crashRate: number;
  /** The consumer remembers processed message ids and never repeats a side effect. */
  idempotent: boolean;
}

export const DEFAULT_CONFIG: QueueLabConfig = {
  burstMultiplier: 4,
  consumers: 4,
  visibilityTimeoutMs: 30_000,
  crashRate: 0,
  idempotent: false,
};

/** Messages per second at time t. */
export function rateAt(config: Pick<QueueLabConfig, "burstMultiplier">, tMs: number): number {
  for (const [a, b] of BURSTS) if (tMs >= a && tMs < b) return BASE_RATE * config.burstMultiplier;
  return BASE_RATE;
}

/** The next time the rate changes after t (Infinity when it never does). */
function nextChange(tMs: number): number {
  for (const [a, b] of BURSTS) {
    if (tMs < a) return a;
    if (tMs < b) return b;
  }
  return Infinity;
}

/** Expected messages in one burst. */
export function burstMessages(config: Pick<QueueLabConfig, "burstMultiplier">): number {
  const [a, b] = BURSTS[0] as readonly [number, number];
  return (BASE_RATE * config.burstMultiplier * (b - a)) / 1000;
}

/** Roughly how many messages per second the pool can process (one message at a time per consumer). */
export function poolCapacity(consumers: number): number {
  return (consumers * 1000) / MEAN_WORK_MS;
}

const IDLE = 0;
const BUSY = 1;
const DOWN = 2;

const M_VISIBLE = 0;
const M_IN_FLIGHT = 1;
const M_DELETED = 2;
const M_DLQ = 3;

export interface LaneSeries {
  /** One sample per second: second k covers [k, k+1) s. */
  arrived: number[];
  syncOk: number[];
  syncErrors: number[];
  /** Queue lane, at the end of each second. */
  backlog: number[];
  oldestAgeS: number[];
}

export interface QueueLabView {
  nowMs: number;
  sync: {
    arrived: number;
    ok: number;
    timeouts: number;
    crashErrors: number;
    errors: number;
    errorRate: number | null;
    p95Ms: number | null;
    waiting: number;
    busy: number;
    consumersUp: number;
  };
  queue: {
    sent: number;
    processed: number;
    visible: number;
    inFlight: number;
    backlog: number;
    oldestAgeMs: number;
    maxOldestAgeMs: number;
    maxBacklog: number;
    receives: number;
    redeliveries: number;
    /** Side effects run more than once for the same message. */
    duplicates: number;
    /** Repeats an idempotent consumer recognised and skipped. */
    duplicatesCaught: number;
    deadLettered: number;
    crashes: number;
    p95EndToEndMs: number | null;
    busy: number;
    consumersUp: number;
  };
  series: LaneSeries;
}

interface Consumer {
  state: number;
  msg: number;
  receipt: number;
  epoch: number;
}

/** The model: both lanes on one simulation. */
export class QueueLabModel {
  readonly config: QueueLabConfig;
  private readonly sim: Simulation<LogEntry>;
  private readonly sampler = new ServiceTimeSampler(WORK);
  private readonly kinds: Record<"arrival" | "qDone" | "qVisible" | "qRestart" | "sDone" | "sTimeout" | "sRestart" | "second", number>;

  // Messages (shared by both lanes).
  private readonly sentAt: number[] = [];
  private readonly work: number[] = [];
  // Queue lane, per message.
  private readonly mState: number[] = [];
  private readonly receiveCount: number[] = [];
  private readonly receipt: number[] = [];
  private readonly effects: number[] = [];
  private readonly visibleQ: number[] = [];
  private visibleHead = 0;
  private oldestPtr = 0;
  private visible = 0;
  private inFlight = 0;
  private readonly qConsumers: Consumer[];
  private processed = 0;
  private receives = 0;
  private redeliveries = 0;
  private duplicates = 0;
  private duplicatesCaught = 0;
  private deadLettered = 0;
  private qCrashes = 0;
  private maxOldestAgeMs = 0;
  private maxBacklog = 0;
  private readonly endToEnd = new LatencyHistogram();

  // Sync lane.
  private readonly sConsumers: Consumer[];
  /** Waiting requests (message indices), FIFO; timed-out ones are skipped lazily. */
  private readonly waitQ: number[] = [];
  private waitHead = 0;
  private waiting = 0;
  /** Per message: 0 waiting/unseen, 1 in service, 2 finished. */
  private readonly sState: number[] = [];
  private syncOk = 0;
  private timeouts = 0;
  private crashErrors = 0;
  private readonly syncLatency = new LatencyHistogram();

  private readonly series: LaneSeries = { arrived: [], syncOk: [], syncErrors: [], backlog: [], oldestAgeS: [] };
  private bArrived = 0;
  private bOk = 0;
  private bErr = 0;

  constructor(config: QueueLabConfig, seed: number) {
    this.config = config;
    this.sim = new Simulation<LogEntry>({ seed, maxLogEntries: 100 });
    const n = Math.max(1, Math.floor(config.consumers));
    this.qConsumers = Array.from({ length: n }, () => ({ state: IDLE, msg: -1, receipt: 0, epoch: 0 }));
    this.sConsumers = Array.from({ length: n }, () => ({ state: IDLE, msg: -1, receipt: 0, epoch: 0 }));
    const s = this.sim;
    this.kinds = {
      arrival: s.defineEvent("queue-lab/arrival", () => this.onArrival()),
      qDone: s.defineEvent("queue-lab/queue/done", (a, b) => this.onQueueDone(a, b)),
      qVisible: s.defineEvent("queue-lab/queue/visible", (a, b) => this.onVisibilityExpired(a, b)),
      qRestart: s.defineEvent("queue-lab/queue/restart", (a) => this.onRestart(this.qConsumers, a, true)),
      sDone: s.defineEvent("queue-lab/sync/done", (a, b) => this.onSyncDone(a, b)),
      sTimeout: s.defineEvent("queue-lab/sync/timeout", (a) => this.onSyncTimeout(a)),
      sRestart: s.defineEvent("queue-lab/sync/restart", (a) => this.onRestart(this.sConsumers, a, false)),
      // Before anything else at the same instant, so second k holds exactly [k, k+1) s.
      second: s.defineEvent("queue-lab/second", () => this.onSecond()),
    };
    this.scheduleArrival(0);
    s.schedule(1000, this.kinds.second, 0, 0, -1);
  }

  get simulation(): Simulation<LogEntry> {
    return this.sim;
  }

  private rng(name: string): Rng {
    return this.sim.stream(`queue-lab/${name}`);
  }

  // ── Producer ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** Piecewise-constant Poisson: a gap that crosses a rate change is discarded and redrawn from there (memoryless). */
  private scheduleArrival(fromMs: number): void {
    const rng = this.rng("arrivals");
    let t = fromMs;
    for (;;) {
      const rate = rateAt(this.config, t);
      const gap = rng.exponential(1000 / rate);
      const change = nextChange(t);
      if (t + gap < change) {
        t += gap;
        break;
      }
      t = change;
    }
    if (t < RUN_MS) this.sim.schedule(t, this.kinds.arrival);
  }

  private onArrival(): void {
    const now = this.sim.nowMs;
    const i = this.sentAt.length;
    this.sentAt.push(now);
    this.work.push(this.sampler.sample(this.rng("work")));
    this.bArrived++;
    // Queue lane: SendMessage always succeeds; the message is visible at once.
    this.mState.push(M_VISIBLE);
    this.receiveCount.push(0);
    this.receipt.push(0);
    this.effects.push(0);
    this.visibleQ.push(i);
    this.visible++;
    this.dispatchQueue();
    this.trackBacklog();
    // Sync lane: the caller waits for a consumer.
    this.sState.push(0);
    this.waitQ.push(i);
    this.waiting++;
    this.sim.schedule(now + CLIENT_TIMEOUT_MS, this.kinds.sTimeout, i);
    this.dispatchSync();
    this.scheduleArrival(now);
  }

  // ── Queue lane ────────────────────────────────────────────────────────────────────────────────────────────────

  private dispatchQueue(): void {
    for (let c = 0; c < this.qConsumers.length && this.visible > 0; c++) {
      const con = this.qConsumers[c] as Consumer;
      if (con.state !== IDLE) continue;
      const m = this.popVisible();
      if (m < 0) return;
      this.receive(c, m);
    }
  }

  private popVisible(): number {
    while (this.visibleHead < this.visibleQ.length) {
      const m = this.visibleQ[this.visibleHead++] as number;
      if (this.mState[m] === M_VISIBLE) {
        this.visible--;
        return m;
      }
    }
    return -1;
  }

  private receive(c: number, m: number): void {
    const now = this.sim.nowMs;
    const con = this.qConsumers[c] as Consumer;
    this.receives++;
    if (this.receiveCount[m]! > 0) this.redeliveries++;
    this.receiveCount[m] = this.receiveCount[m]! + 1;
    this.receipt[m] = this.receipt[m]! + 1;
    this.mState[m] = M_IN_FLIGHT;
    this.inFlight++;
    con.state = BUSY;
    con.msg = m;
    con.receipt = this.receipt[m]!;
    con.epoch++;
    const skip = this.config.idempotent && this.effects[m]! > 0;
    const ms = skip ? DEDUP_CHECK_MS : (this.work[m] as number);
    this.sim.schedule(now + ms, this.kinds.qDone, c, con.epoch);
    this.sim.schedule(now + this.config.visibilityTimeoutMs, this.kinds.qVisible, m, con.receipt);
  }

  private onQueueDone(c: number, epoch: number): void {
    const con = this.qConsumers[c] as Consumer;
    if (con.state !== BUSY || con.epoch !== epoch) return;
    const m = con.msg;
    const now = this.sim.nowMs;
    // The side effect (unless an idempotent consumer has already recorded it).
    if (this.effects[m]! > 0) {
      if (this.config.idempotent) this.duplicatesCaught++;
      else {
        this.duplicates++;
        this.effects[m] = this.effects[m]! + 1;
      }
    } else {
      this.effects[m] = 1;
      this.endToEnd.record(now - (this.sentAt[m] as number));
    }
    con.msg = -1;
    if (this.config.crashRate > 0 && this.rng("queue/crash").next() < this.config.crashRate) {
      // Crashed after the work, before DeleteMessage: the message stays in flight until its timeout expires.
      this.qCrashes++;
      this.down(this.qConsumers, c, this.kinds.qRestart);
      return;
    }
    // DeleteMessage: only the most recent receipt handle deletes.
    if (this.mState[m] !== M_DELETED && this.mState[m] !== M_DLQ && this.receipt[m] === con.receipt) {
      if (this.mState[m] === M_IN_FLIGHT) this.inFlight--;
      else if (this.mState[m] === M_VISIBLE) this.visible--;
      this.mState[m] = M_DELETED;
      this.processed++;
      this.advanceOldest();
    }
    con.state = IDLE;
    this.dispatchQueue();
    this.trackBacklog();
  }

  private onVisibilityExpired(m: number, receipt: number): void {
    if (this.mState[m] !== M_IN_FLIGHT || this.receipt[m] !== receipt) return;
    this.inFlight--;
    if (this.receiveCount[m]! >= MAX_RECEIVE_COUNT) {
      this.mState[m] = M_DLQ;
      this.deadLettered++;
      this.advanceOldest();
    } else {
      this.mState[m] = M_VISIBLE;
      this.visible++;
      this.visibleQ.push(m);
      this.dispatchQueue();
    }
    this.trackBacklog();
  }

  private advanceOldest(): void {
    while (this.oldestPtr < this.mState.length && (this.mState[this.oldestPtr] === M_DELETED || this.mState[this.oldestPtr] === M_DLQ)) {
      this.oldestPtr++;
    }
  }

  private oldestAge(now: number): number {
    return this.oldestPtr < this.sentAt.length ? now - (this.sentAt[this.oldestPtr] as number) : 0;
  }

  private trackBacklog(): void {
    const b = this.visible + this.inFlight;
    if (b > this.maxBacklog) this.maxBacklog = b;
    const age = this.oldestAge(this.sim.nowMs);
    if (age > this.maxOldestAgeMs) this.maxOldestAgeMs = age;
  }

  // ── Sync lane ─────────────────────────────────────────────────────────────────────────────────────────────────

  private dispatchSync(): void {
    for (let c = 0; c < this.sConsumers.length && this.waiting > 0; c++) {
      const con = this.sConsumers[c] as Consumer;
      if (con.state !== IDLE) continue;
      let m = -1;
      while (this.waitHead < this.waitQ.length) {
        const x = this.waitQ[this.waitHead++] as number;
        if (this.sState[x] === 0) {
          m = x;
          break;
        }
      }
      if (m < 0) return;
      this.waiting--;
      this.sState[m] = 1;
      con.state = BUSY;
      con.msg = m;
      con.epoch++;
      const now = this.sim.nowMs;
      const deadline = (this.sentAt[m] as number) + CLIENT_TIMEOUT_MS;
      // If the work would end after the caller gives up, the consumer stops at the deadline (the caller is gone).
      const end = now + (this.work[m] as number);
      con.receipt = end > deadline ? 1 : 0;
      this.sim.schedule(Math.min(end, deadline), this.kinds.sDone, c, con.epoch);
    }
  }

  private onSyncTimeout(m: number): void {
    if (this.sState[m] !== 0) return;
    this.sState[m] = 2;
    this.waiting--;
    this.timeouts++;
    this.bErr++;
  }

  private onSyncDone(c: number, epoch: number): void {
    const con = this.sConsumers[c] as Consumer;
    if (con.state !== BUSY || con.epoch !== epoch) return;
    const m = con.msg;
    const now = this.sim.nowMs;
    const latency = now - (this.sentAt[m] as number);
    this.sState[m] = 2;
    con.msg = -1;
    if (con.receipt === 1) {
      // The caller gave up at its deadline while the work was still running.
      this.timeouts++;
      this.bErr++;
    } else if (this.config.crashRate > 0 && this.rng("sync/crash").next() < this.config.crashRate) {
      // Crashed after the work, before answering: the caller sees an error (and may retry: a duplicate).
      this.crashErrors++;
      this.bErr++;
      this.down(this.sConsumers, c, this.kinds.sRestart);
      return;
    } else {
      this.syncOk++;
      this.bOk++;
      this.syncLatency.record(latency);
    }
    con.state = IDLE;
    this.dispatchSync();
  }

  // ── Consumers ─────────────────────────────────────────────────────────────────────────────────────────────────

  private down(pool: Consumer[], c: number, restartKind: number): void {
    const con = pool[c] as Consumer;
    con.state = DOWN;
    con.msg = -1;
    con.epoch++;
    this.sim.schedule(this.sim.nowMs + RESTART_MS, restartKind, c);
  }

  private onRestart(pool: Consumer[], c: number, queue: boolean): void {
    const con = pool[c] as Consumer;
    if (con.state !== DOWN) return;
    con.state = IDLE;
    if (queue) this.dispatchQueue();
    else this.dispatchSync();
  }

  /**
   * The learner's button: the first busy consumer in each lane (or the first up one) crashes mid-message. Queue
   * lane: the message is neither done nor deleted, so it reappears after the visibility timeout. Direct lane: the
   * caller's request fails.
   */
  crashConsumer(): boolean {
    const pick = (pool: Consumer[]) => {
      const busy = pool.findIndex((c) => c.state === BUSY);
      return busy >= 0 ? busy : pool.findIndex((c) => c.state === IDLE);
    };
    const q = pick(this.qConsumers);
    const s = pick(this.sConsumers);
    if (q < 0 && s < 0) return false;
    if (q >= 0) {
      this.qCrashes++;
      this.down(this.qConsumers, q, this.kinds.qRestart);
    }
    if (s >= 0) {
      const con = this.sConsumers[s] as Consumer;
      if (con.state === BUSY) {
        this.sState[con.msg] = 2;
        this.crashErrors++;
        this.bErr++;
      }
      this.down(this.sConsumers, s, this.kinds.sRestart);
    }
    return true;
  }

  private onSecond(): void {
    const now = this.sim.nowMs;
    const s = this.series;
    s.arrived.push(this.bArrived);
    s.syncOk.push(this.bOk);
    s.syncErrors.push(this.bErr);
    s.backlog.push(this.visible + this.inFlight);
    s.oldestAgeS.push(this.oldestAge(now) / 1000);
    this.bArrived = 0;
    this.bOk = 0;
    this.bErr = 0;
    if (now + 1000 <= RUN_MS) this.sim.schedule(now + 1000, this.kinds.second, 0, 0, -1);
  }

  view(): QueueLabView {
    const now = this.sim.nowMs;
    const errors = this.timeouts + this.crashErrors;
    const finished = this.syncOk + errors;
    const up = (pool: Consumer[]) => pool.filter((c) => c.state !== DOWN).length;
    const busy = (pool: Consumer[]) => pool.filter((c) => c.state === BUSY).length;
    return {
      nowMs: now,
      sync: {
        arrived: this.sentAt.length,
        ok: this.syncOk,
        timeouts: this.timeouts,
        crashErrors: this.crashErrors,
        errors,
        errorRate: finished > 0 ? errors / finished : null,
        p95Ms: this.syncLatency.quantileMs(0.95),
        waiting: this.waiting,
        busy: busy(this.sConsumers),
        consumersUp: up(this.sConsumers),
      },
      queue: {
        sent: this.sentAt.length,
        processed: this.processed,
        visible: this.visible,
        inFlight: this.inFlight,
        backlog: this.visible + this.inFlight,
        oldestAgeMs: this.oldestAge(now),
        maxOldestAgeMs: Math.max(this.maxOldestAgeMs, this.oldestAge(now)),
        maxBacklog: this.maxBacklog,
        receives: this.receives,
        redeliveries: this.redeliveries,
        duplicates: this.duplicates,
        duplicatesCaught: this.duplicatesCaught,
        deadLettered: this.deadLettered,
        crashes: this.qCrashes,
        p95EndToEndMs: this.endToEnd.quantileMs(0.95),
        busy: busy(this.qConsumers),
        consumersUp: up(this.qConsumers),
      },
      series: {
        arrived: this.series.arrived.slice(),
        syncOk: this.series.syncOk.slice(),
        syncErrors: this.series.syncErrors.slice(),
        backlog: this.series.backlog.slice(),
        oldestAgeS: this.series.oldestAgeS.slice(),
      },
    };
  }
}

export interface QueueLabHandle {
  sim: Simulation<LogEntry>;
  model: QueueLabModel;
}

export function createQueueLab(config: QueueLabConfig, seed: number): QueueLabHandle {
  const model = new QueueLabModel(config, seed);
  return { sim: model.simulation, model };
}

export const viewQueueLab = (h: QueueLabHandle): QueueLabView => h.model.view();

/** Runs a configuration to the end (tests, and checking the lesson's numbers). */
export function runQueueLab(config: QueueLabConfig, seed = 1): QueueLabView {
  const h = createQueueLab(config, seed);
  h.sim.runUntil(RUN_MS);
  return h.model.view();
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function formatPct(x: number | null, digits = 1): string {
  return x === null ? "—" : `${(x * 100).toFixed(digits)} %`;
}

export interface ChallengeSpec {
  id: string;
  label: string;
  met(config: QueueLabConfig, v: QueueLabView, ended: boolean): boolean;
}

/** The lesson's challenges, checked live (only at the end of a run where the whole run matters). */
export const CHALLENGES: ChallengeSpec[] = [
  {
    id: "absorb-8x",
    label: "8× bursts: queue empty at the end and the oldest message never older than 25 s, with at most 6 consumers",
    met: (c, v, ended) => ended && c.burstMultiplier === 8 && c.consumers <= 6 && v.queue.backlog <= 5 && v.queue.maxOldestAgeMs < 25_000,
  },
  {
    id: "no-duplicates",
    label: "Consumers crash 2 % of the time, yet no side effect runs twice",
    met: (c, v, ended) => ended && c.crashRate >= 0.02 && v.queue.duplicates === 0 && v.queue.redeliveries > 0,
  },
];

/** Which part of the run t is in: before, during or after a burst (for announcements that change by phase). */
export function phaseAt(tMs: number): { kind: "calm" | "burst" | "after"; burst: number } {
  let after = -1;
  for (let i = 0; i < BURSTS.length; i++) {
    const [a, b] = BURSTS[i] as readonly [number, number];
    if (tMs >= a && tMs < b) return { kind: "burst", burst: i + 1 };
    if (tMs >= b) after = i + 1;
  }
  return after > 0 ? { kind: "after", burst: after } : { kind: "calm", burst: 0 };
}

/** The aria-live summary: phases and actions, not every tick (the counts appear when the run ends). */
export function statusMessage(c: QueueLabConfig, v: QueueLabView, ended: boolean, lastAction: string | null): string {
  const cap = Math.round(poolCapacity(c.consumers));
  const peak = BASE_RATE * c.burstMultiplier;
  const s = v.sync;
  const q = v.queue;
  const prefix = lastAction ? `${lastAction} ` : "";
  if (v.nowMs === 0) {
    return `${prefix}${c.consumers} consumer${c.consumers === 1 ? "" : "s"} can process about ${cap} messages/s. The producer sends ${BASE_RATE}/s, with two 10-second bursts at ${peak}/s. Press Play.`;
  }
  if (ended) {
    return `${prefix}Run finished. Direct calls: ${s.errors.toLocaleString("en-US")} of ${s.arrived.toLocaleString("en-US")} failed (${formatPct(s.errorRate)}). Queue: none lost, ${q.processed.toLocaleString("en-US")} processed, ${q.backlog.toLocaleString("en-US")} still waiting, oldest message at worst ${formatSeconds(q.maxOldestAgeMs)}; ${q.redeliveries} redelivered, ${q.duplicates} duplicate side effects${q.duplicatesCaught > 0 ? ` (${q.duplicatesCaught} repeats skipped by the idempotent consumer)` : ""}, ${q.deadLettered} in the dead-letter queue.`;
  }
  const p = phaseAt(v.nowMs);
  if (p.kind === "burst") {
    return peak > cap
      ? `${prefix}Burst ${p.burst}: ${peak} messages/s against a capacity of about ${cap}/s. Direct callers wait, then time out; the queue's backlog grows instead.`
      : `${prefix}Burst ${p.burst}: ${peak} messages/s, within the capacity of about ${cap}/s.`;
  }
  if (p.kind === "after") {
    return `${prefix}Burst ${p.burst} is over: the direct lane recovers at once (its failed calls are gone for good); consumers drain the queue's backlog at their own pace.`;
  }
  return `${prefix}Steady traffic at ${BASE_RATE} messages/s: both lanes keep up. The first burst starts at ${BURSTS[0]![0] / 1000} s.`;
}
