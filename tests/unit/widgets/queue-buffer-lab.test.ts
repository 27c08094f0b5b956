import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueueBufferLab } from "@/app/ui/widgets/queue-buffer-lab";
import {
  CHALLENGES,
  DEFAULT_CONFIG,
  RUN_MS,
  createQueueLab,
  runQueueLab,
  statusMessage,
  viewQueueLab,
  type QueueLabConfig,
} from "@/app/ui/widgets/queue-buffer-lab/model";

const cfg = (over: Partial<QueueLabConfig>): QueueLabConfig => ({ ...DEFAULT_CONFIG, ...over });

describe("QueueBufferLab model", () => {
  it("sends the same messages down both lanes; the direct lane fails during bursts, the queue loses nothing", () => {
    const v = runQueueLab(DEFAULT_CONFIG, 1);
    expect(v.sync.arrived).toBe(v.queue.sent);
    expect(v.sync.ok + v.sync.errors + v.sync.busy + v.sync.waiting).toBe(v.sync.arrived);
    expect(v.sync.errorRate).toBeGreaterThan(0.1);
    expect(v.queue.processed + v.queue.backlog + v.queue.deadLettered).toBe(v.queue.sent);
    expect(v.queue.backlog).toBeLessThanOrEqual(5);
    expect(v.queue.duplicates).toBe(0);
    expect(v.queue.maxOldestAgeMs).toBeGreaterThan(5_000);
    expect(v.series.arrived.length).toBe(RUN_MS / 1000);
    expect(v.series.arrived.reduce((a, b) => a + b, 0)).toBe(v.sync.arrived);
  });

  it("a bigger burst means a bigger backlog and more direct-call errors; more consumers drain it faster", () => {
    const small = runQueueLab(cfg({ burstMultiplier: 2 }), 2);
    const big = runQueueLab(cfg({ burstMultiplier: 8 }), 2);
    expect(big.queue.maxBacklog).toBeGreaterThan(small.queue.maxBacklog);
    expect(big.sync.errorRate!).toBeGreaterThan(small.sync.errorRate!);
    const more = runQueueLab(cfg({ burstMultiplier: 8, consumers: 8 }), 2);
    expect(more.queue.maxOldestAgeMs).toBeLessThan(big.queue.maxOldestAgeMs);
  });

  it("a visibility timeout shorter than the work redelivers messages and repeats side effects", () => {
    const short = runQueueLab(cfg({ visibilityTimeoutMs: 250 }), 3);
    expect(short.queue.redeliveries).toBeGreaterThan(20);
    expect(short.queue.duplicates).toBeGreaterThan(20);
    const long = runQueueLab(cfg({ visibilityTimeoutMs: 5_000 }), 3);
    expect(long.queue.duplicates).toBe(0);
  });

  it("crashes after the work redeliver messages; an idempotent consumer never repeats a side effect", () => {
    const plain = runQueueLab(cfg({ crashRate: 0.02 }), 4);
    expect(plain.queue.crashes).toBeGreaterThan(10);
    expect(plain.queue.duplicates).toBeGreaterThan(10);
    expect(plain.sync.crashErrors).toBeGreaterThan(10);
    const idem = runQueueLab(cfg({ crashRate: 0.02, idempotent: true }), 4);
    expect(idem.queue.duplicates).toBe(0);
    expect(idem.queue.duplicatesCaught).toBeGreaterThan(10);
  });

  it("the crash button fails a direct call and leaves the queued message to reappear after the visibility timeout", () => {
    const h = createQueueLab(cfg({ visibilityTimeoutMs: 5_000 }), 5);
    h.sim.runUntil(10_000);
    expect(h.model.crashConsumer()).toBe(true);
    const at = viewQueueLab(h);
    expect(at.queue.crashes).toBe(1);
    h.sim.runUntil(20_000);
    const later = viewQueueLab(h);
    expect(later.queue.redeliveries).toBeGreaterThanOrEqual(1);
    expect(later.queue.consumersUp).toBe(DEFAULT_CONFIG.consumers);
  });

  it("is deterministic for a seed", () => {
    expect(runQueueLab(DEFAULT_CONFIG, 9)).toEqual(runQueueLab(DEFAULT_CONFIG, 9));
  });

  it("the challenges can be met as the lesson says", () => {
    const [absorb, dedupe] = CHALLENGES as [(typeof CHALLENGES)[number], (typeof CHALLENGES)[number]];
    const six = cfg({ burstMultiplier: 8, consumers: 6 });
    expect(absorb.met(six, runQueueLab(six, 1), true)).toBe(true);
    const four = cfg({ burstMultiplier: 8, consumers: 4 });
    expect(absorb.met(four, runQueueLab(four, 1), true)).toBe(false);
    const idem = cfg({ crashRate: 0.02, idempotent: true });
    expect(dedupe.met(idem, runQueueLab(idem, 1), true)).toBe(true);
    const plain = cfg({ crashRate: 0.02 });
    expect(dedupe.met(plain, runQueueLab(plain, 1), true)).toBe(false);
  });

  it("announces phases and the final counts", () => {
    const h = createQueueLab(DEFAULT_CONFIG, 1);
    const start = statusMessage(DEFAULT_CONFIG, viewQueueLab(h), false, null);
    h.sim.runUntil(25_000);
    const burst = statusMessage(DEFAULT_CONFIG, viewQueueLab(h), false, null);
    h.sim.runUntil(RUN_MS);
    const end = statusMessage(DEFAULT_CONFIG, viewQueueLab(h), true, null);
    expect(new Set([start, burst, end]).size).toBe(3);
    expect(burst).toMatch(/Burst 1/);
    expect(end).toMatch(/Run finished/);
  });
});

describe("QueueBufferLab component", () => {
  it("renders its frame, status and labelled controls", () => {
    const html = renderToString(createElement(QueueBufferLab, { burst: 8, consumers: 6 }));
    expect(html).toContain('data-widget="QueueBufferLab"');
    expect(html).toContain('data-testid="widget-status"');
    const selects = [...html.matchAll(/<select[^>]*id="([^"]+)"/g)];
    expect(selects.length).toBeGreaterThanOrEqual(5);
    for (const m of selects) expect(html).toContain(`for="${m[1]}"`);
    expect(html).toContain("6 consumers can process");
  });
});
