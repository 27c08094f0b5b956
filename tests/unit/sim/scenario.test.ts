import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim";
import { parseScenario, scenarioSchema } from "@/lib/validation/scenario";
import { resilienceKind } from "@/lib/validation/scenario-resilience";

const DIR = path.resolve(__dirname, "../../../lib/sim/scenarios");
// Scaling and DR scenarios (their own runners) are tested with those models.
const files = readdirSync(DIR).filter((f) => f.endsWith(".json") && resilienceKind(JSON.parse(readFileSync(path.join(DIR, f), "utf8"))) === null);
const load = (file: string) => parseScenario(JSON.parse(readFileSync(path.join(DIR, file), "utf8")));

describe("scenarios", () => {
  it("ships at least two examples", () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)("%s validates and runs deterministically", (file) => {
    const scenario = load(file);
    const a = runScenario(scenario);
    expect(runScenario(scenario)).toEqual(a);
    expect(a.eventsProcessed).toBeGreaterThan(0);
  });

  it("the AZ drill keeps web serving and recovers batch after restarts", () => {
    const result = runScenario(load("az-failure-drill.json"));
    const web = result.infrastructure?.workloads.find((w) => w.id === "web");
    const batch = result.infrastructure?.workloads.find((w) => w.id === "batch");
    expect(web).toMatchObject({ availability: 1, outages: 0, running: 6 });
    // batch (packed into AZ a) is down from 10 min until one replica restarts at 12 min: 2 of 60 min.
    expect(batch?.availability).toBeCloseTo(58 / 60, 12);
    expect(batch?.running).toBe(2);
  });

  it("the throttling example conserves requests", () => {
    const g = runScenario(load("api-throttling.json")).gateway;
    expect(g).toBeDefined();
    if (!g) return;
    expect(g.attempts).toBe(g.accepted + g.throttled);
    expect(g.requests).toBe(g.accepted + g.gaveUp + g.waiting);
  });

  it("rejects malformed scenarios with a reason", () => {
    expect(scenarioSchema.safeParse({ name: "x", seed: 1, durationMs: 10 }).success).toBe(false);
    expect(scenarioSchema.safeParse({ name: "x", seed: -1, durationMs: 10, gateway: { ratePerSec: 1, burst: 1, clients: [] } }).success).toBe(false);
    const bad = scenarioSchema.safeParse({
      name: "x",
      seed: 1,
      durationMs: 10,
      gateway: { ratePerSec: 1, burst: 1, clients: [{ id: "c", arrivals: { kind: "bursty" } }] },
    });
    expect(bad.success).toBe(false);
  });
});
