/**
 * The future-event list: a calendar queue (a ring of time buckets) in front of a binary min-heap, over
 * struct-of-arrays slot storage. Events are plain numbers (a kind code and two numeric arguments), so scheduling and
 * popping allocate nothing once the arrays have grown.
 *
 * Order is total and deterministic: earlier `atMs` first, then lower `priority`, then earlier insertion (`seq`).
 * Because the order is total, where an event is stored never affects which event comes next: the data structure
 * is a speed choice only.
 *
 * Why a calendar: a simulation's near future is dense (a service at 1 000 req/s has an arrival or completion every
 * half millisecond), and a binary heap pays about 2 log₂ n hard-to-predict comparisons per event for it. The ring
 * holds the events of the next `RING` buckets in unsorted per-bucket lists: pushing is O(1) and popping scans one
 * short list. The bucket width is a quarter of the observed gap between popped events, so most buckets hold at
 * most one event, and a bitmap of busy buckets finds the next one with a bit scan instead of a loop over empty
 * ones (the loop's unpredictable length cost more than the scan of the list it saved). Events beyond the ring's
 * window, or earlier than its cursor (only possible when the queue is used on its own, out of time order), go to
 * the heap; every pop takes the earlier of the two candidates.
 *
 * Timers: a model that always has exactly one pending event of some sort (a traffic source's next arrival) can keep
 * it in a timer instead, a slot of its own outside the calendar. Arming one is a few stores and its pop is one extra
 * comparison, where a calendar push and pop each walk a bucket's list: a service at 1 000 req/s saves that on every
 * request. Timer events take part in the same total order, so where an event is stored still never matters.
 */

/** Runs when an event of its kind is popped; `atMs` is the event's time (the simulation's clock). */
export type EventHandler = (a: number, b: number, atMs: number) => void;

/** One pending event as plain data (for snapshots and inspection; the hot path never builds these). */
export interface QueuedEvent {
  atMs: number;
  priority: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
  /** Set when the event is armed in this timer (see `pushTimer`). */
  timer?: number;
}

const INITIAL_CAPACITY = 64;
const RING = 4096;
const RING_MASK = RING - 1;
const WORD_MASK = (RING >> 5) - 1;
/** Calendar pops between bucket-width reviews. */
const TUNE_EVERY = 4096;
const NONE = -1;
/** Where the earliest event is stored. */
const IN_CALENDAR = 0;
const IN_HEAP = 1;
const IN_TIMER = 2;

export class EventQueue {
  private atMs = new Float64Array(INITIAL_CAPACITY);
  private priority = new Int32Array(INITIAL_CAPACITY);
  // Float64 so sequence numbers stay exact far beyond 2^31 events.
  private seq = new Float64Array(INITIAL_CAPACITY);
  private kind = new Int32Array(INITIAL_CAPACITY);
  private argA = new Float64Array(INITIAL_CAPACITY);
  private argB = new Float64Array(INITIAL_CAPACITY);
  /** Next slot in the same calendar bucket. */
  private link = new Int32Array(INITIAL_CAPACITY);
  private free = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotCount = 0;
  private count = 0;
  private nextSeq = 0;

  // Calendar: bucket b (of width `widthMs`) holds events with floor(atMs / widthMs) = b, for b in
  // [cursorBucket, cursorBucket + RING); ring position (cursorIndex + b − cursorBucket) mod RING.
  private readonly head = new Int32Array(RING).fill(NONE);
  /** One bit per ring position, set while its bucket holds events: finding the next busy bucket is a bit scan. */
  private readonly occupied = new Int32Array(RING >> 5);
  private widthMs = 1;
  /** 1 / widthMs: a multiplication per push instead of a division (monotonic in atMs, like the division). */
  private invWidth = 1;
  private cursorBucket = 0;
  private cursorIndex = 0;
  private calendarCount = 0;
  /** At least the latest bucket holding an event (exact after a re-file; only grows until the calendar empties). */
  private lastBucket = 0;
  private popsSinceTune = 0;
  private tuneFromMs = 0;

  // Overflow: a binary min-heap of slot indices; heapAtMs[i] mirrors atMs[heap[i]] for contiguous comparisons.
  private heap = new Int32Array(INITIAL_CAPACITY);
  private heapAtMs = new Float64Array(INITIAL_CAPACITY);
  private heapCount = 0;

  // Timers: each owns one slot for good (never on the free list); armed while it holds an event.
  private timerSlot = new Int32Array(0);
  private timerArmed = new Uint8Array(0);
  /** The earliest armed timer and its time (NONE and Infinity when none is armed). */
  private firstTimer = NONE;
  private firstTimerAtMs = Infinity;
  private armedTimers = 0;

