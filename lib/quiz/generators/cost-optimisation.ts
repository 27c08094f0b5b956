/**
 * Simulator-answered questions for Day 24 (cost optimisation). The generator runs a non-production environment as
 * an EC2 Auto Scaling group on the engine, once always on and once with scheduled actions that start it on weekday
 * mornings and scale it to zero every evening, and prices the instance-hours each run meters (launch to
 * termination, as EC2 bills).
 */
import { AutoScalingGroup, DAY_MS, HOUR_MS, Simulation, createStream, type AutoscalingLogEntry, type ScheduledAction } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

const WEEK_MS = 7 * DAY_MS;

/** Scheduled actions: `n` instances on weekdays (days 0–4 of a week starting on Monday) from `start` to `end` o'clock. */
export function weekdaySchedule(n: number, startHour: number, endHour: number): ScheduledAction[] {
  const actions: ScheduledAction[] = [];
  for (let d = 0; d < 5; d++) {
    actions.push({ atMs: d * DAY_MS + startHour * HOUR_MS, minSize: n, maxSize: n, desiredCapacity: n });
    actions.push({ atMs: d * DAY_MS + endHour * HOUR_MS, minSize: 0, maxSize: 0, desiredCapacity: 0 });
  }
  return actions;
}

/** Instance-hours a group bills over one week, always on (`schedule` null) or following the schedule from zero. */
export function weeklyInstanceHours(seed: number, instances: number, schedule: ScheduledAction[] | null): number {
  const sim = new Simulation<AutoscalingLogEntry>({ seed, maxLogEntries: 500 });
  const start = schedule ? 0 : instances;
  const group = new AutoScalingGroup(
    sim,
    {
      id: "staging",
      minSize: start,
      maxSize: Math.max(start, 1),
      desiredCapacity: start,
      launchTimeMs: 3 * 60_000,
      // No metric-driven policies here: a coarse period keeps the run to a few thousand events.
      metricPeriodMs: 15 * 60_000,
      costPerInstanceHour: 1,
      azIds: ["az-a"],
      scheduledActions: schedule ?? [],
    },
    () => null,
  );
  sim.runUntil(WEEK_MS);
  return group.view().instanceHours;
}

export const costOptimisationGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "nonprod-schedule-weekly-saving": {
    description:
      "A non-production environment of N instances runs 24×7; a schedule runs it only on weekdays from S to E o'clock and scales it to zero otherwise: how much does that save in a week?",
    generate(seed) {
      const rng = createStream(seed, "question:nonprod-schedule-weekly-saving");
      const instances = pick(rng, [3, 4, 5, 6, 8, 10]);
      const price = pick(rng, [0.1, 0.17, 0.2, 0.34, 0.4]);
      const startHour = pick(rng, [7, 8, 9]);
      const endHour = pick(rng, [18, 19, 20]);
      const always = weeklyInstanceHours(seed, instances, null);
      const scheduled = weeklyInstanceHours(seed, instances, weekdaySchedule(instances, startHour, endHour));
      const saving = (always - scheduled) * price;
      return {
        params: {
          instances,
          price: price.toFixed(2),
          startHour: String(startHour).padStart(2, "0"),
          endHour,
          hoursPerDay: endHour - startHour,
          scheduledHours: Math.round(scheduled * 100) / 100,
          alwaysHours: Math.round(always * 100) / 100,
          alwaysCost: (always * price).toFixed(2),
          scheduledCost: (scheduled * price).toFixed(2),
          savingPercent: Math.round((1 - scheduled / always) * 100),
        },
        answer: Math.round(saving * 100) / 100,
      };
    },
  },
};
