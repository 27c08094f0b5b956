import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue, Simulation, createStream } from "@/lib/sim";

function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.poppedAtMs, q.poppedPriority, q.poppedA]);
  return out;
}

describe("EventQueue", () => {
  it("orders by time, then priority, then insertion", () => {
    const q = new EventQueue();
    q.push(10, 0, 0, 1, 0);
    q.push(5, 0, 0, 2, 0);
    q.push(10, -1, 0, 3, 0); // same time as #1, lower priority number: first
    q.push(10, 0, 0, 4, 0); // same time and priority as #1, inserted later: after it
    q.push(0, 5, 0, 5, 0);
    expect(drain(q).map(([, , a]) => a)).toEqual([5, 2, 3, 1, 4]);
  });

  it("cancels by handle and keeps the rest in order", () => {
    const q = new EventQueue();
    const handles = [3, 1, 4, 1, 5, 9, 2, 6].map((t, i) => q.push(t, 0, 0, i, 0));
    expect(q.cancel(handles[2] as number)).toBe(true);
    expect(q.cancel(handles[2] as number)).toBe(false);
    expect(drain(q).map(([t]) => t)).toEqual([1, 1, 2, 3, 5, 6, 9]);
  });

  it("popUntil stops at the horizon", () => {
    const q = new EventQueue();
    q.push(1, 0, 0, 0, 0);
    q.push(2, 0, 0, 0, 0);
    expect(q.popUntil(1)).toBe(true);
    expect(q.popUntil(1)).toBe(false);
    expect(q.size).toBe(1);
  });

  it("matches a stable sort for any mix of pushes, pops and cancels (property)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("push" as const), atMs: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: -2, max: 2 }) }),
      fc.record({ kind: fc.constant("pop" as const) }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new EventQueue();
        let model: { atMs: number; priority: number; seq: number }[] = [];
        for (const o of ops) {
          if (o.kind === "push") {
            const seq = q.push(o.atMs, o.priority, 0, 0, 0);
            model.push({ atMs: o.atMs, priority: o.priority, seq });
          } else if (o.kind === "pop") {
            model.sort((x, y) => x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq);
            const expected = model.shift();
            expect(q.pop()).toBe(expected !== undefined);
            if (expected) expect(q.poppedSeq).toBe(expected.seq);
          } else if (model.length > 0) {
            const victim = model[o.pick % model.length] as { seq: number };
            expect(q.cancel(victim.seq)).toBe(true);
            model = model.filter((m) => m.seq !== victim.seq);
          }
          expect(q.size).toBe(model.length);
        }
      }),
    );
  });
});

