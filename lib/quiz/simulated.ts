import {
  DAY_MS,
  InfrastructureModel,
  PLACES,
  REGION_LOCATIONS,
  Simulation,
  TokenBucket,
  buildRegion,
  createStream,
  greatCircleKm,
  minReplicasToSurviveAzLoss,
  wanRttMs,
  type PlacementStrategy,
  AutoScalingGroup,
  FailureModel,
  ServiceModel,
  cpuUtilizationMetric,
  type AutoscalingLogEntry,
  type FailureLogEntry,
  type LogEntry,
  type ServiceLogEntry,
  ArrivalProcess,
  DatabaseModel,
  type DatabaseLogEntry,
} from "../sim";
import { foundationGenerators } from "./generators/foundations";
import { recoveryScenarios } from "./generators/recovery";
import { faultToleranceDesignScenarios } from "./generators/fault-tolerance-design";
import { scalingDesignScenarios } from "./generators/scaling-design";
import { reliabilityGenerators } from "./generators/reliability";
import { containersDeployGenerators } from "./generators/containers-deploy";
import { securityGenerators } from "./generators/security";
import { networkGenerators } from "./generators/network";
import { multiRegionGenerators } from "./generators/multi-region";
import { computeStorageGenerators } from "./generators/compute-storage";
import { costGenerators } from "./generators/cost";
import { costOptimisationGenerators } from "./generators/cost-optimisation";
import { CAPSTONE_GENERATORS, CAPSTONE_SCENARIOS } from "./generators/capstone";
import { observabilityChaosGenerators } from "./generators/observability-chaos";
import { storageGenerators } from "./generators/storage";
import { pick, type Params, type SimConfigScenario, type SimNumericGenerator } from "./generators/types";

/**
 * Questions whose numbers come from the simulation engine. A `sim-numeric` question draws its parameters from the
 * attempt's seed and computes its answer by running the engine; a `sim-config` question asks the learner for a
 * configuration and grades it by running the scenario with it. Both are pure and deterministic, so the server
 * re-runs exactly what the learner saw, and a review (with a new seed) gets fresh numbers.
 */

export type { ConfigField, ConfigOutcome, Params, SimConfigScenario, SimNumericGenerator } from "./generators/types";


/** Runs one placement of `replicas` web VMs over a Region and fails `failAzIndex` (or nothing); returns running. */
function runPlacement(options: {
  seed: number;
  azCount: number;
  hostsPerAz: number;
  replicas: number;
  required: number;
  placement: PlacementStrategy;
  failAzIndex: number | null;
}): { running: number; placed: number } {
  const sim = new Simulation({ seed: options.seed });
  const region = buildRegion({ id: "r", azCount: options.azCount, hostsPerAz: options.hostsPerAz, cpuCores: 16, memoryGiB: 64 });
  const infra = new InfrastructureModel(sim, {
    regions: [region],
    hypervisor: "type-1",
    workloads: [
      { id: "web", replicas: options.replicas, minRunning: options.required, vcpu: 2, memoryGiB: 4, placement: options.placement },
    ],
  });
  infra.placePending();
  const placed = infra.workloadStatus("web").running;
  const az = options.failAzIndex === null ? undefined : region.azs[options.failAzIndex];
  if (az) infra.failAz(az.id);
  sim.runUntil(1000);
  return { running: infra.workloadStatus("web").running, placed };
}

