import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, currentStreak, daysBetween, instantFromLocal, isValidTimeZone, localDate, localInputValue, longestStreak } from "@/lib/time/calendar";

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

describe("wall-clock times in a zone (due dates typed into a form)", () => {
  it("reads a datetime-local value on the given zone's clock", () => {
    expect(instantFromLocal("2026-11-22T09:30", "UTC")?.toISOString()).toBe("2026-11-22T09:30:00.000Z");
    expect(instantFromLocal("2026-07-01T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(instantFromLocal("2026-06-15T08:00", "Asia/Kolkata")?.toISOString()).toBe("2026-06-15T02:30:00.000Z");
  });

  it("takes the first of a repeated hour and moves a skipped one forward", () => {
    expect(instantFromLocal("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(instantFromLocal("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    const skipped = instantFromLocal("2026-03-29T02:30", "Europe/Berlin") as Date;
    expect(localInputValue(skipped, "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("refuses what is not a real date and time", () => {
    for (const bad of ["0099-01-01T10:00", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "", "2026-01-01T10:00:00"]) {
      expect(instantFromLocal(bad, "UTC")).toBeNull();
    }
  });

  it("round-trips every minute it shows (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Sao_Paulo"),
        (minute, zone) => {
          const at = new Date(minute * 60_000);
          const shown = localInputValue(at, zone);
          const back = instantFromLocal(shown, zone) as Date;
          // A repeated hour reads back as its first occurrence: same wall time, never a later instant.
          expect(localInputValue(back, zone)).toBe(shown);
          expect(back.getTime()).toBeLessThanOrEqual(at.getTime());
        },
      ),
    );
  });
});
