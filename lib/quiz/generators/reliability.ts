import {
  ArrivalProcess,
  AvailabilityMonitor,
  DAY_MS,
  HOUR_MS,
  FailureModel,
  Simulation,
  backoffCapMs,
  createDrRun,
  createStream,
  type AvailabilityLogEntry,
  type FailureLogEntry,
  type LogEntry,
} from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/** Simulator-answered questions for days 16 (measured availability), 17 (retry amplification) and 18 (backup RPO). */

const clock = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

export const reliabilityGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "measured-availability": {
    description: "A web tier and its database fail and are repaired at random for 30 days: what availability did the run measure?",
    generate(seed) {
      const rng = createStream(seed, "question:measured-availability");
      const webMtbfH = pick(rng, [100, 200, 300]);
      const dbMtbfH = pick(rng, [400, 600, 800]);
      const mttrH = pick(rng, [0.5, 1, 2]);
      const days = 30;
      const totalMin = days * 24 * 60;
      // A month without a single failure happens (a few % of seeds) and makes no question: run the next month then.
      let app: { measured: number | null; failures: number } | undefined;
      let downMin = 0;
      for (let month = 0; downMin === 0; month++) {
        const sim = new Simulation<LogEntry>({ seed: (seed + month * 0x9e3779b9) >>> 0, maxLogEntries: 0 });
        const monitor = new AvailabilityMonitor(sim as unknown as Simulation<AvailabilityLogEntry>, {
          components: [{ id: "web" }, { id: "db" }],
          systems: [{ id: "app", kind: "series", members: ["web", "db"] }],
        });
        new FailureModel(
          sim as unknown as Simulation<FailureLogEntry>,
          {
            components: [
              { id: "web", mtbfMs: webMtbfH * HOUR_MS, mttrMs: mttrH * HOUR_MS },
              { id: "db", mtbfMs: dbMtbfH * HOUR_MS, mttrMs: mttrH * HOUR_MS },
            ],
          },
          [monitor],
        );
        sim.runUntil(days * DAY_MS);
        app = monitor.view().entries.find((e) => e.id === "app");
        // The learner works from the downtime as shown (to 0.1 min), so the answer does too.
        downMin = Math.round((1 - (app?.measured ?? 1)) * totalMin * 10) / 10;
      }
      return {
        params: { days, totalMin, downMin, failures: app?.failures ?? 0, webMtbfH, dbMtbfH, mttrH },
        answer: Math.round((1 - downMin / totalMin) * 100 * 1000) / 1000,
      };
    },
  },
  "retry-amplification": {
    description:
      "Clients retry failed calls with capped exponential backoff and full jitter; each attempt fails with probability p: attempts per second at the dependency.",
    generate(seed) {
      const rng = createStream(seed, "question:retry-amplification");
      const ratePerSec = pick(rng, [100, 200, 400]);
      const failPct = pick(rng, [20, 30, 50, 70]);
      const maxRetries = pick(rng, [2, 3, 4]);
      const windowSec = 60;
      const p = failPct / 100;
      const policy = { maxRetries, baseDelayMs: 100, maxDelayMs: 2_000 };
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 0 });
      let attempts = 0;
      const attempt = sim.defineEvent("retries/attempt", (retry) => {
        attempts++;
        if (sim.stream("retries/outcome").next() >= p || retry >= maxRetries) return;
        // Full jitter: a uniform wait up to the capped exponential bound (AWS Builders' Library).
        const waitMs = sim.stream("retries/jitter").next() * backoffCapMs(policy, retry + 1);
        sim.schedule(sim.nowMs + waitMs, attempt, retry + 1);
      });
      const arrivals = new ArrivalProcess({ kind: "poisson", ratePerSec });
      const arrive = sim.defineEvent("retries/arrive", () => {
        sim.schedule(sim.nowMs, attempt, 0);
        const next = arrivals.next(sim.nowMs, sim.stream("retries/arrivals"));
        if (next >= 0 && next < windowSec * 1000) sim.schedule(next, arrive);
      });
      sim.schedule(0, arrive);
      // Retries of the last arrivals finish within a few seconds; every call's attempts are counted.
      sim.runUntil(windowSec * 1000 + 30_000);
      return {
        params: { ratePerSec, failPct, p, maxRetries, maxAttempts: maxRetries + 1, windowSec },
        answer: Math.round(attempts / windowSec),
      };
    },
  },
  "backup-copy-rpo": {
    description:
      "Backups are taken every few hours and copied to the recovery Region; the primary Region fails: what RPO does restoring the newest copy give?",
    generate(seed) {
      const rng = createStream(seed, "question:backup-copy-rpo");
      const intervalH = pick(rng, [4, 6, 8, 12]);
      const copyMin = pick(rng, [20, 30, 45, 60, 90]);
      const failMs = (30 + rng.int(24 * 60 - 60)) * 60_000 + DAY_MS;
      const { sim, dr } = createDrRun(
        {
          seed,
          dr: {
            strategies: ["backup-restore"],
            primaryRegionId: "eu-west-1",
            recoveryRegionId: "eu-central-1",
            costs: { appInstances: 4, appInstancePerHour: 0.1, dbInstancePerHour: 0.5, backupStoragePerGiBMonth: 0.05 },
            database: {
              id: "orders",
              primary: { regionId: "eu-west-1", azId: "eu-west-1a" },
              backups: { intervalMs: intervalH * HOUR_MS, firstAtMs: 0, copyDelayMs: copyMin * 60_000 },
              writesPerSec: 1,
              dataGiB: 10,
            },
            chaos: [{ atMs: failMs, action: "fail", fault: { kind: "region", id: "eu-west-1" } }],
          },
        },
        "backup-restore",
      );
      sim.runUntil(failMs + 1_000);
      const rpoMs = dr.view().incident?.rpoMs ?? -1;
      return {
        params: { intervalH, copyMin, failClock: clock(failMs % DAY_MS), backupTimes: Array.from({ length: 24 / intervalH }, (_, i) => clock(i * intervalH * HOUR_MS)).join(", ") },
        answer: Math.round(rpoMs / 60_000),
      };
    },
  },
};
