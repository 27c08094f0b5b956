/**
 * The future-event list: a binary min-heap of slot indices over struct-of-arrays storage. Events are plain numbers
 * (a kind code and two numeric arguments), so scheduling and popping allocate nothing once the arrays have grown.
 *
 * Order is total and deterministic: earlier `atMs` first, then lower `priority`, then earlier insertion (`seq`).
 */

/** One pending event as plain data (for snapshots and inspection; the hot path never builds these). */
export interface QueuedEvent {
  atMs: number;
  priority: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

const INITIAL_CAPACITY = 64;

export class EventQueue {
  private atMs = new Float64Array(INITIAL_CAPACITY);
  private priority = new Int32Array(INITIAL_CAPACITY);
  // Float64 so sequence numbers stay exact far beyond 2^31 events.
  private seq = new Float64Array(INITIAL_CAPACITY);
  private kind = new Int32Array(INITIAL_CAPACITY);
  private argA = new Float64Array(INITIAL_CAPACITY);
  private argB = new Float64Array(INITIAL_CAPACITY);
  /** heap[i] is a slot index; slots are recycled through `free`. */
  private heap = new Int32Array(INITIAL_CAPACITY);
  /** heapAtMs[i] mirrors atMs[heap[i]] so most comparisons read one contiguous array. */
  private heapAtMs = new Float64Array(INITIAL_CAPACITY);
  private free = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotCount = 0;
  private count = 0;
  private nextSeq = 0;

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
    return this.count === 0 ? Infinity : (this.heapAtMs[0] as number);
  }

  /** Adds an event and returns its sequence number, which doubles as its handle for `cancel`. */
  push(atMs: number, priority: number, kind: number, a: number, b: number): number {
    const seq = this.nextSeq++;
    this.insert(atMs, priority, seq, kind, a, b);
    return seq;
  }

  /** Removes the next event into the `popped*` fields; false when empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Like `pop`, but only when the next event is at or before `tMs` (one call per event on the hot path). */
  popUntil(tMs: number): boolean {
    if (this.count === 0) return false;
    const heap = this.heap;
    if ((this.heapAtMs[0] as number) > tMs) return false;
    const slot = heap[0] as number;
    this.poppedAtMs = this.atMs[slot] as number;
    this.poppedPriority = this.priority[slot] as number;
    this.poppedSeq = this.seq[slot] as number;
    this.poppedKind = this.kind[slot] as number;
    this.poppedA = this.argA[slot] as number;
    this.poppedB = this.argB[slot] as number;
    this.free[this.freeCount++] = slot;
    this.count--;
    if (this.count > 0) this.siftDown(0, heap[this.count] as number);
    return true;
  }

  /** Removes the event with this handle. Linear in the queue size: cancellation is rare, popping is not. */
  cancel(seq: number): boolean {
    for (let i = 0; i < this.count; i++) {
      const slot = this.heap[i] as number;
      if (this.seq[slot] !== seq) continue;
      this.free[this.freeCount++] = slot;
      this.count--;
      if (i < this.count) {
        this.siftDown(i, this.heap[this.count] as number);
        this.siftUp(i, this.heap[i] as number);
      }
      return true;
    }
    return false;
  }

  /** Pending events in the order they will be processed. */
  entries(): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    for (let i = 0; i < this.count; i++) {
      const s = this.heap[i] as number;
      out.push({
        atMs: this.atMs[s] as number,
        priority: this.priority[s] as number,
        seq: this.seq[s] as number,
        kind: this.kind[s] as number,
        a: this.argA[s] as number,
        b: this.argB[s] as number,
      });
    }
    return out.sort((x, y) => x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq);
  }

  /** Replaces the contents with `events` (keeping their sequence numbers) and continues numbering at `nextSeq`. */
  load(events: readonly QueuedEvent[], nextSeq: number): void {
    this.count = 0;
    this.freeCount = 0;
    this.slotCount = 0;
    for (const e of events) this.insert(e.atMs, e.priority, e.seq, e.kind, e.a, e.b);
    this.nextSeq = nextSeq;
  }

  private insert(atMs: number, priority: number, seq: number, kind: number, a: number, b: number): void {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount] as number;
    } else {
      if (this.slotCount === this.atMs.length) this.grow();
      slot = this.slotCount++;
    }
    this.atMs[slot] = atMs;
    this.priority[slot] = priority;
    this.seq[slot] = seq;
    this.kind[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    this.siftUp(this.count++, slot);
  }

  /** True when slot x (due at tx) must be processed before slot y (due at ty). */
  private before(x: number, tx: number, y: number, ty: number): boolean {
    if (tx !== ty) return tx < ty;
    const px = this.priority[x] as number;
    const py = this.priority[y] as number;
    if (px !== py) return px < py;
    return (this.seq[x] as number) < (this.seq[y] as number);
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
      if (!this.before(slot, t, p, tp)) break;
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
    const n = this.count;
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
        if (this.before(r, tr, c, tc)) {
          child = right;
          c = r;
          tc = tr;
        }
      }
      if (!this.before(c, tc, slot, t)) break;
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
    this.heap = growI32(this.heap, n);
    this.heapAtMs = growF64(this.heapAtMs, n);
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