const CORE_GENERATORS: Readonly<Record<string, SimNumericGenerator>> = {
  "az-outage-survivors": {
    description: "VMs spread evenly over N AZs; one AZ fails; how many keep running?",
    generate(seed) {
      const rng = createStream(seed, "question:az-outage-survivors");
      const azCount = pick(rng, [2, 3, 4]);
      const vmsPerAz = pick(rng, [2, 3, 4]);
      const replicas = azCount * vmsPerAz;
      const { running } = runPlacement({
        seed,
        azCount,
        hostsPerAz: 2,
        replicas,
        required: 1,
        placement: "spread",
        failAzIndex: 0,
      });
      return { params: { azCount, replicas, lost: replicas - running }, answer: running };
    },
  },
  "token-bucket-accepted": {
    description: "A token bucket (rate, burst) meets a burst of requests and then a steady stream: how many pass?",
    generate(seed) {
      const rng = createStream(seed, "question:token-bucket-accepted");
      const burst = pick(rng, [4, 5, 6, 8, 10]);
      const ratePerSec = pick(rng, [1, 2, 4]);
      const initial = burst + pick(rng, [2, 3, 4, 5]);
      const gapMs = pick(rng, [100, 200, 250]);
      const later = pick(rng, [5, 8, 10]);
      const bucket = new TokenBucket(ratePerSec, burst, 0);
      let accepted = 0;
      for (let i = 0; i < initial; i++) if (bucket.tryTake(0)) accepted++;
      for (let i = 1; i <= later; i++) if (bucket.tryTake(i * gapMs)) accepted++;
      return { params: { burst, ratePerSec, initial, gapMs, later, total: initial + later }, answer: accepted };
    },
  },
  "agility-experiments-per-quarter": {
    description:
      "A team builds a batch of experiments, waits for an environment, measures, then starts the next batch: how many experiments have results within the quarter?",
    generate(seed) {
      const rng = createStream(seed, "question:agility-experiments-per-quarter");
      const batch = pick(rng, [1, 2, 3, 4, 6]);
      const buildDays = pick(rng, [1, 2]);
      const leadDays = pick(rng, [1, 2, 3, 5, 7, 10, 14]);
      const measureDays = pick(rng, [2, 3, 5]);
      const quarterDays = 90;
      // The build–wait–measure loop as events on the engine: one batch at a time, results counted as they arrive.
      const sim = new Simulation({ seed });
      let finished = 0;
      const feedback = sim.defineEvent("agility/feedback", () => {
        finished += batch;
        sim.schedule(sim.nowMs + batch * buildDays * DAY_MS, built);
      });
      const ready = sim.defineEvent("agility/ready", () => sim.schedule(sim.nowMs + measureDays * DAY_MS, feedback));
      const built = sim.defineEvent("agility/built", () => sim.schedule(sim.nowMs + leadDays * DAY_MS, ready));
      sim.schedule(batch * buildDays * DAY_MS, built);
      sim.runUntil(quarterDays * DAY_MS);
      return { params: { batch, buildDays, leadDays, measureDays, quarterDays, cycleDays: batch * buildDays + leadDays + measureDays }, answer: finished };
    },
  },
  "latency-routing-rtt": {
    description:
      "Users in a city, an application in two Regions at given distances: what round trip does latency-based routing give them?",
    generate(seed) {
      const rng = createStream(seed, "question:latency-routing-rtt");
      const cities = Object.keys(PLACES);
      const regions = Object.keys(REGION_LOCATIONS);
      const city = pick(rng, cities);
      const km = (r: string) => greatCircleKm(PLACES[city]!, REGION_LOCATIONS[r]!);
      // Two different Regions, each at least 500 km from the users (so the distance, not the overhead, decides).
      const far = rng.shuffle(regions.filter((r) => km(r) >= 500));
      const [a, b] = [far[0]!, far[1]!];
      const rttA = wanRttMs(city, a);
      const rttB = wanRttMs(city, b);
      const best = rttA <= rttB ? a : b;
      return {
        params: {
          city: PLACES[city]!.name,
          regionA: `${a} (${REGION_LOCATIONS[a]!.name})`,
          regionB: `${b} (${REGION_LOCATIONS[b]!.name})`,
          kmA: Math.round(km(a) / 10) * 10,
          kmB: Math.round(km(b) / 10) * 10,
          chosen: `${best} (${REGION_LOCATIONS[best]!.name})`,
        },
        answer: Math.round(Math.min(rttA, rttB) * 10) / 10,
      };
    },
  },
  "queue-drain-time": {
    description: "A burst of messages lands in a queue at once; C consumers process them one at a time: when is the queue empty?",
    generate(seed) {
      const rng = createStream(seed, "question:queue-drain-time");
      const messages = pick(rng, [120, 240, 360, 600]);
      const consumers = pick(rng, [2, 3, 4, 5, 6, 8]);
      const ms = pick(rng, [50, 100, 200, 250]);
      // The consumer pool as one ServiceModel target with `consumers` workers and an unbounded FIFO queue.
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 2_000 });
      new ServiceModel(sim as unknown as Simulation<ServiceLogEntry>, {
        regionId: "us-east-1",
        sources: [{ id: "producer", arrivals: { kind: "trace", atMs: new Array<number>(messages).fill(0) } }],
        classes: [{ id: "message", serviceTime: { kind: "deterministic", ms } }],
        targets: [{ id: "consumers", azId: "us-east-1a", workers: consumers }],
        loadBalancer: { algorithm: "round-robin", healthCheck: null },
        logRequests: true,
      });
      sim.runUntil(Math.ceil(messages / consumers) * ms + 10_000);
      let lastMs = 0;
      for (const e of sim.log as readonly ServiceLogEntry[]) if (e.type === "request-completed" && e.atMs > lastMs) lastMs = e.atMs;
      return { params: { messages, consumers, ms }, answer: Math.round(lastMs) / 1000 };
    },
  },
  "asg-settled-capacity": {
    description: "Target tracking on CPU with steady demand, through an AZ outage: how many instances once it settles?",
    generate(seed) {
      const rng = createStream(seed, "question:asg-settled-capacity");
      const perInstance = 100;
      const demand = pick(rng, [600, 900, 1200, 1500, 1800]);
      const target = pick(rng, [40, 50, 60, 70]);
      // Start under-provisioned at about 90 % CPU, so the policy has to scale out.
      const initial = Math.max(3, Math.ceil(demand / (perInstance * 0.9)));
      const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 2_000 });
      const azIds = ["az-a", "az-b", "az-c"];
      const group = new AutoScalingGroup(
        sim as unknown as Simulation<AutoscalingLogEntry>,
        {
          id: "web",
          minSize: 3,
          maxSize: 60,
          desiredCapacity: initial,
          launchTimeMs: 120_000,
          instanceWarmupMs: 120_000,
          costPerInstanceHour: 0.1,
          azIds,
          policies: [{ kind: "target-tracking", id: "cpu", targetValue: target }],
        },
        cpuUtilizationMetric({ demand: { interpolation: "step", points: [[0, demand]] }, capacityPerInstanceRps: perInstance }),
      );
      new FailureModel(
        sim as unknown as Simulation<FailureLogEntry>,
        { chaos: [{ atMs: 30 * 60_000, action: "fail", fault: { kind: "az", id: "az-a" }, durationMs: 30 * 60_000 }] },
        [group],
      );
      sim.runUntil(4 * 3_600_000);
      return { params: { demand, perInstance, target, initial }, answer: group.view().desired };
    },
  },
  "async-replica-lost-writes": {
    description:
      "An async replica applies each one-second batch a fixed lag after it ships; the primary's AZ fails; how many committed writes does promoting the replica lose?",
    generate(seed) {
      const rng = createStream(seed, "question:async-replica-lost-writes");
      const writesPerSec = pick(rng, [20, 40, 50, 100, 200]);
      const lagSec = pick(rng, [1, 2, 3, 5]);
      const failSec = pick(rng, [60, 90, 120, 180, 240]);
      const sim = new Simulation<DatabaseLogEntry>({ seed });
      const db = new DatabaseModel(sim, {
        id: "orders",
        primary: { regionId: "r", azId: "ra" },
        asyncReplica: { location: { regionId: "r", azId: "rb" }, lag: { kind: "fixed", ms: lagSec * 1000 }, shipIntervalMs: 1000 },
        writesPerSec,
        dataGiB: 1,
      });
      sim.runUntil(failSec * 1000 + 500);
      db.applyFault({ kind: "az", id: "ra" }, true);
      const replica = db.lastLoss()?.replica;
      const rpoSec = (replica?.rpoMs ?? 0) / 1000;
      return {
        params: { writesPerSec, lagSec, failAt: `${failSec}.5`, cutoffSec: failSec + 0.5 - rpoSec, rpoSec },
        answer: replica?.lostWrites ?? 0,
      };
    },
  },
  "ttl-origin-load": {
    description:
      "Poisson requests spread evenly over N objects; a miss caches the object for TTL seconds; measured origin requests per second once warm.",
    generate(seed) {
      const rng = createStream(seed, "question:ttl-origin-load");
      const ratePerSec = pick(rng, [100, 200, 400]);
      const objects = pick(rng, [500, 1000, 2000, 4000]);
      const ttlSec = pick(rng, [10, 30, 60]);
      const warmupMs = 300_000;
      const endMs = warmupMs + 600_000;
      const sim = new Simulation({ seed });
      const arrivals = new ArrivalProcess({ kind: "poisson", ratePerSec });
      const expiresAt = new Float64Array(objects).fill(-1);
      let misses = 0;
      const arrive = sim.defineEvent("ttl-cache/arrive", (_a, _b, atMs) => {
        const object = sim.stream("ttl-cache/objects").int(objects);
        if (!((expiresAt[object] as number) > atMs)) {
          // A miss: fetched from the origin and cached for the TTL.
          expiresAt[object] = atMs + ttlSec * 1000;
          if (atMs > warmupMs) misses++;
        }
        const next = arrivals.next(atMs, sim.stream("ttl-cache/arrivals"));
        if (next >= 0 && next <= endMs) sim.schedule(next, arrive);
      });
      sim.schedule(arrivals.next(0, sim.stream("ttl-cache/arrivals")), arrive);
      sim.runUntil(endMs);
      const perObject = ratePerSec / objects;
      return {
        params: { ratePerSec, objects, ttlSec, perObject: Number(perObject.toFixed(3)), gapSec: Number((1 / perObject).toFixed(1)) },
        answer: Math.round((misses / ((endMs - warmupMs) / 1000)) * 100) / 100,
      };
    },
  },
};

