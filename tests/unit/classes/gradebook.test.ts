import { describe, expect, it } from "vitest";
import { attemptPercent, gradeCell, toCsv } from "@/lib/services/gradebook";
import { joinCodeSchema, newAssignmentSchema, updateAssignmentSchema } from "@/lib/validation/classes";

const due = new Date("2027-01-10T12:00:00Z");
const before = new Date("2027-01-09T12:00:00Z");
const after = new Date("2027-01-11T12:00:00Z");
const attempt = (score: number, submittedAt: Date | null) => ({ score, maxScore: 8, submittedAt });

describe("gradeCell", () => {
  it("grades with the best attempt by the due date, and keeps a better late one apart", () => {
    expect(gradeCell([attempt(4, before), attempt(6, due), attempt(8, after)], due, after)).toEqual({
      status: "done",
      onTimePercent: 75,
      bestPercent: 100,
      attempts: 3,
    });
  });

  it("is late with only late attempts, missing with none after the due date, open before it", () => {
    expect(gradeCell([attempt(2, after)], due, after)).toEqual({ status: "late", onTimePercent: null, bestPercent: 25, attempts: 1 });
    expect(gradeCell([], due, after).status).toBe("missing");
    expect(gradeCell([], due, due).status).toBe("open");
    // An attempt still open (not submitted) is no work handed in.
    expect(gradeCell([attempt(0, null)], due, before)).toEqual({ status: "open", onTimePercent: null, bestPercent: null, attempts: 0 });
  });

  it("rounds percentages to one decimal, as the dashboard does", () => {
    expect(attemptPercent({ score: 1, maxScore: 3 })).toBe(33.3);
    expect(attemptPercent({ score: null, maxScore: 3 })).toBe(0);
    expect(attemptPercent({ score: 0, maxScore: 0 })).toBe(0);
  });
});

describe("toCsv", () => {
  it("quotes separators and quotes, leaves empty cells empty and ends lines with CRLF", () => {
    expect(toCsv([["a,b", 'say "hi"', null, 4.5], ["x", "line\nbreak", "", 0]])).toBe('"a,b","say ""hi""",,4.5\r\nx,"line\nbreak",,0\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas, but not negative numbers", () => {
    expect(toCsv([["=1+2", "+1", "-cmd", "@SUM(A1)", -5]])).toBe("'=1+2,'+1,'-cmd,'@SUM(A1),-5\r\n");
  });
});

describe("class validation", () => {
  it("reads join codes in any case, with spaces or dashes, and refuses look-alike characters", () => {
    expect(joinCodeSchema.parse(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(joinCodeSchema.parse("AB CD EF GH")).toBe("ABCDEFGH");
    expect(joinCodeSchema.safeParse("ABCD-EFG0").success).toBe(false); // 0 is not in the alphabet
    expect(joinCodeSchema.safeParse("ABCD-EFG").success).toBe(false);
    expect(joinCodeSchema.safeParse("").error?.issues[0]?.message).toBe("Enter the code your instructor gave you.");
  });

  it("takes due dates as ISO instants with an offset only", () => {
    expect(newAssignmentSchema.parse({ day: 2, dueAt: "2027-01-10T12:00:00+01:00" }).dueAt.toISOString()).toBe("2027-01-10T11:00:00.000Z");
    expect(newAssignmentSchema.safeParse({ day: 2, dueAt: "2027-01-10T12:00" }).success).toBe(false);
    expect(newAssignmentSchema.safeParse({ day: 31, dueAt: "2027-01-10T12:00:00Z" }).success).toBe(false);
    expect(updateAssignmentSchema.safeParse({}).success).toBe(false);
  });
});
