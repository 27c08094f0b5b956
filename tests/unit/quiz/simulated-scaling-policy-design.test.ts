import { describe, expect, it } from "vitest";
import { SIM_CONFIG_SCENARIOS, fillTemplate } from "@/lib/quiz/simulated";
import { getQuizForDay } from "@/lib/content/quizzes";

const scenario = SIM_CONFIG_SCENARIOS["scaling-policy-design"];
const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7_919 + 11);

function get() {
  if (!scenario) throw new Error("scaling-policy-design is not registered");
  return scenario;
}

/** The largest scheduled minimum the fields offer for the seed. */
function largestPrescale(seed: number): string {
  const field = get().fields(seed).find((f) => f.name === "prescale");
  const levels = (field?.options ?? []).map((o) => o.value).filter((v) => v !== "none");
  return levels[levels.length - 1] as string;
}

describe("sim-config scaling-policy-design (Day 10)", () => {
  it("offers 4 fields of 3–5 options each", () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const fields = get().fields(seed);
      expect(fields.map((f) => f.name)).toEqual(["minSize", "maxSize", "targetCpu", "prescale"]);
      for (const f of fields) {
        expect(f.options.length).toBeGreaterThanOrEqual(3);
        expect(f.options.length).toBeLessThanOrEqual(5);
      }
    }
  });

  it("the best answer earns full marks, and the draws call for different answers", () => {
    const bests = new Set<string>();
    const targets = new Set<string>();
    const withSchedule = new Set<boolean>();
    for (const seed of SEEDS) {
      const best = get().bestAnswer(seed);
      bests.add(JSON.stringify(best.values));
      targets.add(best.values.targetCpu as string);
      withSchedule.add(best.values.prescale !== "none");
      const outcome = get().grade(seed, best.values);
      expect(outcome.fraction, `seed ${seed}: ${outcome.summary}`).toBe(1);
      expect(outcome.summary).toMatch(/peak CPU \d+ %/);
    }
    expect(bests.size).toBeGreaterThan(5);
    expect([...targets].sort()).toEqual(["60", "70"]);
    expect([...withSchedule].sort()).toEqual([false, true]);
  });

  it("a generous configuration meets the targets but earns half: it pays for headroom all day", () => {
    for (const seed of SEEDS) {
      const generous = { minSize: "8", maxSize: "36", targetCpu: "50", prescale: largestPrescale(seed) };
      const outcome = get().grade(seed, generous);
      expect(outcome.fraction, `seed ${seed}: ${outcome.summary}`).toBe(0.5);
      expect(outcome.summary).toMatch(/met both targets.*\$\d+\.\d\d/);
    }
  });

  it("a maximum too small for the peak, or no headroom for a sudden spike, earns nothing", () => {
    for (const seed of SEEDS) {
      // At a 40 % target every peak (at least 600 requests/s) needs 15 or more instances.
      const capped = get().grade(seed, { minSize: "2", maxSize: "12", targetCpu: "40", prescale: "none" });
      expect(capped.fraction, `seed ${seed}`).toBe(0);
      expect(capped.summary).toMatch(/maximum of 12/);
      const p = get().params(seed);
      if (Number(p.rampMin) <= 2) {
        // A TV advert doubles or triples demand in 2 minutes: without a scheduled minimum CPU saturates.
        const late = get().grade(seed, { minSize: "2", maxSize: "36", targetCpu: "70", prescale: "none" });
        expect(late.fraction, `seed ${seed}`).toBe(0);
        expect(late.summary).toMatch(/CPU peaked at 100 %/);
      }
    }
  });

  it("rejects incomplete or unknown values", () => {
    expect(get().grade(1, { minSize: "2", maxSize: "24", targetCpu: "60" }).fraction).toBe(0);
    expect(get().grade(1, { minSize: "2", maxSize: "24", targetCpu: "55", prescale: "none" }).fraction).toBe(0);
    expect(get().grade(1, {}).fraction).toBe(0);
  });

  it("is deterministic: the same seed grades the same way", () => {
    const values = { minSize: "4", maxSize: "24", targetCpu: "60", prescale: "none" };
    for (const seed of SEEDS.slice(0, 5)) expect(get().grade(seed, values)).toEqual(get().grade(seed, values));
  });

  it("fills every placeholder of the Day 10 question", () => {
    const q = getQuizForDay(10)?.quiz.questions.find((x) => x.id === "sim-scaling-policy-design");
    expect(q?.type).toBe("sim-config");
    for (const seed of SEEDS.slice(0, 8)) {
      const params = get().params(seed);
      expect(fillTemplate(q?.prompt ?? "{missing}", params)).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(fillTemplate(q?.explanation ?? "{missing}", params)).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });
});
