import { describe, expect, it } from "vitest";
import { SIM_CONFIG_SCENARIOS, fillTemplate } from "@/lib/quiz/simulated";
import { getQuizForDay } from "@/lib/content/quizzes";

const scenario = SIM_CONFIG_SCENARIOS["fault-tolerant-tier"];
const SEEDS = Array.from({ length: 32 }, (_, i) => i * 7_919 + 3);
const LAYOUTS = ["1-1-1", "2-1-1", "2-2-1", "2-2-2", "3-3-3"];
const INTERVALS = ["30", "10", "5"];

describe("sim-config fault-tolerant-tier (Day 17)", () => {
  it("the best answer earns full marks, and the demands call for different layouts", { timeout: 60_000 }, () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    const layouts = new Set<string>();
    for (const seed of SEEDS) {
      const best = scenario.bestAnswer(seed);
      layouts.add(best.values.layout as string);
      const graded = scenario.grade(seed, best.values);
      expect(graded.fraction, `seed ${seed}: ${graded.summary}`).toBe(1);
      // With margin: the measured availability clears the target by over a quarter of a point (a quarter of the
      // failures a 99 % target allows).
      const measured = Number(/availability ([\d.]+) %/.exec(best.summary)?.[1]);
      expect(measured - Number(scenario.params(seed).targetPct), `seed ${seed}`).toBeGreaterThan(0.25);
    }
    expect([...layouts].sort()).toEqual(["1-1-1", "2-2-1", "2-2-2", "3-3-3"]);
  });

  it("nine instances earn half when fewer would do; one per AZ with default checks and no retries earns nothing", { timeout: 60_000 }, () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    for (const seed of SEEDS) {
      const best = scenario.bestAnswer(seed).values;
      const costly = scenario.grade(seed, { layout: "3-3-3", checkIntervalS: "5", retries: "on" });
      expect(costly.fraction, costly.summary).toBe(best.layout === "3-3-3" ? 1 : 0.5);
      const bad = scenario.grade(seed, { layout: "1-1-1", checkIntervalS: "30", retries: "off" });
      expect(bad.fraction, bad.summary).toBe(0);
      expect(bad.summary).toMatch(/below the \d+ % target/);
    }
  });

  it("no cheaper layout meets the targets with any settings, and a layout that misses with 5 s checks and retries misses with all", { timeout: 60_000 }, () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    for (const seed of SEEDS.slice(0, 8)) {
      const best = scenario.bestAnswer(seed).values.layout as string;
      for (const layout of LAYOUTS) {
        const fastest = scenario.grade(seed, { layout, checkIntervalS: "5", retries: "on" }).fraction;
        for (const checkIntervalS of INTERVALS) {
          for (const retries of ["off", "on"]) {
            const g = scenario.grade(seed, { layout, checkIntervalS, retries });
            if (LAYOUTS.indexOf(layout) < LAYOUTS.indexOf(best)) expect(g.fraction, `seed ${seed} ${layout} ${checkIntervalS} ${retries}`).toBe(0);
            if (fastest === 0) expect(g.fraction, `seed ${seed} ${layout} ${checkIntervalS} ${retries}`).toBe(0);
          }
        }
      }
    }
  });

  it("an overloaded tier misses on timeouts", () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    const seed = SEEDS.find((s) => Number(scenario.params(s).demandRps) >= 320);
    if (seed === undefined) throw new Error("no high-demand seed");
    const g = scenario.grade(seed, { layout: "2-2-1", checkIntervalS: "5", retries: "on" });
    expect(g.fraction).toBe(0);
    expect(g.summary).toMatch(/timed out/);
  });

  it("rejects incomplete or unknown values", () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    expect(scenario.grade(1, { layout: "2-2-2" }).fraction).toBe(0);
    expect(scenario.grade(1, { layout: "2-2-2", checkIntervalS: "5" }).fraction).toBe(0);
    expect(scenario.grade(1, { layout: "4-4-4", checkIntervalS: "5", retries: "on" }).fraction).toBe(0);
    expect(scenario.grade(1, { layout: "2-2-2", checkIntervalS: "1", retries: "on" }).fraction).toBe(0);
  });

  it("fills every placeholder of the Day 17 question", () => {
    if (!scenario) throw new Error("fault-tolerant-tier is not registered");
    const q = getQuizForDay(17)?.quiz.questions.find((x) => x.id === "sim-fault-tolerant-tier");
    expect(q?.type).toBe("sim-config");
    for (const seed of SEEDS.slice(0, 5)) {
      const params = scenario.params(seed);
      expect(fillTemplate(q?.prompt ?? "", params)).not.toMatch(/\{/);
      expect(fillTemplate(q?.explanation ?? "", params)).not.toMatch(/\{/);
    }
  });
});
