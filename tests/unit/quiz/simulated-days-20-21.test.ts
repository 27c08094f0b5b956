import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quizSchema } from "@/lib/quiz/schema";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

const SEEDS = Array.from({ length: 150 }, (_, i) => i * 7919 + 11);

describe("rotated-key-exposure-days (Day 20)", () => {
  const gen = SIM_NUMERIC_GENERATORS["rotated-key-exposure-days"]!;
  it("equals min(next rotation − leak, detection delay) for every seed", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const n = params.rotationDays as number;
      const leak = params.leakAt as number;
      const d = params.detectDays as number;
      const next = (Math.floor(leak / n) + 1) * n;
      expect(params.nextRotation).toBe(next);
      expect(answer, JSON.stringify(params)).toBeCloseTo(Math.min(next - leak, d), 6);
    }
  });
  it("is deterministic, varies with the seed, and sometimes rotation wins, sometimes revocation", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    const results = SEEDS.map((s) => gen.generate(s));
    expect(new Set(results.map((r) => r.answer)).size).toBeGreaterThan(10);
    expect(results.some((r) => r.answer === r.params.detectDays)).toBe(true);
    expect(results.some((r) => r.answer < (r.params.detectDays as number))).toBe(true);
  });
});

describe("data-key-cache-kms-calls (Day 21)", () => {
  const gen = SIM_NUMERIC_GENERATORS["data-key-cache-kms-calls"]!;
  it("equals ceil(objects / min(max objects, max age × rate)) for every seed", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const perKey = Math.min(params.maxMessages as number, (params.maxAgeSec as number) * (params.ratePerSec as number));
      expect(params.perKey).toBe(perKey);
      expect(answer, JSON.stringify(params)).toBe(Math.ceil((params.objects as number) / perKey));
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(5)).toEqual(gen.generate(5));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(10);
  });
});

describe("Day 20 and Day 21 quizzes use the generators", () => {
  it("fill every placeholder of their sim-numeric questions", () => {
    for (const [day, generator] of [["day-20", "rotated-key-exposure-days"], ["day-21", "data-key-cache-kms-calls"]] as const) {
      const quiz = quizSchema.parse(JSON.parse(readFileSync(path.join(process.cwd(), "content/days", day, "quiz.json"), "utf8")));
      const q = quiz.questions.find((x) => x.type === "sim-numeric");
      expect(q, day).toBeDefined();
      if (!q || q.type !== "sim-numeric") continue;
      expect(q.generator).toBe(generator);
      for (const seed of [1, 7, 99]) {
        const { params, answer } = SIM_NUMERIC_GENERATORS[generator]!.generate(seed);
        expect(fillTemplate(q.prompt, params)).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(fillTemplate(q.explanation, { ...params, answer })).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });
});
