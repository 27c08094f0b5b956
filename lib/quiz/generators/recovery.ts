import {
  DR_DEFAULT_TIMINGS,
  HOUR_MS,
  createDrRun,
  createStream,
  drCostPerHour,
  type DrCosts,
  type DrStrategy,
} from "../../sim";
import { pick, type ConfigField, type SimConfigScenario } from "./types";

/**
 * Day 18's design question: choose a DR plan (strategy, backup interval, automated or human failover decision) that
 * meets a recovery time and recovery point objective at the lowest running cost. The server runs the plan against
 * a Region failure twice — at a time drawn for the attempt, and at the worst moment for the plan's backup schedule
 * (just before the next backup copy lands) — and measures RTO and RPO from the runs.
 */

const MIN_MS = 60_000;
const PRIMARY = "us-east-1";
const RECOVERY = "us-west-2";
const COPY_DELAY_MS = 10 * MIN_MS;
const AUTOMATED_DECISION_MS = MIN_MS;
/** Illustrative prices, the same as the Day 18 drill's: 8 application instances and one database instance. */
const COSTS: DrCosts = { appInstances: 8, appInstancePerHour: 0.0832, dbInstancePerHour: 0.68, backupStoragePerGiBMonth: 0.095 };

const STRATEGIES: { value: DrStrategy; label: string }[] = [
  { value: "backup-restore", label: "Backup & restore" },
  { value: "pilot-light", label: "Pilot light" },
  { value: "warm-standby", label: "Warm standby" },
  { value: "active-active", label: "Multi-site active/active" },
];
const INTERVALS_H = [24, 12, 4, 1] as const;
const DECISIONS = [
  { value: "human", label: "A person decides (the strategy's usual decision time)" },
  { value: "automated", label: "Automated: the runbook starts on the alarm (1 min)" },
] as const;

/** Objectives that each make a different plan the cheapest that works. */
const BRIEFS = [
  { rtoMin: 240, rpoMin: 26 * 60, story: "an internal reporting tool" },
  { rtoMin: 120, rpoMin: 90, story: "a booking back office" },
  { rtoMin: 60, rpoMin: 5, story: "an online shop's order service" },
  { rtoMin: 40, rpoMin: 5, story: "a payments dashboard" },
  { rtoMin: 20, rpoMin: 1, story: "a trading platform's order book" },
  { rtoMin: 5, rpoMin: 1, story: "a global login service" },
] as const;
const DATA_GIB = [10, 30] as const;

interface Plan {
  strategy: DrStrategy;
  intervalH: number;
  automated: boolean;
}

function drawParams(seed: number) {
  const rng = createStream(seed, "question:dr-plan");
  const brief = pick(rng, BRIEFS);
  const dataGiB = pick(rng, DATA_GIB);
  // Backups start at 00:00; the failure comes between 01:00 and 21:00.
  const failAtMs = HOUR_MS + rng.int(20 * 60) * MIN_MS;
  return { ...brief, dataGiB, failAtMs };
}

/** RTO and RPO (ms) measured by running the plan with the primary Region failing at `failAtMs`. */
function drill(plan: Plan, dataGiB: number, failAtMs: number, seed: number): { rtoMs: number; rpoMs: number } {
  const timings = plan.automated
    ? { [plan.strategy]: { decisionMs: Math.min(AUTOMATED_DECISION_MS, DR_DEFAULT_TIMINGS[plan.strategy].decisionMs) } }
    : undefined;
  const { sim, dr } = createDrRun(
    {
      seed,
      dr: {
        strategies: [plan.strategy],
        primaryRegionId: PRIMARY,
        recoveryRegionId: RECOVERY,
        timings,
        costs: COSTS,
        database: {
          id: "orders",
          primary: { regionId: PRIMARY, azId: `${PRIMARY}a` },
          asyncReplica: {
            location: { regionId: RECOVERY, azId: `${RECOVERY}a` },
            lag: { kind: "exponential", minMs: 500, meanMs: 1_000 },
            shipIntervalMs: 5_000,
          },
          backups: { intervalMs: plan.intervalH * HOUR_MS, firstAtMs: 0, copyDelayMs: COPY_DELAY_MS },
          writesPerSec: 20,
          dataGiB,
        },
        chaos: [{ atMs: failAtMs, action: "fail", fault: { kind: "region", id: PRIMARY } }],
        topology: [
          { regionId: PRIMARY, azIds: [`${PRIMARY}a`, `${PRIMARY}b`] },
          { regionId: RECOVERY, azIds: [`${RECOVERY}a`, `${RECOVERY}b`] },
        ],
      },
    },
    plan.strategy,
  );
  sim.runUntil(failAtMs + 3 * HOUR_MS);
  const incident = dr.view().incident;
  return { rtoMs: incident?.rtoMs ?? Infinity, rpoMs: incident?.rpoMs ?? Infinity };
}

/**
 * The plan's worst measured RTO and RPO. Backup & restore is also run at the worst moment for its schedule: just
 * before the copy of the next backup lands, when a whole interval plus the copy delay is lost. The other strategies
 * recover from the replica, so their backup schedule does not matter.
 */
function worstOf(plan: Plan, seed: number) {
  const p = drawParams(seed);
  const a = drill(plan, p.dataGiB, p.failAtMs, seed);
  if (plan.strategy !== "backup-restore") return a;
  const intervalMs = plan.intervalH * HOUR_MS;
  const worstAtMs = Math.floor(p.failAtMs / intervalMs) * intervalMs + intervalMs + COPY_DELAY_MS - MIN_MS;
  const b = drill(plan, p.dataGiB, worstAtMs, seed);
  return { rtoMs: Math.max(a.rtoMs, b.rtoMs), rpoMs: Math.max(a.rpoMs, b.rpoMs) };
}

