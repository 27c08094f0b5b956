import {
  InfrastructureModel,
  Simulation,
  TokenBucket,
  buildRegion,
  createStream,
  minReplicasToSurviveAzLoss,
  type PlacementStrategy,
} from "../sim";

/**
 * Questions whose numbers come from the simulation engine. A `sim-numeric` question draws its parameters from the
 * attempt's seed and computes its answer by running the engine; a `sim-config` question asks the learner for a
 * configuration and grades it by running the scenario with it. Both are pure and deterministic, so the server
 * re-runs exactly what the learner saw, and a review (with a new seed) gets fresh numbers.
 */

export type Params = Record<string, number | string>;

export interface SimNumericGenerator {
  description: string;
  generate(seed: number): { params: Params; answer: number };
}

export interface ConfigField {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface ConfigOutcome {
  /** 0–1 of the question's points. */
  fraction: number;
  /** What the run showed, in a sentence, with the learner's numbers. */
  summary: string;
}

export interface SimConfigScenario {
  description: string;
  /** Parameters shown in the prompt (drawn from the seed). */
  params(seed: number): Params;
  fields(seed: number): ConfigField[];
  grade(seed: number, values: Record<string, string>): ConfigOutcome;
  /** A configuration that earns full marks, for the review. */
  bestAnswer(seed: number): { values: Record<string, string>; summary: string };
}

const pick = <T>(rng: { int(n: number): number }, xs: readonly T[]): T => xs[rng.int(xs.length)] as T;

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

export const SIM_NUMERIC_GENERATORS: Readonly<Record<string, SimNumericGenerator>> = {
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

export const SIM_CONFIG_SCENARIOS: Readonly<Record<string, SimConfigScenario>> = {
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
      const placement = PLACEMENTS.find((p) => p.value === values.placement)?.value;
      if (!REPLICA_CHOICES.includes(replicas) || !placement) return { fraction: 0, summary: "No complete configuration was given." };
      const minimum = minReplicasToSurviveAzLoss(required, 3) ?? replicas;
      if (!survivesEveryAz(seed, replicas, required, placement)) {
        return {
          fraction: 0,
          summary: `With ${replicas} replicas placed "${placement}", losing one AZ left fewer than ${required} running: the tier went down.`,
        };
      }
      if (replicas > minimum) {
        return {
          fraction: 0.5,
          summary: `${replicas} replicas placed "${placement}" survived every single-AZ outage, but ${minimum} would have been enough: you pay for ${replicas - minimum} idle VM${replicas - minimum === 1 ? "" : "s"}.`,
        };
      }
      return { fraction: 1, summary: `${replicas} replicas placed "${placement}" kept at least ${required} running through every single-AZ outage, with nothing to spare.` };
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

/** Replaces `{name}` in a template with the parameter's value; unknown names are left as they are. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
