/**
 * Simulator-answered questions for Day 27 (multi-Region architectures) and Day 28 (the Well-Architected Framework).
 * Pure TypeScript over lib/sim; every generator draws its numbers from `createStream(seed, "question:<id>")`.
 */
import {
  FailureModel,
  HealthChecker,
  ResolverCache,
  ServiceModel,
  Simulation,
  createStream,
  type Fault,
  type FailureLogEntry,
  type LogEntry,
  type ServiceLogEntry,
} from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/**
 * DNS failover with one health checker and one resolver. The checker probes the primary every `intervalSec` from
 * t = 0 and marks it unhealthy after `threshold` consecutive failures; the resolver asks at `queryAtSec` and again
 * whenever its answer (cached for `ttlSec`) has expired, because its users send a request every second. Returns
 * when the users are first sent to the secondary, in seconds after the failure.
 */
export function runDnsFailover(options: {
  seed: number;
  intervalSec: number;
  threshold: number;
  ttlSec: number;
  queryAtSec: number;
  failSec: number;
}): { detectedAtSec: number | null; switchedAtSec: number | null } {
  const { intervalSec, threshold, ttlSec } = options;
  const sim = new Simulation<LogEntry>({ seed: options.seed, maxLogEntries: 100 });
  let primaryUp = true;
  const checker = new HealthChecker(threshold);
  let detectedAtMs: number | null = null;
  let switchedAtMs: number | null = null;
  const resolver = new ResolverCache(1, ttlSec * 1000);
  // Failover routing: the primary (0) while its health check passes, otherwise the secondary (1).
  const query = () => (checker.healthy ? 0 : 1);
  const sink = {
    applyFault(fault: Fault, failed: boolean) {
      if (fault.kind === "region" && fault.id === "primary") primaryUp = !failed;
    },
  };
  new FailureModel(sim as unknown as Simulation<FailureLogEntry>, {
    chaos: [{ atMs: options.failSec * 1000, action: "fail", fault: { kind: "region", id: "primary" } }],
  }, [sink]);
  const check = sim.defineEvent("dns-failover/check", (_a, _b, atMs) => {
    if (checker.record(primaryUp) && !checker.healthy) detectedAtMs ??= atMs;
    sim.schedule(atMs + intervalSec * 1000, check);
  });
  const endMs = (options.failSec + threshold * intervalSec + 2 * ttlSec + 10) * 1000;
  const request = sim.defineEvent("dns-failover/request", (_a, _b, atMs) => {
    if (resolver.resolve(0, atMs, query) === 1 && switchedAtMs === null) switchedAtMs = atMs;
    if (atMs + 1000 <= endMs) sim.schedule(atMs + 1000, request);
  });
  sim.schedule(0, check);
  sim.schedule(options.queryAtSec * 1000, request);
  sim.runUntil(endMs);
  return {
    detectedAtSec: detectedAtMs === null ? null : detectedAtMs / 1000,
    switchedAtSec: switchedAtMs === null ? null : switchedAtMs / 1000,
  };
}

export const multiRegionGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "dns-failover-switch": {
    description:
      "Failover routing with one health checker (interval, threshold) and a resolver caching answers for the TTL; the primary Region fails: how many seconds until the users are sent to the secondary?",
    generate(seed) {
      const rng = createStream(seed, "question:dns-failover-switch");
      const intervalSec = pick(rng, [10, 30]);
      const threshold = pick(rng, [2, 3, 4, 5]);
      const ttlSec = pick(rng, [30, 60, 120, 300]);
      // A half-second first query, so no re-query ever coincides with a check.
      const queryAtSec = 0.5 + rng.int(ttlSec);
      // The failure falls between two checks, at least 2 minutes in.
      const firstFailCheck = Math.ceil(120 / intervalSec) + rng.int(6) + 1;
      const failSec = firstFailCheck * intervalSec - 1 - rng.int(intervalSec - 1);
      const { detectedAtSec, switchedAtSec } = runDnsFailover({ seed, intervalSec, threshold, ttlSec, queryAtSec, failSec });
      return {
        params: {
          intervalSec,
          threshold,
          ttlSec,
          queryAtSec,
          failSec,
          firstFailCheckSec: firstFailCheck * intervalSec,
          detectSec: detectedAtSec ?? 0,
          switchSec: switchedAtSec ?? 0,
        },
        answer: (switchedAtSec ?? 0) - failSec,
      };
    },
  },
  "az-loss-survivor-utilisation": {
    description:
      "N instances spread evenly over k AZs serve a steady load; one AZ fails: how busy are the survivors once the load balancer has stopped sending to the dead ones?",
    generate(seed) {
      const rng = createStream(seed, "question:az-loss-survivor-utilisation");
      const azCount = pick(rng, [2, 3]);
      const perAz = pick(rng, [2, 3, 4]);
      const workers = pick(rng, [2, 4]);
      const serviceMs = pick(rng, [50, 80, 100, 200]);
      const instances = azCount * perAz;
      const survivingWorkers = (instances - perAz) * workers;
      // A steady load that leaves the survivors between about 40 % and 90 % busy, in whole requests per second.
      const survivorCapacity = (survivingWorkers * 1000) / serviceMs;
      const demandPerSec = Math.round(survivorCapacity * pick(rng, [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]));
      const before = (demandPerSec * serviceMs) / 1000 / (instances * workers);
      const measured = measureSurvivorUtilisation({ seed, azCount, perAz, workers, serviceMs, demandPerSec });
      return {
        params: {
          azCount,
          perAz,
          instances,
          workers,
          serviceMs,
          demandPerSec,
          beforePct: Math.round(before * 1000) / 10,
          survivors: instances - perAz,
        },
        answer: Math.round(measured * 1000) / 10,
      };
    },
  },
};

/**
 * A ServiceModel with `perAz` instances in each of `azCount` AZs (round robin, ALB-default health checks), steady
 * arrivals and fixed service times; every instance of the first AZ fails at 30 s. Returns the surviving instances'
 * measured utilisation from 120 s (the health checks settle within 65 s of the failure) to 200 s.
 */
export function measureSurvivorUtilisation(options: {
  seed: number;
  azCount: number;
  perAz: number;
  workers: number;
  serviceMs: number;
  demandPerSec: number;
}): number {
  const { azCount, perAz, workers } = options;
  const sim = new Simulation<ServiceLogEntry>({ seed: options.seed, maxLogEntries: 100 });
  const azIds = Array.from({ length: azCount }, (_, z) => `az-${z}`);
  const targets = azIds.flatMap((azId) => Array.from({ length: perAz }, (_, i) => ({ id: `${azId}-${i}`, azId, workers })));
  const service = new ServiceModel(sim, {
    regionId: "r",
    sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: options.demandPerSec } }],
    classes: [{ id: "request", serviceTime: { kind: "deterministic", ms: options.serviceMs } }],
    targets,
    loadBalancer: { algorithm: "round-robin" },
    bucketMs: 10_000,
  });
  for (const t of targets) if (t.azId === azIds[0]) service.scheduleInstance(30_000, t.id, "fail");
  sim.runUntil(200_000);
  const series = service.view().series.utilisationByTarget;
  let sum = 0;
  let n = 0;
  for (const t of targets) {
    if (t.azId === azIds[0]) continue;
    for (let b = 12; b < 20; b++) {
      sum += series[t.id]?.[b] ?? 0;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}
