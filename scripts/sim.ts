/**
 * Runs a scenario file and prints the result as JSON:  npm run sim -- lib/sim/scenarios/az-failure-drill.json
 * Options: --seed N overrides the file's seed.
 */
import { readFileSync } from "node:fs";
import { runDrScenario, runScalingScenario, runScenario } from "../lib/sim";
import { parseScenario } from "../lib/validation/scenario";
import { parseDrScenario, parseScalingScenario, resilienceKind } from "../lib/validation/scenario-resilience";

function main(argv: string[]): number {
  const args = argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seedText = seedAt >= 0 ? args[seedAt + 1] : undefined;
  const files = seedAt >= 0 ? args.filter((_, i) => i !== seedAt && i !== seedAt + 1) : args;
  const file = files[0];
  if (!file || files.length > 1 || (seedAt >= 0 && !/^\d+$/.test(seedText ?? ""))) {
    console.error("Usage: npm run sim -- path/to/scenario.json [--seed N]");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  // Scaling and DR scenarios have their own runners; everything else is a core scenario.
  const kind = resilienceKind(json);
  const withSeed = <T extends { seed: number }>(s: T): T => (seedText === undefined ? s : { ...s, seed: Number(seedText) });
  let result: unknown;
  try {
    if (kind === "scaling") result = runScalingScenario(withSeed(parseScalingScenario(json)));
    else if (kind === "dr") result = runDrScenario(withSeed(parseDrScenario(json)));
    else result = runScenario(withSeed(parseScenario(json)));
  } catch (error) {
    console.error(`${file} is not a valid scenario:\n${(error as Error).message}`);
    return 1;
  }
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

process.exitCode = main(process.argv);
