import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, currentStreak, daysBetween, isValidTimeZone, localDate, longestStreak } from "@/lib/time/calendar";

describe("calendar maths in the learner's zone", () => {
  it("puts an instant on the learner's own date", () => {
    const at = new Date("2026-03-01T23:30:00Z");
    expect(localDate(at, "UTC")).toBe("2026-03-01");
    expect(localDate(at, "Europe/Berlin")).toBe("2026-03-02");
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T05:00:00Z"), "America/Los_Angeles")).toBe("2026-02-28");
  });

  it("validates zones", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
  });

  it("counts the current streak ending today, or yesterday before today's activity", () => {
    const dates = ["2026-03-01", "2026-03-02", "2026-03-03"];
    expect(currentStreak(dates, "2026-03-03")).toBe(3);
    expect(currentStreak(dates, "2026-03-04")).toBe(3);
    expect(currentStreak(dates, "2026-03-05")).toBe(0);
    expect(currentStreak(["2026-03-01", "2026-03-03"], "2026-03-03")).toBe(1);
    expect(currentStreak([], "2026-03-03")).toBe(0);
  });

  it("finds the longest streak", () => {
    expect(longestStreak(["2026-03-01", "2026-03-02", "2026-03-05", "2026-03-06", "2026-03-07"])).toBe(3);
    expect(longestStreak([])).toBe(0);
  });

  it("a run of n consecutive days is a streak of n (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const start = addDays("2025-01-01", offset);
        const dates = Array.from({ length: n }, (_, i) => addDays(start, i));
        const today = addDays(start, n - 1);
        return currentStreak(dates, today) === n && longestStreak(dates) === n;
      }),
    );
  });
});
