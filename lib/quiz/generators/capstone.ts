/**
 * Day 30 (capstone): a sim-numeric question on what a design costs per hour, and the sim-config capstone itself —
 * design a web application, run it through the scripted break (lib/sim/capstone.ts) and earn credit per target met.
 */
import {
  CAPSTONE_CHECK_INTERVALS_MS,
  CAPSTONE_DATABASES,
  CAPSTONE_DEFAULT_LOAD,
  CAPSTONE_PRICES,
  checkCapstoneTargets,
  createCapstoneRun,
  createStream,
  formatCapstoneDuration,
  measureCapstone,
  capstonePlannedRtoMs,
  runCapstone,
  capstoneSteadyCost,
  type CapstoneDatabase,
  type CapstoneDesign,
  type CapstoneDr,
  type CapstoneLoad,
  type CapstoneTargets,
} from "../../sim";
import { pick, type ConfigField, type SimConfigScenario, type SimNumericGenerator } from "./types";

const MIN = 60_000;

export const CAPSTONE_GENERATORS: Readonly<Record<string, SimNumericGenerator>> = {
  "capstone-cost-per-hour": {
    description: "A design's web tier, database and DR strategy: what does it cost per hour before anything fails?",
    generate(seed) {
      const rng = createStream(seed, "question:capstone-cost-per-hour");
      const azCount = pick(rng, [2, 3] as const);
      const instancesPerAz = pick(rng, [1, 2, 3, 4]);
      const database = pick(rng, ["single", "multi-az", "multi-az-cluster"] as const);
      const dr = pick(rng, ["pilot-light", "warm-standby"] as const);
      const design: CapstoneDesign = { azCount, instancesPerAz, scaling: "fixed", checkIntervalMs: 10_000, algorithm: "least-outstanding", database, dr };
      // Ten quiet minutes of the drill (before the first fault): the group's instance-hours give the web tier's cost.
      const run = createCapstoneRun(design, CAPSTONE_DEFAULT_LOAD, seed);
      run.sim.runUntil(10 * MIN);
      const cost = measureCapstone(run).cost;
      const n = azCount * instancesPerAz;
      return {
        params: {
          azCount,
          instancesPerAz,
          instances: n,
          database: CAPSTONE_DATABASES[database].label,
          dbNodes: CAPSTONE_DATABASES[database].nodes,
          dr: dr === "pilot-light" ? "pilot light (a replica database only)" : "warm standby (a replica database and a quarter of the web tier, rounded up)",
          standbyInstances: dr === "warm-standby" ? Math.max(1, Math.ceil(n / 4)) : 0,
          instancePrice: CAPSTONE_PRICES.instancePerHour,
          lbPrice: CAPSTONE_PRICES.loadBalancerPerHour,
          dbPrice: CAPSTONE_PRICES.dbInstancePerHour,
        },
        answer: Math.round(cost.total * 100) / 100,
      };
    },
  },
};

// ── The capstone design question ────────────────────────────────────────────────────────────────────────────────

interface Brief {
  name: string;
  rtoMs: number;
  rpoMs: number;
  dr: Exclude<CapstoneDr, "none">;
}

/** Recovery objectives the business may set, each with the cheapest strategy that meets it in the drill. */
const BRIEFS: readonly Brief[] = [
  { name: "an internal reporting tool", rtoMs: 4 * 60 * MIN, rpoMs: 2 * 60 * MIN, dr: "backup-restore" },
  { name: "a booking site", rtoMs: 60 * MIN, rpoMs: MIN, dr: "pilot-light" },
  { name: "an online shop", rtoMs: 15 * MIN, rpoMs: MIN, dr: "warm-standby" },
  { name: "a payments API", rtoMs: 5 * MIN, rpoMs: MIN, dr: "active-active" },
];

export const CAPSTONE_MIN_AVAILABILITY = 0.985;
export const CAPSTONE_MAX_P95_MS = 250;

export interface CapstoneBrief {
  load: CapstoneLoad;
  targets: CapstoneTargets;
  brief: Brief;
}

/** A design that meets every target of any brief: 2 instances in each of 3 AZs, fast checks, a Multi-AZ cluster. */
export function capstoneReference(dr: CapstoneDr): CapstoneDesign {
  return { azCount: 3, instancesPerAz: 2, scaling: "fixed", checkIntervalMs: 10_000, algorithm: "least-outstanding", database: "multi-az-cluster", dr };
}

export function capstoneBrief(seed: number): CapstoneBrief {
  const rng = createStream(seed, "question:capstone-design");
  const peakRps = pick(rng, [45, 60, 75]);
  const brief = pick(rng, BRIEFS);
  const load: CapstoneLoad = { ...CAPSTONE_DEFAULT_LOAD, peakRps };
  // The budget leaves about $0.10 an hour above the reference design, rounded up to 5 cents.
  const reference = capstoneSteadyCost(capstoneReference(brief.dr), load).total;
  const maxCostPerHour = Math.ceil((reference + 0.1) * 20) / 20;
  return {
    load,
    brief,
    targets: { minAvailability: CAPSTONE_MIN_AVAILABILITY, maxP95Ms: CAPSTONE_MAX_P95_MS, maxRtoMs: brief.rtoMs, maxRpoMs: brief.rpoMs, maxCostPerHour },
  };
}

