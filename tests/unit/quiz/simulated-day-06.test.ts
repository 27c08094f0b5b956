import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storageGenerators } from "@/lib/quiz/generators/storage";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";

const minutes = (clock: string | number | undefined) => {
  const [h, m] = String(clock).split(":").map(Number);
  return (h as number) * 60 + (m as number);
};

describe("snapshot-writes-lost", () => {
  const gen = storageGenerators["snapshot-writes-lost"]!;

  it("is registered", () => {
    expect(SIM_NUMERIC_GENERATORS["snapshot-writes-lost"]).toBe(gen);
  });

  it("loses the writes since the newest snapshot that did not fall in the outage (hand formula over 300 seeds)", () => {
    let skippedMatters = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { params, answer } = gen.generate(seed);
      const every = Number(params.intervalH) * 60;
      const start = minutes(params.outageStart);
      const end = minutes(params.outageEnd);
      const fail = minutes(params.failClock);
      // Newest scheduled snapshot at or before the failure that is not inside [start, end).
      let last = Math.floor(fail / every) * every;
      while (last > 0 && last >= start && last < end) last -= every;
      const expected = Math.round(((fail - last) / 60) * Number(params.writeGiBPerHour) * 10) / 10;
      expect(answer, `seed ${seed}`).toBeCloseTo(expected, 6);
      expect(minutes(params.lastSnapshot)).toBe(last);
      // The outage really covers a scheduled snapshot, and the failure comes after the outage, never on a snapshot.
      expect(minutes(params.skippedClock) % every).toBe(0);
      expect(start).toBeLessThan(minutes(params.skippedClock));
      expect(end).toBeGreaterThan(minutes(params.skippedClock));
      expect(fail).toBeGreaterThan(end);
      expect(fail % every).toBeGreaterThanOrEqual(10);
      expect(fail).toBeLessThan(24 * 60);
      if (last < minutes(params.skippedClock)) skippedMatters++;
      expect(answer, `seed ${seed} ${JSON.stringify(params)}`).toBeGreaterThan(0);
    }
    // The failure always comes before the next scheduled snapshot, so the skipped one always decides the answer.
    expect(skippedMatters).toBe(300);
  });

  it("is deterministic per seed", () => {
    const a = gen.generate(7);
    expect(gen.generate(7)).toEqual(a);
  });
});

describe("Day 6 quiz uses the generator", () => {
  it("fills every placeholder of its sim-numeric question", () => {
    const quiz = JSON.parse(readFileSync(path.resolve(__dirname, "../../../content/days/day-06/quiz.json"), "utf8")) as {
      questions: { type: string; generator?: string; prompt: string; explanation: string }[];
    };
    const sims = quiz.questions.filter((q) => q.type === "sim-numeric");
    expect(sims.length).toBe(1);
    for (const q of sims) {
      expect(q.generator).toBe("snapshot-writes-lost");
      for (let seed = 1; seed <= 10; seed++) {
        const { params, answer } = SIM_NUMERIC_GENERATORS[q.generator!]!.generate(seed);
        const all = { ...params, answer };
        expect(fillTemplate(q.prompt, all)).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(fillTemplate(q.explanation, all)).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });
});
