import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { quizSchema } from "@/lib/quiz/schema";
import { SIM_NUMERIC_GENERATORS, fillTemplate } from "@/lib/quiz/simulated";
import { runColdStarts } from "@/lib/quiz/generators/containers-deploy";

const SEEDS = Array.from({ length: 120 }, (_, i) => i * 7919 + 3);

describe("function-cold-starts (Day 25)", () => {
  const gen = SIM_NUMERIC_GENERATORS["function-cold-starts"]!;
  it("matches ceil((init + run) / gap): every arrival before the first environment frees needs a new one", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const gap = params.gapMs as number;
      const busy = (params.initMs as number) + (params.durationMs as number);
      expect(answer, JSON.stringify(params)).toBe(Math.ceil(busy / gap));
      // The warm steady state needs fewer: Little's law, rate × duration.
      expect(answer).toBeGreaterThanOrEqual(Math.ceil(params.steady as number));
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(5);
  });
  it("with a negligible init the environments settle at the warm need, ceil((run + init) × rate)", () => {
    for (const [rate, d] of [[20, 100], [25, 300], [50, 200], [40, 130]] as const) {
      expect(runColdStarts({ ratePerSec: rate, durationMs: d, initMs: 0.5, untilMs: 60_000, seed: 1 })).toBe(Math.ceil(((d + 0.5) * rate) / 1000));
    }
  });
});

describe("Day 25 and Day 26 quizzes use the generators", () => {
  it("fills every placeholder of the sim-numeric questions", () => {
    for (const day of ["day-25", "day-26"]) {
      const file = path.join(process.cwd(), "content/days", day, "quiz.json");
      if (!existsSync(file)) continue;
      const quiz = quizSchema.parse(JSON.parse(readFileSync(file, "utf8")));
      const qs = quiz.questions.filter((x) => x.type === "sim-numeric");
      expect(qs.length).toBeGreaterThanOrEqual(1);
      for (const q of qs) {
        if (q.type !== "sim-numeric") continue;
        for (const seed of SEEDS.slice(0, 20)) {
          const { params, answer } = SIM_NUMERIC_GENERATORS[q.generator]!.generate(seed);
          expect(fillTemplate(q.prompt, params)).not.toMatch(/\{[a-zA-Z]+\}/);
          expect(fillTemplate(q.explanation, { ...params, answer })).not.toMatch(/\{[a-zA-Z]+\}/);
        }
      }
    }
  });
});

describe("canary-failed-requests (Day 26)", () => {
  const gen = SIM_NUMERIC_GENERATORS["canary-failed-requests"]!;
  it("matches rate × share × error rate × exposure, with the rollback at the end of the M-th breaching period", () => {
    for (const seed of SEEDS) {
      const { params, answer } = gen.generate(seed);
      const [h, m, s] = String(params.start).split(":").map(Number) as [number, number, number];
      const startSec = (h - 10) * 3600 + m * 60 + s;
      // Alarm periods end on whole minutes: the first one containing the start, then M − 1 more.
      const rollbackSec = Math.ceil(startSec / 60) * 60 + ((params.datapoints as number) - 1) * 60;
      expect(params.exposureSec).toBe(rollbackSec - startSec);
      const rate = params.ratePerSec as number;
      const share = (params.sharePct as number) / 100;
      const errors = (params.errorPct as number) / 100;
      expect(answer, JSON.stringify(params)).toBeCloseTo(rate * share * errors * (rollbackSec - startSec), 6);
    }
  });
  it("is deterministic and varies with the seed", () => {
    expect(gen.generate(42)).toEqual(gen.generate(42));
    expect(new Set(SEEDS.map((s) => gen.generate(s).answer)).size).toBeGreaterThan(5);
  });
});
