import { describe, expect, it } from "vitest";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";
import { readFileSync } from "node:fs";
import path from "node:path";
import { quizSchema } from "@/lib/quiz/schema";

const SEEDS = Array.from({ length: 120 }, (_, i) => i * 7919 + 3);

describe("queue-drain-time (Day 14)", () => {
  const gen = SIM_NUMERIC_GENERATORS["queue-drain-time"]!;
  it("matches ceil(messages / consumers) × ms for every seed", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const messages = params.messages as number;
      const consumers = params.consumers as number;
      const ms = params.ms as number;
      expect(answer).toBeCloseTo((Math.ceil(messages / consumers) * ms) / 1000, 6);
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    const answers = new Set(SEEDS.map((s) => gen.generate(s).answer));
    expect(answers.size).toBeGreaterThan(5);
  });
});

describe("asg-settled-capacity (Day 15)", () => {
  const gen = SIM_NUMERIC_GENERATORS["asg-settled-capacity"]!;
  it("settles at ceil(100 × demand / (per-instance × target)) for every seed, AZ outage or not", () => {
    for (const seed of SEEDS.slice(0, 60)) {
      const { params, answer } = gen.generate(seed);
      const demand = params.demand as number;
      const perInstance = params.perInstance as number;
      const target = params.target as number;
      expect(answer, JSON.stringify(params)).toBe(Math.ceil((100 * demand) / (perInstance * target)));
      // The group starts under-provisioned, so the answer is not simply the starting size.
      expect(answer).toBeGreaterThan(params.initial as number);
    }
  });
});

describe("Day 14 and Day 15 quizzes use the generators", () => {
  it("fills every placeholder of their sim-numeric questions", () => {
    for (const [day, generator] of [
      ["day-14", "queue-drain-time"],
      ["day-15", "asg-settled-capacity"],
    ] as const) {
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