const REPLICA_CHOICES = [2, 3, 4, 5, 6, 7, 8, 9];
const PLACEMENTS: { value: PlacementStrategy; label: string }[] = [
  { value: "spread", label: "Spread across AZs" },
  { value: "pack", label: "Pack onto as few hosts as possible" },
  { value: "single-az", label: "All in one AZ" },
];

function placementScenarioParams(seed: number) {
  const rng = createStream(seed, "question:survive-az-loss");
  return { required: pick(rng, [2, 3, 4]), azCount: 3 };
}

/** Survives losing each AZ in turn (a fresh run per AZ, as the widget's challenge checks). */
function survivesEveryAz(seed: number, replicas: number, required: number, placement: PlacementStrategy): boolean {
  for (let az = 0; az < 3; az++) {
    const { running } = runPlacement({ seed, azCount: 3, hostsPerAz: 2, replicas, required, placement, failAzIndex: az });
    if (running < required) return false;
  }
  return true;
}

const CORE_SCENARIOS: Readonly<Record<string, SimConfigScenario>> = {
  "survive-az-loss": {
    description: "Choose replicas and placement so a web tier keeps its required VMs through any single AZ outage.",
    params: (seed) => placementScenarioParams(seed),
    fields: () => [
      { name: "replicas", label: "Web replicas", options: REPLICA_CHOICES.map((n) => ({ value: String(n), label: String(n) })) },
      { name: "placement", label: "Placement", options: PLACEMENTS },
    ],
    grade(seed, values) {
      const { required } = placementScenarioParams(seed);
      const replicas = Number(values.replicas);
      const chosen = PLACEMENTS.find((p) => p.value === values.placement);
      if (!REPLICA_CHOICES.includes(replicas) || !chosen) return { fraction: 0, summary: "No complete configuration was given." };
      const placement = chosen.value;
      const how = chosen.label.toLowerCase();
      const minimum = minReplicasToSurviveAzLoss(required, 3) ?? replicas;
      if (!survivesEveryAz(seed, replicas, required, placement)) {
        return {
          fraction: 0,
          summary: `With ${replicas} replicas (${how}), losing one AZ left fewer than ${required} running: the tier went down.`,
        };
      }
      if (replicas > minimum) {
        return {
          fraction: 0.5,
          summary: `${replicas} replicas (${how}) survived every single-AZ outage, but ${minimum} would have been enough: you pay for ${replicas - minimum} idle VM${replicas - minimum === 1 ? "" : "s"}.`,
        };
      }
      return { fraction: 1, summary: `${replicas} replicas (${how}) kept at least ${required} running through every single-AZ outage, with nothing to spare.` };
    },
    bestAnswer(seed) {
      const { required } = placementScenarioParams(seed);
      const minimum = minReplicasToSurviveAzLoss(required, 3) ?? required;
      return {
        values: { replicas: String(minimum), placement: "spread" },
        summary: `${minimum} replicas spread across the 3 AZs: the busiest AZ holds ${Math.ceil(minimum / 3)}, so losing it leaves ${minimum - Math.ceil(minimum / 3)} ≥ ${required}.`,
      };
    },
  },
};