describe("EventQueue as a calendar (time-ordered use)", () => {
  it("matches a stable sort through bucket-width changes, far-future events, ties and cancels (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.constantFrom(0.001, 0.5, 40, 10_000), { minLength: 1, maxLength: 4 }),
        (seed, scales) => {
          const q = new EventQueue();
          const rng = createStream(seed, "queue");
          let model: { atMs: number; priority: number; seq: number }[] = [];
          let now = 0;
          const push = (atMs: number, priority: number) => model.push({ atMs, priority, seq: q.push(atMs, priority, 0, 0, 0) });
          for (let i = 0; i < 50; i++) push(rng.exponential(40), 0);
          // Phases at different time scales make the calendar re-tune its bucket width (every 4 096 pops).
          for (const scale of scales) {
            for (let i = 0; i < 5_000; i++) {
              model.sort((x, y) => x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq);
              const expected = model.shift();
              expect(q.pop()).toBe(expected !== undefined);
              if (!expected) break;
              expect(q.poppedSeq).toBe(expected.seq);
              now = q.poppedAtMs;
              const r = rng.next();
              if (r < 0.05) push(now, -1); // a tie at the current instant, earlier priority
              else if (r < 0.08) push(now + 1e9 * rng.next(), 0); // far beyond the ring's window
              push(now + rng.exponential(scale), 0);
              if (r > 0.97 && model.length > 1) {
                const victim = model[rng.int(model.length)] as { seq: number };
                expect(q.cancel(victim.seq)).toBe(true);
                model = model.filter((m) => m.seq !== victim.seq);
              }
            }
          }
          expect(q.size).toBe(model.length);
          expect(q.entries().map((e) => e.seq)).toEqual(
            model.sort((x, y) => x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq).map((m) => m.seq),
          );
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("EventQueue timers", () => {
  it("take part in the same total order as calendar events, including ties and cancels (property)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("push" as const), atMs: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: -1, max: 1 }) }),
      fc.record({
        kind: fc.constant("timer" as const),
        timer: fc.integer({ min: 0, max: 2 }),
        atMs: fc.integer({ min: 0, max: 20 }),
        priority: fc.integer({ min: -1, max: 1 }),
      }),
      fc.record({ kind: fc.constant("pop" as const) }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new EventQueue();
        const timers = [q.createTimer(), q.createTimer(), q.createTimer()];
        let model: { atMs: number; priority: number; seq: number; timer: number | null }[] = [];
        const order = (x: { atMs: number; priority: number; seq: number }, y: typeof x) =>
          x.atMs - y.atMs || x.priority - y.priority || x.seq - y.seq;
        let floor = 0;
        for (const o of ops) {
          // Like a simulation: nothing is scheduled before the last popped time.
          if (o.kind === "push") {
            const atMs = floor + o.atMs;
            model.push({ atMs, priority: o.priority, seq: q.push(atMs, o.priority, 0, 0, 0), timer: null });
          } else if (o.kind === "timer") {
            const timer = timers[o.timer] as number;
            const atMs = floor + o.atMs;
            if (model.some((m) => m.timer === timer)) {
              expect(() => q.pushTimer(timer, atMs, o.priority, 0, 0, 0)).toThrow(/already holds/);
            } else {
              model.push({ atMs, priority: o.priority, seq: q.pushTimer(timer, atMs, o.priority, 1, timer, 0), timer });
            }
          } else if (o.kind === "pop") {
            model.sort(order);
            const expected = model.shift();
            expect(q.pop()).toBe(expected !== undefined);
            if (expected) {
              expect(q.poppedSeq).toBe(expected.seq);
              floor = q.poppedAtMs;
            }
          } else if (model.length > 0) {
            const victim = model[o.pick % model.length] as { seq: number };
            expect(q.cancel(victim.seq)).toBe(true);
            model = model.filter((m) => m.seq !== victim.seq);
          }
          expect(q.size).toBe(model.length);
          expect(q.peekAtMs()).toBe(model.length === 0 ? Infinity : Math.min(...model.map((m) => m.atMs)));
        }
        // A snapshot's round trip (entries → load) keeps every event, its timer and the order.
        const copy = new EventQueue();
        for (let i = 0; i < timers.length; i++) copy.createTimer();
        copy.load(q.entries(), q.sequence);
        expect(copy.entries()).toEqual(q.entries());
        expect(copy.entries().filter((e) => e.timer !== undefined).map((e) => e.timer).sort()).toEqual(
          model.filter((m) => m.timer !== null).map((m) => m.timer).sort(),
        );
        const drained: number[] = [];
        while (copy.pop()) drained.push(copy.poppedSeq);
        expect(drained).toEqual(model.sort(order).map((m) => m.seq));
      }),
    );
  });

  it("refuses an unknown timer", () => {
    const q = new EventQueue();
    expect(() => q.pushTimer(0, 1, 0, 0, 0, 0)).toThrow(/Unknown timer/);
  });
});

describe("Simulation clock", () => {
  it("step processes one event and moves the clock to it; runUntil stops at the horizon", () => {
    const sim = new Simulation({ seed: 1 });
    const seen: number[] = [];
    const kind = sim.defineEvent("tick", (a, _b, atMs) => seen.push(a * 1000 + atMs));
    sim.schedule(30, kind, 3);
    sim.schedule(10, kind, 1);
    sim.schedule(20, kind, 2);
    expect(sim.step()).toBe(true);
    expect(sim.nowMs).toBe(10);
    expect(sim.runUntil(25)).toBe(1);
    expect(sim.nowMs).toBe(25);
    expect(sim.nextEventAtMs()).toBe(30);
    sim.runUntil(100);
    expect(seen).toEqual([1010, 2020, 3030]);
    expect(sim.step()).toBe(false);
    expect(sim.eventsProcessed).toBe(3);
  });

  it("refuses to schedule in the past or run backwards", () => {
    const sim = new Simulation({ seed: 1 });
    const kind = sim.defineEvent("x", () => undefined);
    sim.runUntil(50);
    expect(() => sim.schedule(49, kind)).toThrow();
    expect(() => sim.runUntil(10)).toThrow();
    expect(() => sim.defineEvent("x", () => undefined)).toThrow();
  });

  it("events scheduled for the current instant during a handler run in the same runUntil", () => {
    const sim = new Simulation({ seed: 1 });
    const order: string[] = [];
    const late = sim.defineEvent("late", () => order.push("late"));
    const first = sim.defineEvent("first", () => {
      order.push("first");
      sim.schedule(sim.nowMs, late);
    });
    sim.schedule(5, first);
    sim.runUntil(5);
    expect(order).toEqual(["first", "late"]);
  });

  it("keeps the log bounded and counts every entry", () => {
    const sim = new Simulation<{ type: "n"; atMs: number; n: number }>({ seed: 1, maxLogEntries: 10 });
    for (let n = 0; n < 35; n++) sim.emit({ type: "n", atMs: 0, n });
    expect(sim.logTotal).toBe(35);
    expect(sim.log.map((e) => e.n)).toEqual([25, 26, 27, 28, 29, 30, 31, 32, 33, 34]);
    expect(sim.logSince(32).map((e) => e.n)).toEqual([32, 33, 34]);
  });
});
