/**
 * `npm run bench:questions`: how long each simulator-answered question takes on the server. Every generator runs
 * when an attempt starts (to draw the numbers) and again when it is graded, and every scenario runs its grading
 * simulation, so these numbers are part of the start and submit latency. Prints one JSON line per generator and
 * scenario: mean, p95 and max wall ms over 40 seeds after a warm-up.
 */
import { SIM_CONFIG_SCENARIOS, SIM_NUMERIC_GENERATORS } from "../lib/quiz/simulated";

const SEEDS = Array.from({ length: 40 }, (_, i) => 1_000 + i * 7_919);

function time(run: (seed: number) => void) {
  for (const seed of SEEDS.slice(0, 5)) run(seed);
  const ms = SEEDS.map((seed) => {
    const start = performance.now();
    run(seed);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length),
    p95Ms: round(ms[Math.floor(ms.length * 0.95)] as number),
    maxMs: round(ms[ms.length - 1] as number),
  };
}

for (const [name, generator] of Object.entries(SIM_NUMERIC_GENERATORS)) {
  console.log(JSON.stringify({ kind: "sim-numeric", name, ...time((seed) => generator.generate(seed)) }));
}
for (const [name, scenario] of Object.entries(SIM_CONFIG_SCENARIOS)) {
  console.log(JSON.stringify({ kind: "sim-config", name, ...time((seed) => scenario.grade(seed, scenario.bestAnswer(seed).values)) }));
}
