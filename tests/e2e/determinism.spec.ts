/**
 * Determinism across runtimes: the engine bundled for the browser (esbuild, IIFE) and the engine imported in Node
 * must produce identical event logs, snapshots and results for the same scenario and seed. Transcendental functions
 * (Math.log, exp, cos…) are the only engine-dependent arithmetic; Node and Chromium share V8, so this pins the rest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { build } from "esbuild";
import * as engine from "../../lib/sim";
import type { Scenario, WorldConfig } from "../../lib/sim";

type Engine = typeof engine;

/** A run of every model with every kind of randomness; self-contained so Playwright can ship it to the page. */
function runEverything(input: { config: WorldConfig; untilMs: number; scenario: Scenario }): string {
  const api = (globalThis as unknown as { NimbusSim: Engine }).NimbusSim;
  const world = api.createWorld(input.config);
  world.infrastructure?.placePending();
  world.sim.runUntil(input.untilMs);
  return JSON.stringify({
    log: world.sim.log,
    snapshot: world.sim.snapshot(),
    service: world.service?.view(),
    infrastructure: world.infrastructure?.view(),
    gateway: world.gateway?.view(),
    scenario: api.runScenario(input.scenario),
  });
}

const region = engine.buildRegion({ id: "us-east-1", azCount: 3, hostsPerAz: 2, cpuCores: 8, memoryGiB: 32 });

const input = {
  untilMs: 1_800_000,
  config: {
    seed: 2024,
    maxLogEntries: 200_000,
    infrastructure: {
      regions: [region],
      hypervisor: "type-1",
      workloads: [{ id: "web", replicas: 4, minRunning: 2, vcpu: 2, memoryGiB: 4, placement: "spread" }],
      restartDelayMs: 120_000,
      randomHostFailures: { mtbfMs: 1_200_000, mttrMs: 300_000 },
    },
    gateway: {
      ratePerSec: 2,
      burst: 4,
      clients: [{ id: "app", arrivals: { kind: "poisson", ratePerSec: 3 }, retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1_000 } }],
    },
    service: {
      regionId: "us-east-1",
      sources: [
        { id: "europe", arrivals: { kind: "diurnal", meanRatePerSec: 2, amplitude: 0.5, periodMs: 600_000 }, location: "paris" },
        { id: "bursts", arrivals: { kind: "bursty", onRatePerSec: 8, meanOnMs: 20_000, meanOffMs: 120_000 } },
        { id: "local", arrivals: { kind: "poisson", ratePerSec: 1.5 } },
      ],
      classes: [
        { id: "api", weight: 3, serviceTime: { kind: "lognormal", p50Ms: 200, p99Ms: 3_000 }, timeoutMs: 4_000 },
        { id: "batch", serviceTime: { kind: "exponential", meanMs: 1_500 } },
      ],
      targets: [1, 2, 3, 4].map((n) => ({ id: `web-${n}`, vmId: `web-${n}`, workers: 2, maxQueue: 4 })),
      loadBalancer: { algorithm: "power-of-two", healthCheck: { intervalMs: 10_000 } },
      logRequests: true,
      bucketMs: 10_000,
    },
  } satisfies WorldConfig,
  scenario: (() => {
    const file = path.join(process.cwd(), "lib", "sim", "scenarios", "lb-race.json");
    const race = JSON.parse(readFileSync(file, "utf8")) as Scenario;
    return { ...race, durationMs: 60_000 };
  })(),
};

test("the same seed gives identical logs, snapshots and results in Node and in Chromium", async ({ page }) => {
  const bundle = await build({
    entryPoints: [path.join(process.cwd(), "lib", "sim", "index.ts")],
    bundle: true,
    format: "iife",
    globalName: "NimbusSim",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const content = bundle.outputFiles[0]?.text ?? "";
  expect(content.length).toBeGreaterThan(10_000);

  (globalThis as unknown as { NimbusSim: Engine }).NimbusSim = engine;
  const inNode = runEverything(input);

  await page.goto("about:blank");
  await page.addScriptTag({ content });
  const inBrowser = await page.evaluate(runEverything, input);

  const parsed = JSON.parse(inNode) as { log: { type: string }[]; service: { totals: { completed: number } } };
  expect(parsed.log.filter((e) => e.type === "request-completed").length).toBeGreaterThan(1_000);
  expect(parsed.log.some((e) => e.type === "instance-down")).toBe(true);
  expect(inBrowser.length).toBe(inNode.length);
  expect(inBrowser === inNode).toBe(true);
});