const costOf = (strategy: DrStrategy, dataGiB: number) => drCostPerHour(strategy, COSTS, dataGiB, false).totalPerHour;
const money = (usd: number) => `$${usd.toFixed(2)}`;
const minutes = (ms: number) => (ms === Infinity ? "never" : ms < MIN_MS ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / MIN_MS)} min`);

/** A plan with its worst measured RTO and RPO (ms). */
interface MeasuredPlan {
  plan: Plan;
  rtoMs: number;
  rpoMs: number;
}

/**
 * The cheapest plan that meets both objectives (strategies in price order; within one, the least demanding
 * settings), with its measurements. It depends only on the seed, and grading, the review and the best answer all
 * need it, so the last few are kept.
 */
const cheapestBySeed = new Map<number, MeasuredPlan>();
function cheapestPlan(seed: number): MeasuredPlan {
  const known = cheapestBySeed.get(seed);
  if (known) return known;
  const p = drawParams(seed);
  const byPrice = [...STRATEGIES].sort((x, y) => costOf(x.value, p.dataGiB) - costOf(y.value, p.dataGiB));
  let found: MeasuredPlan | null = null;
  search: for (const { value: strategy } of byPrice) {
    for (const automated of [false, true]) {
      for (const intervalH of strategy === "backup-restore" ? INTERVALS_H : [24]) {
        const plan = { strategy, intervalH, automated };
        const m = worstOf(plan, seed);
        if (m.rtoMs <= p.rtoMin * MIN_MS && m.rpoMs <= p.rpoMin * MIN_MS) {
          found = { plan, ...m };
          break search;
        }
      }
    }
  }
  const result = found ?? { plan: { strategy: "active-active", intervalH: 1, automated: true }, ...worstOf({ strategy: "active-active", intervalH: 1, automated: true }, seed) };
  if (cheapestBySeed.size >= 64) cheapestBySeed.delete(cheapestBySeed.keys().next().value as number);
  cheapestBySeed.set(seed, result);
  return result;
}

function parse(values: Record<string, string>): Plan | null {
  const strategy = STRATEGIES.find((s) => s.value === values.strategy)?.value;
  const intervalH = INTERVALS_H.find((h) => String(h) === values.backupIntervalH);
  const decision = DECISIONS.find((d) => d.value === values.decision)?.value;
  if (!strategy || intervalH === undefined || !decision) return null;
  return { strategy, intervalH, automated: decision === "automated" };
}

const FIELDS: ConfigField[] = [
  { name: "strategy", label: "DR strategy", options: STRATEGIES },
  { name: "backupIntervalH", label: "Backup every", options: INTERVALS_H.map((h) => ({ value: String(h), label: h === 1 ? "1 hour" : `${h} hours` })) },
  { name: "decision", label: "Failover decision", options: [...DECISIONS] },
];

const describe = (plan: Plan) =>
  `${STRATEGIES.find((s) => s.value === plan.strategy)?.label.toLowerCase()}, backups every ${plan.intervalH} h, ${plan.automated ? "automated" : "human"} decision`;

export const recoveryScenarios: Readonly<Record<string, SimConfigScenario>> = {
  "dr-plan": {
    description: "Choose a DR strategy, backup interval and failover decision that meet an RTO and RPO at the lowest running cost.",
    params(seed) {
      const p = drawParams(seed);
      return { story: p.story, rtoMin: p.rtoMin, rpoMin: p.rpoMin, rpoText: durationText(p.rpoMin), dataGiB: p.dataGiB };
    },
    fields: () => FIELDS,
    grade(seed, values) {
      const plan = parse(values);
      if (!plan) return { fraction: 0, summary: "No complete plan was given." };
      const p = drawParams(seed);
      const m = worstOf(plan, seed);
      const cost = costOf(plan.strategy, p.dataGiB);
      const measured = `RTO ${minutes(m.rtoMs)} (objective ${p.rtoMin} min), RPO ${minutes(m.rpoMs)} (objective ${p.rpoMin} min)`;
      if (m.rtoMs > p.rtoMin * MIN_MS || m.rpoMs > p.rpoMin * MIN_MS) {
        return { fraction: 0, summary: `Your plan (${describe(plan)}) missed in the drill: worst ${measured}.` };
      }
      const best = cheapestPlan(seed).plan;
      const bestCost = costOf(best.strategy, p.dataGiB);
      if (cost > bestCost + 1e-9) {
        return {
          fraction: 0.5,
          summary: `Your plan (${describe(plan)}) met both objectives — worst ${measured} — but runs at ${money(cost)} an hour; ${STRATEGIES.find((s) => s.value === best.strategy)?.label.toLowerCase()} meets them for ${money(bestCost)}.`,
        };
      }
      return { fraction: 1, summary: `Your plan (${describe(plan)}) met both objectives — worst ${measured} — at the lowest running cost, ${money(cost)} an hour.` };
    },
    bestAnswer(seed) {
      const { plan, ...m } = cheapestPlan(seed);
      const p = drawParams(seed);
      return {
        values: { strategy: plan.strategy, backupIntervalH: String(plan.intervalH), decision: plan.automated ? "automated" : "human" },
        summary: `${describe(plan)}: worst RTO ${minutes(m.rtoMs)}, RPO ${minutes(m.rpoMs)}, at ${money(costOf(plan.strategy, p.dataGiB))} an hour — the cheapest plan that meets both objectives.`,
      };
    },
  },
};

/** "5 minutes", "1 hour", "4 hours": the prompt's units, spelled like its RTO's. */
function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}
