/**
 * Simulator-answered questions for days 5 (compute: instances, types and images) and 6 (storage: block, file and
 * object). Pure TypeScript on lib/sim; each generate() runs in a few milliseconds.
 */
import { ServiceModel, Simulation, createStream, type ServiceLogEntry } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/** The day-5 run: `count` instances of `vcpu` workers behind a round-robin LB, Poisson arrivals, lognormal CPU time. */
export function measureCpuUtilisation(options: {
  seed: number;
  count: number;
  vcpu: number;
  ratePerSec: number;
  cpuMs: number;
  durationMs: number;
}): number {
  const sim = new Simulation<ServiceLogEntry>({ seed: options.seed, maxLogEntries: 100 });
  const service = new ServiceModel(sim, {
    regionId: "us-east-1",
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: options.ratePerSec } }],
    classes: [{ id: "request", serviceTime: { kind: "lognormal", meanMs: options.cpuMs, sigma: 0.5 } }],
    targets: Array.from({ length: options.count }, (_, i) => ({
      id: `i-${i + 1}`,
      azId: ["us-east-1a", "us-east-1b", "us-east-1c"][i % 3] as string,
      workers: options.vcpu,
    })),
    loadBalancer: { algorithm: "round-robin", healthCheck: null },
    bucketMs: options.durationMs,
  });
  sim.runUntil(options.durationMs);
  const targets = service.view().targets;
  let sum = 0;
  for (const t of targets) sum += t.utilisation ?? 0;
  return sum / targets.length;
}

export const computeStorageGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "compute-cpu-utilisation": {
    description:
      "N instances with v vCPUs each serve Poisson requests that each need C ms of CPU: what average CPU utilisation does the run measure?",
    generate(seed) {
      const rng = createStream(seed, "question:compute-cpu-utilisation");
      const vcpu = pick(rng, [2, 4, 8]);
      const count = pick(rng, [2, 3, 4]);
      const cpuMs = pick(rng, [10, 20, 25, 40, 50]);
      const total = vcpu * count;
      // A rate that puts the fleet between about 35 % and 85 % busy, on a round number of requests per second.
      const target = pick(rng, [0.4, 0.5, 0.6, 0.7, 0.8]);
      const ratePerSec = Math.max(10, Math.round((target * total * 1000) / cpuMs / 10) * 10);
      const busyVcpus = (ratePerSec * cpuMs) / 1000;
      // About 24 000 requests whatever the rate: enough for the measurement to sit within a point of the formula,
      // few enough to run in a few milliseconds.
      const seconds = Math.min(300, Math.max(20, Math.round(24_000 / ratePerSec / 10) * 10));
      const measured = measureCpuUtilisation({ seed, count, vcpu, ratePerSec, cpuMs, durationMs: seconds * 1000 });
      return {
        params: {
          count,
          vcpu,
          total,
          ratePerSec,
          cpuMs,
          seconds,
          busyVcpus: Number(busyVcpus.toFixed(2)),
          formula: Number(((busyVcpus / total) * 100).toFixed(1)),
        },
        answer: Math.round(measured * 1000) / 10,
      };
    },
  },
};
