/**
 * Simulator-answered questions for the cost lessons (Day 23, how cloud pricing works). The generator runs an EC2
 * Auto Scaling group on the engine through a day of scheduled capacity and bills the instance-hours it meters.
 */
import { AutoScalingGroup, HOUR_MS, Simulation, createStream, type AutoscalingLogEntry, type ScheduledAction } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

const ON_DEMAND = 0.1;

/**
 * Runs a group whose size follows `schedule` ([startHour, instances] pairs, first at hour 0) for `hours`, and
 * returns the instance-hours billed in each clock hour (launch to termination, as EC2 bills).
 */
export function hourlyUsage(seed: number, schedule: readonly [number, number][], hours: number): number[] {
  const sim = new Simulation<AutoscalingLogEntry>({ seed, maxLogEntries: 2_000 });
  const first = (schedule[0] as [number, number])[1];
  const scheduledActions: ScheduledAction[] = schedule
    .slice(1)
    .map(([hour, n]) => ({ atMs: hour * HOUR_MS, minSize: n, maxSize: n, desiredCapacity: n }));
  const group = new AutoScalingGroup(sim, {
    id: "web",
    minSize: first,
    maxSize: first,
    desiredCapacity: first,
    launchTimeMs: 3 * 60_000,
    costPerInstanceHour: ON_DEMAND,
    azIds: ["az-a", "az-b", "az-c"],
    scheduledActions,
  }, () => null);
  const usage: number[] = [];
  let before = 0;
  for (let h = 1; h <= hours; h++) {
    sim.runUntil(h * HOUR_MS);
    const total = group.view().instanceHours;
    usage.push(total - before);
    before = total;
  }
  return usage;
}

/** A day's compute bill: the commitment every hour, plus On-Demand for usage above it in each hour. */
export function billWithCommitment(usage: readonly number[], commit: number, committedRate: number): number {
  return usage.reduce((sum, u) => sum + commit * committedRate + Math.max(0, u - commit) * ON_DEMAND, 0);
}

export const costGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "savings-plan-day-bill": {
    description:
      "A group runs N₁ instances at night, N₂ by day, N₃ in the evening; a Savings Plan covers C instances at a discount; what is the day's compute bill?",
    generate(seed) {
      const rng = createStream(seed, "question:savings-plan-day-bill");
      const night = pick(rng, [2, 3, 4]);
      const day = night + pick(rng, [4, 6, 8, 10]);
      const evening = night + pick(rng, [1, 2, 3]);
      const commit = pick(rng, [night, night + 1, night + 2, evening]);
      const discount = pick(rng, [0.25, 0.3, 0.4, 0.5]);
      const committedRate = Math.round(ON_DEMAND * (1 - discount) * 1000) / 1000;
      const usage = hourlyUsage(seed, [[0, night], [8, day], [20, evening]], 24);
      const bill = billWithCommitment(usage, commit, committedRate);
      return {
        params: {
          night,
          day,
          evening,
          commit,
          discountPercent: Math.round(discount * 100),
          committedRate: committedRate.toFixed(3),
          onDemand: ON_DEMAND.toFixed(2),
          commitmentCost: (commit * committedRate * 24).toFixed(2),
          allOnDemand: (usage.reduce((a, b) => a + b, 0) * ON_DEMAND).toFixed(2),
        },
        answer: Math.round(bill * 100) / 100,
      };
    },
  },
};
