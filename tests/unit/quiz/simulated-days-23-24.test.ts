import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";
import { quizSchema } from "@/lib/quiz/schema";

const SEEDS = Array.from({ length: 120 }, (_, i) => i * 7919 + 3);

describe("savings-plan-day-bill (Day 23)", () => {
  const gen = SIM_NUMERIC_GENERATORS["savings-plan-day-bill"]!;
  it("matches the hand bill: commitment × rate × 24 + On-Demand for every instance-hour above it", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const night = params.night as number;
      const day = params.day as number;
      const evening = params.evening as number;
      const commit = params.commit as number;
      const rate = Number(params.committedRate);
      // 8 h at night, 12 h by day, 4 h in the evening; instances bill from launch, so scale-outs count at once.
      const above = (n: number, hours: number) => Math.max(0, n - commit) * hours * 0.1;
      const expected = commit * rate * 24 + above(night, 8) + above(day, 12) + above(evening, 4);
      expect(answer, JSON.stringify(params)).toBeCloseTo(Math.round(expected * 100) / 100, 6);
      // Unless the plan is idle all day, committing is cheaper than paying On-Demand for the same hours.
      expect(answer).toBeLessThan(Number(params.allOnDemand) + 1e-9);
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(10);
  });
});

describe("The Day 23 quiz uses the generator", () => {
  it("fills every placeholder of their sim-numeric questions", () => {
    for (const [day, generator] of [["day-23", "savings-plan-day-bill"]] as const) {
      const quiz = quizSchema.parse(JSON.parse(readFileSync(path.join(process.cwd(), "content/days", day, "quiz.json"), "utf8")));
      const q = quiz.questions.find((x) => x.type === "sim-numeric");
      expect(q, day).toBeDefined();
      if (!q || q.type !== "sim-numeric") continue;
      expect(q.generator).toBe(generator);
      const { params, answer } = SIM_NUMERIC_GENERATORS[generator]!.generate(7);
      expect(fillTemplate(q.prompt, params)).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(fillTemplate(q.explanation, { ...params, answer })).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });
});
