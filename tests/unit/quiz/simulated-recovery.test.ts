import { describe, expect, it } from "vitest";
import { SIM_CONFIG_SCENARIOS, fillTemplate } from "@/lib/quiz/simulated";
import { getQuizForDay } from "@/lib/content/quizzes";

const scenario = SIM_CONFIG_SCENARIOS["dr-plan"];
const SEEDS = Array.from({ length: 40 }, (_, i) => i * 6_007 + 11);

describe("sim-config dr-plan (Day 18)", () => {
  it("the reference plan earns full marks, and the draws call for every strategy", () => {
    if (!scenario) throw new Error("dr-plan is not registered");
    const strategies = new Set<string>();
    for (const seed of SEEDS) {
      const best = scenario.bestAnswer(seed);
      strategies.add(best.values.strategy as string);
      expect(scenario.grade(seed, best.values).fraction, `seed ${seed}`).toBe(1);
    }
    expect([...strategies].sort()).toEqual(["active-active", "backup-restore", "pilot-light", "warm-standby"]);
  });

  it("active/active meets every brief but earns half when a cheaper plan would do; daily backups miss tight objectives", () => {
    if (!scenario) throw new Error("dr-plan is not registered");
    for (const seed of SEEDS) {
      const best = scenario.bestAnswer(seed).values;
      const costly = scenario.grade(seed, { strategy: "active-active", backupIntervalH: "24", decision: "automated" });
      expect(costly.fraction).toBe(best.strategy === "active-active" ? 1 : 0.5);
      const params = scenario.params(seed);
      const daily = scenario.grade(seed, { strategy: "backup-restore", backupIntervalH: "24", decision: "human" });
      // Daily backups lose up to a day plus the copy delay; restoring takes over an hour.
      if (Number(params.rpoMin) < 24 * 60 || Number(params.rtoMin) < 85) expect(daily.fraction).toBe(0);
    }
  });

  it("rejects incomplete or unknown values", () => {
    if (!scenario) throw new Error("dr-plan is not registered");
    expect(scenario.grade(1, { strategy: "pilot-light" }).fraction).toBe(0);
    expect(scenario.grade(1, { strategy: "nope", backupIntervalH: "1", decision: "human" }).fraction).toBe(0);
  });

  it("fills every placeholder of the Day 18 question", () => {
    if (!scenario) throw new Error("dr-plan is not registered");
    const quiz = getQuizForDay(18);
    const q = quiz?.quiz.questions.find((x) => x.id === "sim-dr-plan");
    expect(q?.type).toBe("sim-config");
    for (const seed of SEEDS.slice(0, 5)) expect(fillTemplate(q?.prompt ?? "", scenario.params(seed))).not.toMatch(/\{/);
  });
});
