import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AgilityRace } from "@/app/ui/widgets/agility-race/agility-race";
import {
  DEFAULT_CONFIG,
  QUARTER_MS,
  agilityStatus,
  createAgility,
  expectedCompleted,
  runQuarter,
  viewAgility,
  type AgilityConfig,
} from "@/app/ui/widgets/agility-race/model";
import { DAY_MS } from "@/lib/sim";

const fixed: AgilityConfig = { ...DEFAULT_CONFIG, leadJitter: 0 };
const withTicket = (leadDays: number, batchSize: number, c: AgilityConfig = DEFAULT_CONFIG): AgilityConfig => ({
  ...c,
  ticket: { ...c.ticket, leadTimeMinutes: leadDays * 24 * 60, batchSize },
});

describe("AgilityRace model", () => {
  it("with fixed waits, completes exactly what the closed form predicts", () => {
    for (const lead of [1, 3, 10, 20]) {
      for (const batch of [1, 2, 4, 8]) {
        const c = withTicket(lead, batch, fixed);
        const v = runQuarter(c, 3);
        expect(v.ticket.completed).toBe(expectedCompleted(c.ticket, c));
        expect(v.selfService.completed).toBe(expectedCompleted(c.selfService, c));
        expect(v.ticket.firstFeedbackMs).toBe((batch * 1 + lead + 2) * DAY_MS);
      }
    }
  });

  it("is deterministic, and failures follow the failure rate", () => {
    expect(runQuarter(DEFAULT_CONFIG, 9)).toEqual(runQuarter(DEFAULT_CONFIG, 9));
    const none = runQuarter({ ...DEFAULT_CONFIG, failureRate: 0 }, 1);
    expect(none.selfService.failed).toBe(0);
    expect(none.ticket.failedCostUsd).toBe(0);
    let failed = 0;
    let total = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const v = runQuarter({ ...DEFAULT_CONFIG, selfService: { ...DEFAULT_CONFIG.selfService, batchSize: 4 } }, seed);
      failed += v.selfService.failed;
      total += v.selfService.completed;
    }
    expect(failed / total).toBeGreaterThan(0.55);
    expect(failed / total).toBeLessThan(0.65);
  });

  it("prices a failed experiment by what its environment was paid for", () => {
    const v = runQuarter(DEFAULT_CONFIG, 2);
    // Ticket: 30 days minimum at $40; self-service: the 2 measuring days only.
    expect(v.ticket.failedCostUsd).toBe(v.ticket.failed * 40 * 30);
    expect(v.selfService.failedCostUsd).toBe(v.selfService.failed * 40 * 2);
  });

  it("backs the lesson's challenges", () => {
    // Challenge 1: bigger ticket batches finish more experiments but delay the first feedback.
    const b1 = runQuarter(withTicket(10, 1, fixed));
    const b8 = runQuarter(withTicket(10, 8, fixed));
    expect(b1.ticket.completed).toBe(7);
    expect(b8.ticket.completed).toBe(32);
    expect(b8.ticket.completed).toBeGreaterThan(b8.selfService.completed);
    expect(b8.ticket.firstFeedbackMs).toBe(20 * DAY_MS);
    expect(b8.selfService.firstFeedbackMs! / DAY_MS).toBeLessThan(3.1);
    // Self-service with batches of 4 finishes 60 and still gets first feedback within a week.
    const s4 = runQuarter({ ...fixed, selfService: { ...fixed.selfService, batchSize: 4 } });
    expect(s4.selfService.completed).toBe(60);
    expect(s4.selfService.firstFeedbackMs! / DAY_MS).toBeLessThan(7);
    // Challenge 2: with one-experiment batches, a 1-day ticket queue finishes 20 or more; 2 days does not.
    expect(runQuarter(withTicket(1, 1, fixed)).ticket.completed).toBeGreaterThanOrEqual(20);
    expect(runQuarter(withTicket(2, 1, fixed)).ticket.completed).toBeLessThan(20);
    // Challenge 3: at 90 % failures the self-service team still spends far less on failures.
    const f90 = runQuarter({ ...DEFAULT_CONFIG, failureRate: 0.9 }, 1);
    expect(f90.selfService.failedCostUsd).toBeLessThan(f90.ticket.failedCostUsd / 5);
  });

  it("status changes as the quarter runs", () => {
    const h = createAgility(DEFAULT_CONFIG, 1);
    const ready = agilityStatus(viewAgility(h), false);
    expect(ready).toMatch(/^Ready/);
    h.sim.runUntil(DAY_MS * 1.5);
    const mid = agilityStatus(viewAgility(h), false);
    expect(mid).not.toBe(ready);
    h.sim.runUntil(QUARTER_MS);
    expect(agilityStatus(viewAgility(h), true)).toMatch(/^Quarter over/);
  });
});

describe("AgilityRace markup", () => {
  it("renders an accessible widget with labelled sliders and a status region", () => {
    const html = renderToString(createElement(AgilityRace, { ticketLeadDays: 5 }));
    expect(html).toContain('data-widget="AgilityRace"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("5 days");
    expect(html).toMatch(/Illustrative cost: \$(<!-- -->)?40/);
    const ranges = [...html.matchAll(/<input[^>]*type="range"[^>]*id="([^"]+)"|<input[^>]*id="([^"]+)"[^>]*type="range"/g)];
    expect(ranges.length).toBe(5);
    for (const m of ranges) expect(html).toContain(`for="${m[1] ?? m[2]}"`);
  });
});
