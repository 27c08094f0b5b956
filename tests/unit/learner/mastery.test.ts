import { describe, expect, it } from "vitest";
import { evidenceWeight, mastery, MASTERY_HALF_LIFE_DAYS } from "@/lib/quiz/mastery";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 22);

describe("recency-weighted mastery", () => {
  it("halves an answer's weight every half-life", () => {
    expect(evidenceWeight(now, now)).toBe(1);
    expect(evidenceWeight(now - MASTERY_HALF_LIFE_DAYS * DAY, now)).toBeCloseTo(0.5, 10);
    expect(evidenceWeight(now - 2 * MASTERY_HALF_LIFE_DAYS * DAY, now)).toBeCloseTo(0.25, 10);
  });

  it("lets a recent correct answer outweigh an old mistake", () => {
    const m = mastery([{ score: 0, atMs: now - 28 * DAY }, { score: 1, atMs: now }], now);
    // weights 0.25 and 1 → 1 / 1.25
    expect(m).toBeCloseTo(0.8, 10);
  });

  it("is the plain mean when all answers are equally old, and null without answers", () => {
    expect(mastery([{ score: 1, atMs: now }, { score: 0.5, atMs: now }, { score: 0, atMs: now }], now)).toBeCloseTo(0.5, 10);
    expect(mastery([], now)).toBeNull();
  });
});
