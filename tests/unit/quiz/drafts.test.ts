import { describe, expect, it } from "vitest";
import { buildResponses, isAnswered, moveItem, parseDecimal, sanitizeDrafts } from "@/app/ui/quiz/drafts";
import { drawLayout } from "@/lib/quiz/layout";
import { toPublicQuestions } from "@/lib/quiz/public";
import { submitAttemptSchema } from "@/lib/validation/quiz";
import { sampleQuiz } from "./fixtures";

const questions = toPublicQuestions(sampleQuiz, drawLayout(sampleQuiz, 3));
const byType = (type: string) => questions.find((q) => q.type === type)!;

describe("parseDecimal", () => {
  it("accepts points, commas, signs and exponents", () => {
    expect(parseDecimal("12.5")).toBe(12.5);
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal(" -3 ")).toBe(-3);
    expect(parseDecimal("\u22123,25")).toBe(-3.25);
    expect(parseDecimal(",5")).toBe(0.5);
    expect(parseDecimal("12.")).toBe(12);
    expect(parseDecimal("1e3")).toBe(1000);
    expect(parseDecimal("1 000")).toBe(1000);
  });
  it("rejects everything else", () => {
    for (const bad of ["", " ", "abc", "1,000.5", "1.2.3", "1,2,3", "--1", "0x10", "Infinity", "NaN", "1e999", "5 ms"]) {
      expect(parseDecimal(bad), bad).toBeNull();
    }
  });
});

describe("drafts → responses", () => {
  it("builds a body that passes submitAttemptSchema and omits unanswered questions", () => {
    const drafts = sanitizeDrafts(questions, {
      "q-single": { type: "single", optionId: "iaas" },
      "q-multiple": { type: "multiple", optionIds: [] },
      "q-numeric": { type: "numeric", text: "99,5" },
      "q-matching": { type: "matching", matches: { s3: "storage" } },
    });
    const responses = buildResponses(questions, drafts);
    expect(responses).toEqual({
      "q-single": { type: "single", optionId: "iaas" },
      "q-numeric": { type: "numeric", value: 99.5 },
      "q-matching": { type: "matching", matches: { s3: "storage", ec2: null, rds: null } },
    });
    expect(submitAttemptSchema.safeParse({ responses }).success).toBe(true);
    expect(isAnswered(byType("matching"), drafts["q-matching"])).toBe(false); // partly matched
    expect(isAnswered(byType("ordering"), drafts["q-ordering"])).toBe(false); // not moved yet
  });

  it("drops stale or tampered stored drafts", () => {
    const drafts = sanitizeDrafts(questions, {
      "q-single": { type: "single", optionId: "nope" },
      "q-multiple": { type: "multiple", optionIds: ["free", "bogus", "free"] },
      "q-tf": { type: "numeric", text: "1" },
      "q-ordering": { type: "ordering", itemIds: ["vpc", "vm"] },
      "q-matching": { type: "matching", matches: { s3: "bogus", ec2: "compute", zz: "storage" } },
      "q-gone": { type: "single", optionId: "x" },
    });
    expect(drafts).toEqual({
      "q-multiple": { type: "multiple", optionIds: ["free"] },
      "q-matching": { type: "matching", matches: { s3: null, ec2: "compute", rds: null } },
    });
    expect(sanitizeDrafts(questions, "junk")).toEqual({});
    expect(sanitizeDrafts(questions, null)).toEqual({});
  });

  it("moveItem swaps neighbours and ignores moves past the ends", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