  /** The earliest event, found by `findMin`: its time, where it is, its slot and predecessor in its bucket. */
  private minAtMs = 0;
  private minWhere = IN_CALENDAR;
  private minSlot = NONE;
  private minPrev = NONE;

  /** The simulation's clock: `run` sets it to each event's time before dispatching the event. */
  clockMs = 0;

  /** Fields of the event most recently removed by `pop()`: read them before the next pop. */
  poppedAtMs = 0;
  poppedPriority = 0;
  poppedSeq = 0;
  poppedKind = 0;
  poppedA = 0;
  poppedB = 0;

  get size(): number {
    return this.count;
  }

  /** The sequence number the next `push` will use (part of a snapshot, so a restored run numbers events the same). */
  get sequence(): number {
    return this.nextSeq;
  }

  /** `atMs` of the next event, or `Infinity` when the queue is empty. */
  peekAtMs(): number {
    if (this.count === 0) return Infinity;
    this.findMin();
    return this.minAtMs;
  }

  /** Adds an event and returns its sequence number, which doubles as its handle for `cancel`. */
  push(atMs: number, priority: number, kind: number, a: number, b: number): number {
    const seq = this.nextSeq++;
    this.insert(atMs, priority, seq, kind, a, b);
    return seq;
  }

  /** A new, unarmed timer's index. */
  createTimer(): number {
    const timer = this.timerSlot.length;
    this.timerSlot = growI32(this.timerSlot, timer + 1);
    const armed = new Uint8Array(timer + 1);
    armed.set(this.timerArmed);
    this.timerArmed = armed;
    this.timerSlot[timer] = this.newSlot();
    return timer;
  }

  /** Like `push`, into an unarmed timer (it holds one event at a time). Returns the sequence number. */
  pushTimer(timer: number, atMs: number, priority: number, kind: number, a: number, b: number): number {
    const seq = this.nextSeq++;
    this.arm(timer, atMs, priority, seq, kind, a, b);
    return seq;
  }

  /** Removes the next event into the `popped*` fields; false when empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Like `pop`, but only when the next event is at or before `tMs`. */
  popUntil(tMs: number): boolean {
    if (this.count === 0) return false;
    this.findMin();
    const t = this.minAtMs;
    if (t > tMs) return false;
    const slot = this.minSlot;
    this.poppedAtMs = t;
    this.poppedPriority = this.priority[slot] as number;
    this.poppedSeq = this.seq[slot] as number;
    this.poppedKind = this.kind[slot] as number;
    this.poppedA = this.argA[slot] as number;
    this.poppedB = this.argB[slot] as number;
    this.removeMin();
    return true;
  }

  /**
   * Pops and dispatches every event at or before `tMs` (at most `limit` of them): sets `clockMs` to the event's time,
   * then calls `handlers[kind](a, b, atMs)`. Returns how many ran. This is the simulation's main loop; it lives here
   * rather than in `Simulation` so that V8 inlines the pop into it (a call per event, and the `popped*` round trip,
   * cost about 5 % of a service run).
   */
  run(tMs: number, limit: number, handlers: readonly EventHandler[]): number {
    let n = 0;
    while (n < limit && this.count > 0) {
      this.findMin();
      const t = this.minAtMs;
      if (t > tMs) break;
      const slot = this.minSlot;
      const kind = this.kind[slot] as number;
      const a = this.argA[slot] as number;
      const b = this.argB[slot] as number;
      this.removeMin();
      this.clockMs = t;
      n++;
      (handlers[kind] as EventHandler)(a, b, t);
    }
    return n;
  }

  /** Removes the event `findMin` found (after its fields have been read: the slot may be reused at once). */
  private removeMin(): void {
    const slot = this.minSlot;
    const where = this.minWhere;
    if (where === IN_TIMER) {
      this.disarm(this.firstTimer);
      return;
    }
    this.count--;
    this.free[this.freeCount++] = slot;
    if (where === IN_HEAP) {
      this.heapRemoveRoot();
    } else {
      this.unlink(slot, this.minPrev);
      // Only calendar pops count: the bucket width follows the calendar's own events.
      if (++this.popsSinceTune === TUNE_EVERY) this.tune(this.minAtMs);
    }
  }

