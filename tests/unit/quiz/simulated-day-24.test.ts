import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";
import { quizSchema } from "@/lib/quiz/schema";
import { weekdaySchedule, weeklyInstanceHours } from "@/lib/quiz/generators/cost-optimisation";

const SEEDS = Array.from({ length: 80 }, (_, i) => i * 7919 + 11);

describe("nonprod-schedule-weekly-saving (Day 24)", () => {
  const gen = SIM_NUMERIC_GENERATORS["nonprod-schedule-weekly-saving"]!;

  it("matches the hand formula: N × price × (168 − 5 × (end − start)) over many seeds", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const n = params.instances as number;
      const price = Number(params.price);
      const hours = params.hoursPerDay as number;
      expect(hours).toBe((params.endHour as number) - Number(params.startHour));
      // EC2 bills launch to termination, so each working day bills exactly (end − start) hours per instance.
      const expected = n * price * (168 - 5 * hours);
      expect(answer, JSON.stringify(params)).toBeCloseTo(Math.round(expected * 100) / 100, 6);
      expect(params.scheduledHours).toBeCloseTo(n * hours * 5, 6);
      expect(params.alwaysHours).toBeCloseTo(n * 168, 6);
    }
  });

  it("meters a schedule that scales to zero as the group's instance-hours", () => {
    expect(weeklyInstanceHours(1, 4, null)).toBeCloseTo(4 * 168, 9);
    expect(weeklyInstanceHours(1, 4, weekdaySchedule(4, 8, 20))).toBeCloseTo(4 * 60, 9);
    // No weekday hours at all: nothing runs.
    expect(weeklyInstanceHours(1, 4, weekdaySchedule(4, 9, 9))).toBeCloseTo(0, 9);
  });

  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(10);
  });

  it("fills every placeholder of the Day 24 question", () => {
    const file = path.resolve(__dirname, "../../../content/days/day-24/quiz.json");
    const quiz = quizSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    const q = quiz.questions.find((x) => x.type === "sim-numeric" && x.generator === "nonprod-schedule-weekly-saving");
    expect(q).toBeDefined();
    const { params, answer } = gen.generate(7);
    const all = { ...params, answer };
    for (const text of [q!.prompt, q!.explanation]) expect(fillTemplate(text, all)).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});
