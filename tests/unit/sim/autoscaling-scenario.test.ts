import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDrScenario, runScalingScenario } from "@/lib/sim";
import {
  drScenarioSchema,
  parseDrScenario,
  parseScalingScenario,
  resilienceKind,
  scalingScenarioSchema,
} from "@/lib/validation/scenario-resilience";

const DIR = path.resolve(__dirname, "../../../lib/sim/scenarios");
const json = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), "utf8"));

describe("resilience scenarios", () => {
  it("scaling-spike.json validates, runs deterministically and rides out the spike", () => {
    const raw = json("scaling-spike.json");
    expect(resilienceKind(raw)).toBe("scaling");
    const scenario = parseScalingScenario(raw);
    const a = runScalingScenario(scenario);
    expect(runScalingScenario(scenario)).toEqual(a);
    expect(a.eventsProcessed).toBeGreaterThan(0);
    expect(a.group.peakInService).toBe(24);
    expect(a.group.desired).toBeGreaterThanOrEqual(2);
    expect(a.load.servedFraction).toBeGreaterThan(0.99);
    // Every activity stays within [min, max], and the spike is met by scaling out before scaling back in.
    for (const s of a.scalingActivities) expect(s.toDesired).toBeGreaterThanOrEqual(2);
    expect(a.scalingActivities[0]?.toDesired).toBeGreaterThan(6);
    expect(a.scalingActivities.at(-1)?.toDesired).toBeLessThan(24);
  });

  it("dr-drill.json validates, runs deterministically and orders the strategies", () => {
    const raw = json("dr-drill.json");
    expect(resilienceKind(raw)).toBe("dr");
    const scenario = parseDrScenario(raw);
    const a = runDrScenario(scenario);
    expect(runDrScenario(scenario)).toEqual(a);
    const [br, pl, ws, aa] = a.strategies;
    expect(br?.rpoMs).toBe(30 * 60_000);
    for (const r of [pl, ws, aa]) {
      // Uniform 1–3 s lag, shipped every 500 ms: the newest applied batch is 1–3.5 s old.
      expect(r?.rpoMs).toBeGreaterThanOrEqual(1000);
      expect(r?.rpoMs).toBeLessThanOrEqual(3500);
    }
    expect(a.strategies.map((r) => r.rtoMs)).toEqual([...a.strategies.map((r) => r.rtoMs)].sort((x, y) => (y as number) - (x as number)));
  });

  it("rejects malformed sections with a reason", () => {
    expect(resilienceKind({ name: "x" })).toBeNull();
    const base = { name: "x", seed: 1, durationMs: 10 };
    const group = { id: "g", minSize: 3, maxSize: 2, desiredCapacity: 2, launchTimeMs: 0, costPerInstanceHour: 0 };
    const load = { demand: { points: [[0, 1]], interpolation: "step" }, capacityPerInstanceRps: 1 };
    expect(scalingScenarioSchema.safeParse({ ...base, scaling: { group, load } }).success).toBe(false);
    expect(scalingScenarioSchema.safeParse({ ...base, scaling: { group: { ...group, minSize: 1 }, load } }).success).toBe(true);
    const badPolicy = { ...group, minSize: 1, policies: [{ kind: "predictive", id: "p" }] };
    expect(scalingScenarioSchema.safeParse({ ...base, scaling: { group: badPolicy, load } }).success).toBe(false);
    const dr = (json("dr-drill.json") as { dr: Record<string, unknown> }).dr;
    expect(drScenarioSchema.safeParse({ ...base, dr: { ...dr, strategies: ["hope"] } }).success).toBe(false);
    expect(drScenarioSchema.safeParse({ ...base, dr }).success).toBe(true);
  });
});