const opt = (value: string, label: string) => ({ value, label });

const FIELDS: ConfigField[] = [
  { name: "azCount", label: "Availability Zones for the web tier", options: [opt("1", "1 AZ"), opt("2", "2 AZs"), opt("3", "3 AZs")] },
  { name: "instancesPerAz", label: "Instances per AZ at the start", options: [1, 2, 3, 4].map((n) => opt(String(n), String(n))) },
  {
    name: "scaling",
    label: "Auto Scaling",
    options: [opt("fixed", "Fixed size (failed instances are still replaced)"), opt("target-tracking", "Target tracking, 50 % CPU, up to 3× the start")],
  },
  {
    name: "checkIntervalMs",
    label: "Load balancer health check interval",
    options: CAPSTONE_CHECK_INTERVALS_MS.map((ms) => opt(String(ms), `${ms / 1000} s${ms === 30_000 ? " (default)" : ""}`)),
  },
  { name: "algorithm", label: "Load-balancing algorithm", options: [opt("round-robin", "Round robin"), opt("least-outstanding", "Least outstanding requests")] },
  {
    name: "database",
    label: "Database",
    options: (Object.keys(CAPSTONE_DATABASES) as CapstoneDatabase[]).map((d) => opt(d, CAPSTONE_DATABASES[d].label)),
  },
  {
    name: "dr",
    label: "Disaster recovery (us-west-2)",
    options: [
      opt("none", "None: nothing outside us-east-1"),
      opt("backup-restore", "Backup and restore"),
      opt("pilot-light", "Pilot light"),
      opt("warm-standby", "Warm standby"),
      opt("active-active", "Multi-site active/active"),
    ],
  },
];

/** The learner's answer as a design, or null when a field is missing or not one of the options. */
export function parseDesign(values: Record<string, string>): CapstoneDesign | null {
  for (const f of FIELDS) if (!f.options.some((o) => o.value === values[f.name])) return null;
  return {
    azCount: Number(values.azCount) as 1 | 2 | 3,
    instancesPerAz: Number(values.instancesPerAz),
    scaling: values.scaling as CapstoneDesign["scaling"],
    checkIntervalMs: Number(values.checkIntervalMs),
    algorithm: values.algorithm as CapstoneDesign["algorithm"],
    database: values.database as CapstoneDatabase,
    dr: values.dr as CapstoneDr,
  };
}

export function designValues(d: CapstoneDesign): Record<string, string> {
  return {
    azCount: String(d.azCount),
    instancesPerAz: String(d.instancesPerAz),
    scaling: d.scaling,
    checkIntervalMs: String(d.checkIntervalMs),
    algorithm: d.algorithm,
    database: d.database,
    dr: d.dr,
  };
}

export const CAPSTONE_SCENARIOS: Readonly<Record<string, SimConfigScenario>> = {
  "capstone-design": {
    description:
      "Design a web application (AZs, instances, scaling, health checks, load balancing, database, DR) and run it through a crash, a spike, an AZ outage and a Region outage; credit per target met.",
    params(seed) {
      const { load, targets, brief } = capstoneBrief(seed);
      return {
        app: brief.name,
        baseRps: load.baseRps,
        peakRps: load.peakRps,
        availability: `${(targets.minAvailability * 100).toFixed(1)} %`,
        p95Ms: targets.maxP95Ms,
        rto: formatCapstoneDuration(targets.maxRtoMs),
        rpo: formatCapstoneDuration(targets.maxRpoMs),
        budget: `$${targets.maxCostPerHour.toFixed(2)}`,
      };
    },
    fields: () => FIELDS,
    grade(seed, values) {
      const design = parseDesign(values);
      if (!design) return { fraction: 0, summary: "No complete design was given." };
      const { load, targets } = capstoneBrief(seed);
      const checks = checkCapstoneTargets(runCapstone(design, load, seed), targets);
      const met = checks.filter((c) => c.met);
      const line = (c: (typeof checks)[number]) => `${c.label} ${c.measured} (target ${c.target})`;
      const missed = checks.filter((c) => !c.met);
      return {
        fraction: met.length / checks.length,
        summary:
          `The drill met ${met.length} of ${checks.length} targets. ` +
          (met.length > 0 ? `Met: ${met.map(line).join("; ")}. ` : "") +
          (missed.length > 0 ? `Missed: ${missed.map(line).join("; ")}.` : "Every target met."),
      };
    },
    bestAnswer(seed) {
      const { brief, load } = capstoneBrief(seed);
      const design = capstoneReference(brief.dr);
      const cost = capstoneSteadyCost(design, load).total;
      const rto = capstonePlannedRtoMs(brief.dr, load.dataGiB) ?? 0;
      return {
        values: designValues(design),
        summary: `Two instances in each of 3 AZs (the four left after losing an AZ carry the ${load.peakRps} req/s peak), 10-second health checks, least outstanding requests, a Multi-AZ cluster (35-second failover) and ${brief.dr.replace("-", " ")} DR (planned RTO ${formatCapstoneDuration(rto)}): about $${cost.toFixed(2)} an hour.`,
      };
    },
  },
};
