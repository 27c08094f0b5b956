import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeStorageGenerators } from "@/lib/quiz/generators/compute-storage";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

describe("compute-cpu-utilisation", () => {
  const gen = computeStorageGenerators["compute-cpu-utilisation"]!;

  it("is registered", () => {
    expect(SIM_NUMERIC_GENERATORS["compute-cpu-utilisation"]).toBe(gen);
  });

  it("measures what the formula predicts: utilisation = rate × CPU time ÷ vCPUs (within the quiz's 2-point tolerance)", () => {
    let worst = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { params, answer } = gen.generate(seed);
      const formula = ((Number(params.ratePerSec) * Number(params.cpuMs)) / 1000 / (Number(params.vcpu) * Number(params.count))) * 100;
      expect(Number(params.formula)).toBeCloseTo(formula, 1);
      expect(formula).toBeGreaterThan(25);
      expect(formula).toBeLessThan(95);
      worst = Math.max(worst, Math.abs(answer - formula));
    }
    expect(worst).toBeLessThan(2);
  });

  it("is deterministic per seed", () => {
    const a = gen.generate(7);
    expect(gen.generate(7)).toEqual(a);
  });
});

describe("Day 5 quiz uses the generator", () => {
  it("fills every placeholder of its sim-numeric question", () => {
    const quiz = JSON.parse(readFileSync(path.resolve(__dirname, "../../../content/days/day-05/quiz.json"), "utf8")) as {
      questions: { type: string; generator?: string; prompt: string; explanation: string }[];
    };
    const sims = quiz.questions.filter((q) => q.type === "sim-numeric");
    expect(sims.length).toBe(1);
    for (const q of sims) {
      for (let seed = 1; seed <= 5; seed++) {
        const { params, answer } = SIM_NUMERIC_GENERATORS[q.generator!]!.generate(seed);
        const all = { ...params, answer };
        expect(fillTemplate(q.prompt, all)).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(fillTemplate(q.explanation, all)).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });
});