  /** Removes the event with this handle. Linear in the queue size: cancellation is rare, popping is not. */
  cancel(seq: number): boolean {
    for (let i = 0; i < this.timerSlot.length; i++) {
      if (this.timerArmed[i] !== 1 || this.seq[this.timerSlot[i] as number] !== seq) continue;
      this.disarm(i);
      return true;
    }
    for (let i = 0; i < this.heapCount; i++) {
      const slot = this.heap[i] as number;
      if (this.seq[slot] !== seq) continue;
      this.heapRemoveAt(i);
      this.free[this.freeCount++] = slot;
      this.count--;
      return true;
    }
    for (let r = 0; r < RING; r++) {
      let prev = NONE;
      for (let s = this.head[r] as number; s !== NONE; prev = s, s = this.link[s] as number) {
        if (this.seq[s] !== seq) continue;
        if (prev === NONE) this.head[r] = this.link[s] as number;
        else this.link[prev] = this.link[s] as number;
        if (this.head[r] === NONE) this.occupied[r >> 5] = (this.occupied[r >> 5] as number) & ~(1 << (r & 31));
        this.calendarCount--;
        this.free[this.freeCount++] = s;
        this.count--;
        return true;
      }
    }
    return false;
  }

  /** Pending events in the order they will be processed. */
  entries(): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    const add = (s: number, timer?: number) =>
      out.push({
        atMs: this.atMs[s] as number,
        priority: this.priority[s] as number,
        seq: this.seq[s] as number,
        kind: this.kind[s] as number,
        a: this.argA[s] as number,
        b: this.argB[s] as number,
        ...(timer === undefined ? {} : { timer }),
      });
    for (let i = 0; i < this.heapCount; i++) add(this.heap[i] as number);
    for (let r = 0; r < RING; r++) for (let s = this.head[r] as number; s !== NONE; s = this.link[s] as number) add(s);
    for (let i = 0; i < this.timerSlot.length; i++) if (this.timerArmed[i] === 1) add(this.timerSlot[i] as number, i);
    return out.sort((x, y) => x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq);
  }

  /**
   * Replaces the contents with `events` (keeping their sequence numbers, and re-arming the timers they were in) and
   * continues numbering at `nextSeq`. The timers must exist already; they keep their slots.
   */
  load(events: readonly QueuedEvent[], nextSeq: number): void {
    this.count = 0;
    this.freeCount = 0;
    this.heapCount = 0;
    this.calendarCount = 0;
    this.head.fill(NONE);
    this.occupied.fill(0);
    this.timerArmed.fill(0);
    this.armedTimers = 0;
    this.firstTimer = NONE;
    this.firstTimerAtMs = Infinity;
    // Every slot that is not a timer's is free again.
    const owned = new Set(this.timerSlot);
    for (let slot = this.slotCount - 1; slot >= 0; slot--) if (!owned.has(slot)) this.free[this.freeCount++] = slot;
    for (const e of events) {
      if (e.timer === undefined) this.insert(e.atMs, e.priority, e.seq, e.kind, e.a, e.b);
      else this.arm(e.timer, e.atMs, e.priority, e.seq, e.kind, e.a, e.b);
    }
    this.nextSeq = nextSeq;
  }

  private newSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount] as number;
    if (this.slotCount === this.atMs.length) this.grow();
    return this.slotCount++;
  }

  private write(slot: number, atMs: number, priority: number, seq: number, kind: number, a: number, b: number): void {
    this.atMs[slot] = atMs;
    this.priority[slot] = priority;
    this.seq[slot] = seq;
    this.kind[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
  }

  private insert(atMs: number, priority: number, seq: number, kind: number, a: number, b: number): void {
    const slot = this.newSlot();
    this.write(slot, atMs, priority, seq, kind, a, b);
    this.count++;
    this.place(slot, atMs);
  }

  private arm(timer: number, atMs: number, priority: number, seq: number, kind: number, a: number, b: number): void {
    if (!(timer >= 0 && timer < this.timerSlot.length) || this.timerArmed[timer] === 1) this.badTimer(timer);
    const slot = this.timerSlot[timer] as number;
    this.write(slot, atMs, priority, seq, kind, a, b);
    this.timerArmed[timer] = 1;
    this.armedTimers++;
    this.count++;
    const first = this.firstTimer;
    const firstAtMs = this.firstTimerAtMs;
    if (
      first === NONE ||
      atMs < firstAtMs ||
      (atMs === firstAtMs && this.tieBefore(slot, this.timerSlot[first] as number))
    ) {
      this.firstTimer = timer;
      this.firstTimerAtMs = atMs;
    }
  }

  /** Out of line, so the hot `arm` stays small enough for V8 to inline into models. */
  private badTimer(timer: number): never {
    if (!(timer >= 0 && timer < this.timerSlot.length)) throw new Error(`Unknown timer ${timer}.`);
    throw new Error(`Timer ${timer} already holds an event.`);
  }

  private disarm(timer: number): void {
    this.timerArmed[timer] = 0;
    this.count--;
    // With no timer left armed (a single traffic source, between its pop and its re-arm) there is nothing to scan.
    if (--this.armedTimers === 0) {
      this.firstTimer = NONE;
      this.firstTimerAtMs = Infinity;
    } else if (this.firstTimer === timer) {
      this.findFirstTimer();
    }
  }

  private findFirstTimer(): void {
    let first = NONE;
    for (let i = 0; i < this.timerSlot.length; i++) {
      if (this.timerArmed[i] === 1 && (first === NONE || this.before(this.timerSlot[i] as number, this.timerSlot[first] as number))) {
        first = i;
      }
    }
    this.firstTimer = first;
    this.firstTimerAtMs = first === NONE ? Infinity : (this.atMs[this.timerSlot[first] as number] as number);
  }

  /** Files a slot in the calendar when its bucket is inside the ring's window, otherwise in the heap. */
  private place(slot: number, atMs: number): void {
    const bucket = Math.floor(atMs * this.invWidth);
    if (this.calendarCount === 0) {
      // An empty calendar can move its window anywhere: start it at this event.
      this.cursorBucket = bucket;
      this.lastBucket = bucket;
    }
    let rel = bucket - this.cursorBucket;
    if (rel < 0 && this.lastBucket - bucket < RING) {
      // Earlier than the cursor (which skips ahead to the next busy bucket even when a timer's event comes first):
      // move the window back to take it, as long as the latest filed event stays inside.
      this.cursorIndex = (this.cursorIndex + rel) & RING_MASK;
      this.cursorBucket = bucket;
      rel = 0;
    }
    if (rel >= 0 && rel < RING) {
      if (bucket > this.lastBucket) this.lastBucket = bucket;
      const r = (this.cursorIndex + rel) & RING_MASK;
      this.link[slot] = this.head[r] as number;
      this.head[r] = slot;
      this.occupied[r >> 5] = (this.occupied[r >> 5] as number) | (1 << (r & 31));
      this.calendarCount++;
    } else {
      this.heapPush(slot);
    }
  }

  /** Sets the min* fields to the earliest pending event (the queue must not be empty). */
  private findMin(): void {
    const atMs = this.atMs;
    let best = NONE;
    let bestPrev = NONE;
    let bestAt = Infinity;
    let where = IN_CALENDAR;
    if (this.calendarCount > 0) {
      const head = this.head;
      const link = this.link;
      let r = this.cursorIndex;
      if ((head[r] as number) === NONE) {
        // Skipped buckets are empty for good: every later push lands at or after the new cursor (or in the heap).
        const next = this.nextOccupied(r);
        this.cursorBucket += (next - r) & RING_MASK;
        this.cursorIndex = r = next;
      }
      best = head[r] as number;
      bestAt = atMs[best] as number;
      let prev = best;
      for (let s = link[best] as number; s !== NONE; prev = s, s = link[s] as number) {
        const ts = atMs[s] as number;
        if (ts < bestAt || (ts === bestAt && this.tieBefore(s, best))) {
          best = s;
          bestPrev = prev;
          bestAt = ts;
        }
      }
    }
    if (this.heapCount > 0) {
      const ht = this.heapAtMs[0] as number;
      if (best === NONE || ht < bestAt || (ht === bestAt && this.tieBefore(this.heap[0] as number, best))) {
        best = this.heap[0] as number;
        bestAt = ht;
        where = IN_HEAP;
      }
    }
    const tt = this.firstTimerAtMs;
    if (tt <= bestAt && this.firstTimer !== NONE) {
      const ts = this.timerSlot[this.firstTimer] as number;
      if (best === NONE || tt < bestAt || this.tieBefore(ts, best)) {
        best = ts;
        bestAt = tt;
        where = IN_TIMER;
      }
    }
    this.minAtMs = bestAt;
    this.minWhere = where;
    this.minSlot = best;
    this.minPrev = bestPrev;
  }

  /** The first busy ring position after r, circularly (the calendar must not be empty). */
  private nextOccupied(r: number): number {
    const occupied = this.occupied;
    let w = r >> 5;
    let bits = (occupied[w] as number) & (-1 << (r & 31));
    while (bits === 0) {
      w = (w + 1) & WORD_MASK;
      bits = occupied[w] as number;
    }
    return (w << 5) | (31 - Math.clz32(bits & -bits));
  }

  private unlink(slot: number, prev: number): void {
    const r = this.cursorIndex;
    if (prev !== NONE) {
      this.link[prev] = this.link[slot] as number;
    } else {
      const next = this.link[slot] as number;
      this.head[r] = next;
      if (next === NONE) this.occupied[r >> 5] = (this.occupied[r >> 5] as number) & ~(1 << (r & 31));
    }
    this.calendarCount--;
  }

  /**
   * Keeps the bucket width near a quarter of the mean gap between pops: re-files the calendar when that has moved
   * by more than a factor of two. Only the speed depends on this, never the order.
   */
  private tune(nowMs: number): void {
    const gap = (nowMs - this.tuneFromMs) / TUNE_EVERY;
    this.popsSinceTune = 0;
    this.tuneFromMs = nowMs;
    if (!(gap > 0) || !Number.isFinite(gap)) return;
    const target = gap / 4;
    if (target < 2 * this.widthMs && target > this.widthMs / 2) return;
    const slots: number[] = [];
    for (let r = 0; r < RING; r++) for (let s = this.head[r] as number; s !== NONE; s = this.link[s] as number) slots.push(s);
    this.head.fill(NONE);
    this.occupied.fill(0);
    this.calendarCount = 0;
    this.widthMs = target;
    this.invWidth = 1 / target;
    this.cursorIndex = 0;
    this.cursorBucket = Math.floor(nowMs * this.invWidth);
    for (const s of slots) this.place(s, this.atMs[s] as number);
  }

  /** True when slot x must be processed before slot y. */
  private before(x: number, y: number): boolean {
    const tx = this.atMs[x] as number;
    const ty = this.atMs[y] as number;
    if (tx !== ty) return tx < ty;
    return this.tieBefore(x, y);
  }

  /** For two events at the same time: true when slot x comes first (lower priority, then earlier insertion). */
  private tieBefore(x: number, y: number): boolean {
    const px = this.priority[x] as number;
    const py = this.priority[y] as number;
    if (px !== py) return px < py;
    return (this.seq[x] as number) < (this.seq[y] as number);
  }

  private heapPush(slot: number): void {
    if (this.heapCount === this.heap.length) {
      this.heap = growI32(this.heap, this.heap.length * 2);
      this.heapAtMs = growF64(this.heapAtMs, this.heapAtMs.length * 2);
    }
    this.siftUp(this.heapCount++, slot);
  }

  private heapRemoveRoot(): void {
    this.heapCount--;
    if (this.heapCount > 0) this.siftDown(0, this.heap[this.heapCount] as number);
  }

  private heapRemoveAt(i: number): void {
    this.heapCount--;
    if (i < this.heapCount) {
      this.siftDown(i, this.heap[this.heapCount] as number);
      this.siftUp(i, this.heap[i] as number);
    }
  }

  /** Moves `slot` up from heap position `i` (a hole) to where it belongs. */
  private siftUp(i: number, slot: number): void {
    const heap = this.heap;
    const heapAtMs = this.heapAtMs;
    const t = this.atMs[slot] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      const tp = heapAtMs[parent] as number;
      if (tp < t || (tp === t && !this.before(slot, p))) break;
      heap[i] = p;
      heapAtMs[i] = tp;
      i = parent;
    }
    heap[i] = slot;
    heapAtMs[i] = t;
  }

  /** Moves `slot` down from heap position `i` (a hole) to where it belongs. */
  private siftDown(i: number, slot: number): void {
    const heap = this.heap;
    const heapAtMs = this.heapAtMs;
    const n = this.heapCount;
    const t = this.atMs[slot] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = heap[child] as number;
      let tc = heapAtMs[child] as number;
      const right = child + 1;
      if (right < n) {
        const r = heap[right] as number;
        const tr = heapAtMs[right] as number;
        if (tr < tc || (tr === tc && this.before(r, c))) {
          child = right;
          c = r;
          tc = tr;
        }
      }
      if (t < tc || (t === tc && this.before(slot, c))) break;
      heap[i] = c;
      heapAtMs[i] = tc;
      i = child;
    }
    heap[i] = slot;
    heapAtMs[i] = t;
  }

  private grow(): void {
    const n = this.atMs.length * 2;
    this.atMs = growF64(this.atMs, n);
    this.seq = growF64(this.seq, n);
    this.argA = growF64(this.argA, n);
    this.argB = growF64(this.argB, n);
    this.priority = growI32(this.priority, n);
    this.kind = growI32(this.kind, n);
    this.link = growI32(this.link, n);
    this.free = growI32(this.free, n);
  }
}

function growF64(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  out.set(a);
  return out;
}

function growI32(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(n);
  out.set(a);
  return out;
}
