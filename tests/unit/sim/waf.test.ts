import { describe, expect, it } from "vitest";
import { RateBasedRule, WAF_SLOT_MS } from "@/lib/sim";

/** Counts one request per time for the address. */
function send(rule: RateBasedRule, address: number, atMs: number[]) {
  for (const t of atMs) rule.count(address, t);
}

describe("RateBasedRule (WAF rate-based rule over 10-second slots)", () => {
  it("blocks an address only once its count over the window is above the limit, and unblocks it as the window slides", () => {
    // Window 30 s = 3 slots, limit 5. Address 0: 3 requests in [0, 10 s) and 3 in [10 s, 20 s). Address 1: exactly 5.
    const rule = new RateBasedRule({ addresses: 2, limit: 5, windowMs: 30_000 });
    expect(rule.slotCount).toBe(3);
    send(rule, 0, [1_000, 2_000, 3_000]);
    send(rule, 1, [5_000, 6_000, 7_000, 8_000, 9_000]);
    rule.evaluate(10_000);
    expect([rule.isBlocked(0), rule.isBlocked(1)]).toEqual([false, false]); // 3 and 5: not above 5
    send(rule, 0, [12_000, 13_000, 14_000]);
    rule.evaluate(20_000);
    expect([rule.windowCount(0), rule.isBlocked(0), rule.isBlocked(1)]).toEqual([6, true, false]);
    rule.evaluate(30_000);
    // The window is [0, 30 s): still 6. The slot of [0, 10 s) is then cleared for [30 s, 40 s).
    expect(rule.isBlocked(0)).toBe(true);
    expect([rule.windowCount(0), rule.windowCount(1)]).toEqual([3, 0]);
    rule.evaluate(40_000);
    expect(rule.isBlocked(0)).toBe(false); // [10 s, 40 s) holds 3
  });

  it("counts the requests it blocks, so a flood that keeps sending stays blocked", () => {
    // Window 20 s = 2 slots, limit 2: 3 requests, blocked; 3 more while blocked keep the count above 2 a slot longer.
    const rule = new RateBasedRule({ addresses: 1, limit: 2, windowMs: 20_000 });
    send(rule, 0, [1_000, 2_000, 3_000]);
    rule.evaluate(10_000);
    expect(rule.isBlocked(0)).toBe(true);
    send(rule, 0, [11_000, 12_000, 13_000]);
    rule.evaluate(20_000);
    expect(rule.isBlocked(0)).toBe(true); // 6
    rule.evaluate(30_000);
    expect(rule.isBlocked(0)).toBe(true); // 3: the blocked ones
    rule.evaluate(40_000);
    expect(rule.isBlocked(0)).toBe(false); // 0
  });

  it("puts a request at a slot boundary, after that instant's evaluation, in the new slot", () => {
    // Window 20 s, limit 1. Two requests at 20 s land in the slot [20 s, 30 s) that evaluate(20 s) has just cleared.
    const rule = new RateBasedRule({ addresses: 1, limit: 1, windowMs: 20_000 });
    send(rule, 0, [0, 5_000]);
    rule.evaluate(10_000);
    rule.evaluate(20_000);
    send(rule, 0, [20_000, 20_000]);
    expect(rule.windowCount(0)).toBe(2);
    rule.evaluate(30_000);
    expect(rule.isBlocked(0)).toBe(true);
    rule.evaluate(40_000);
    expect(rule.isBlocked(0)).toBe(true);
    rule.evaluate(50_000);
    expect(rule.isBlocked(0)).toBe(false);
  });

  it("uses 10-second slots by default and rejects a window that is not a whole number of slots", () => {
    expect(WAF_SLOT_MS).toBe(10_000);
    expect(new RateBasedRule({ addresses: 1, limit: 1, windowMs: 300_000 }).slotCount).toBe(30);
    expect(new RateBasedRule({ addresses: 1, limit: 1, windowMs: 3_000, slotMs: 1_000 }).slotCount).toBe(3);
    expect(() => new RateBasedRule({ addresses: 1, limit: 1, windowMs: 25_000 })).toThrow(RangeError);
    expect(() => new RateBasedRule({ addresses: 1, limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
