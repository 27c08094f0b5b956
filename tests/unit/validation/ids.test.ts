import { describe, expect, it } from "vitest";
import { daySchema } from "@/lib/validation/ids";

describe("daySchema", () => {
  it("reads each day from its number or its one decimal spelling", () => {
    for (let day = 1; day <= 30; day++) {
      expect(daySchema.parse(day)).toBe(day);
      expect(daySchema.parse(String(day))).toBe(day);
    }
  });

  it("refuses every other spelling, so a day has one address", () => {
    for (const value of ["01", "001", "1e1", "0x1B", " 5", "5 ", "+5", "5.0", "2.5", "", "abc", "Infinity"]) {
      expect(daySchema.safeParse(value).success, value).toBe(false);
    }
  });

  it("refuses days outside the course", () => {
    for (const value of [0, 31, -1, 2.5, Number.NaN, "0", "31", "99"]) expect(daySchema.safeParse(value).success, String(value)).toBe(false);
  });
});