/**
 * Every generator and scenario, by name. New days keep theirs in `./generators/<topic>.ts`, each exporting a
 * record that is spread in here (one line per file).
 */
export const SIM_NUMERIC_GENERATORS: Readonly<Record<string, SimNumericGenerator>> = {
  ...CORE_GENERATORS,
  ...storageGenerators,
  ...observabilityChaosGenerators,
  ...CAPSTONE_GENERATORS,
  ...costGenerators,
  ...costOptimisationGenerators,
  ...computeStorageGenerators,
  ...multiRegionGenerators,
  ...networkGenerators,
  ...foundationGenerators,
  ...reliabilityGenerators,
  ...containersDeployGenerators,
  ...securityGenerators,
};

export const SIM_CONFIG_SCENARIOS: Readonly<Record<string, SimConfigScenario>> = {
  ...CORE_SCENARIOS,
  ...recoveryScenarios,
  ...CAPSTONE_SCENARIOS,
  ...faultToleranceDesignScenarios,
  ...scalingDesignScenarios,
};

/**
 * Replaces `{name}` in a template with the parameter's value, and `{name|day|days}` with the value and the noun that
 * agrees with it ("1 day", "3 days"). Unknown names are left as they are.
 */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(
    /\{([a-zA-Z][a-zA-Z0-9]*)(?:\|([^|{}]+)\|([^|{}]+))?\}/g,
    (whole, name: string, singular: string | undefined, plural: string | undefined) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = params[name];
      if (singular === undefined || plural === undefined) return String(value);
      return `${String(value)} ${value === 1 ? singular : plural}`;
    },
  );
}
