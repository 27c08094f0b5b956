import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AutoScalingGroup,
  Simulation,
  capacityChange,
  cpuUtilizationMetric,
  findStep,
  roundPercentAdjustment,
  targetTrackingCapacity,
  type AutoScalingGroupConfig,
  type AutoscalingLogEntry,
  type MetricSource,
  type ScalingPolicy,
  type StepAdjustment,
} from "@/lib/sim";

const MIN = 60_000;
const HOUR = 3_600_000;

function group(config: Partial<AutoScalingGroupConfig>, metric: MetricSource, seed = 1) {
  const sim = new Simulation<AutoscalingLogEntry>({ seed });
  const asg = new AutoScalingGroup(
    sim,
    { id: "web", minSize: 1, maxSize: 100, desiredCapacity: 10, launchTimeMs: MIN, instanceWarmupMs: MIN, costPerInstanceHour: 0.1, ...config },
    metric,
  );
  return { sim, asg };
}

/** A metric that follows a script of [fromMs, value] (the last entry at or before the datapoint applies). */
const scripted =
  (script: [number, number][]): MetricSource =>
  ({ atMs }) => {
    let v = (script[0] as [number, number])[1];
    for (const [t, x] of script) if (t <= atMs) v = x;
    return v;
  };

const scalingLog = (sim: Simulation<AutoscalingLogEntry>) => sim.log.filter((e) => e.type === "asg-scaling");

describe("PercentChangeInCapacity rounding (AWS: Scaling adjustment types)", () => {
  // "values greater than 1 are rounded down, values between 0 and 1 are rounded to 1, values between 0 and -1 are
  // rounded to -1, values less than -1 are rounded up"
  it.each([
    [3.3, 3],
    [1.4, 1],
    [1, 1],
    [0.5, 1],
    [0.01, 1],
    [0, 0],
    [-0.5, -1],
    [-1, -1],
    [-1.4, -1],
    [-3.9, -3],
  ])("%d rounds to %d", (raw, expected) => {
    expect(roundPercentAdjustment(raw)).toBe(expected);
  });

  it("MinAdjustmentMagnitude: +25 % of 4 instances is 1, raised to 2 (AWS PutScalingPolicy example)", () => {
    expect(capacityChange("PercentChangeInCapacity", 25, 4)).toBe(1);
    expect(capacityChange("PercentChangeInCapacity", 25, 4, 2)).toBe(2);
    expect(capacityChange("PercentChangeInCapacity", -25, 4, 2)).toBe(-2);
    // It does not apply to ChangeInCapacity, and a larger change is left alone.
    expect(capacityChange("ChangeInCapacity", 1, 4, 2)).toBe(1);
    expect(capacityChange("PercentChangeInCapacity", 100, 4, 2)).toBe(4);
  });

  it("MinAdjustmentMagnitude inside a group: 4 instances, +25 %, magnitude 2 ⇒ 6", () => {
    const policy: ScalingPolicy = {
      kind: "step",
      id: "out",
      alarm: { threshold: 70, comparison: ">=" },
      adjustmentType: "PercentChangeInCapacity",
      steps: [{ lowerBound: 0, upperBound: null, scalingAdjustment: 25 }],
      minAdjustmentMagnitude: 2,
    };
    const { sim, asg } = group({ desiredCapacity: 4, policies: [policy] }, () => 80);
    sim.runUntil(MIN);
    expect(asg.view().desired).toBe(6);
  });
});

describe("target tracking (AWS: Target tracking scaling policies)", () => {
  it("10 instances at 90 % CPU with a 50 % target ⇒ ceil(10 × 90 / 50) = 18", () => {
    expect(targetTrackingCapacity(10, 90, 50)).toBe(18);
  });

  // 10 instances of 100 requests/s each; 900 requests/s ⇒ 90 % CPU.
  const load = (rps: [number, number][]) => cpuUtilizationMetric({ demand: { points: rps, interpolation: "step" }, capacityPerInstanceRps: 100 });
  const tt: ScalingPolicy = { kind: "target-tracking", id: "cpu50", targetValue: 50 };

  it("scales out to 18 after 3 breaching one-minute datapoints, once, while the new instances warm up", () => {
    const { sim, asg } = group({ policies: [tt], launchTimeMs: 2 * MIN, instanceWarmupMs: 3 * MIN }, load([[0, 900]]));
    sim.runUntil(2 * MIN);
    expect(asg.view().desired).toBe(10);
    sim.runUntil(3 * MIN);
    expect(asg.view().desired).toBe(18);
    expect(asg.view().pending).toBe(8);
    // Pending instances serve nothing, so CPU stays at 90 %; the proposal from the 10 counted instances is 18
    // again, which the desired capacity already holds: no second activity.
    sim.runUntil(10 * MIN);
    const v = asg.view();
    expect(scalingLog(sim)).toHaveLength(1);
    expect(scalingLog(sim)[0]).toMatchObject({ atMs: 3 * MIN, fromDesired: 10, toDesired: 18, metric: 90 });
    expect(v).toMatchObject({ desired: 18, inService: 18, counted: 18 });
    expect(v.series.metric.at(-1)).toBeCloseTo(50, 9);
  });

  it("excludes warming-up instances from the metric's aggregate", () => {
    const seen: number[] = [];
    const spy: MetricSource = (input) => {
      seen.push(input.countedInstances);
      return 40;
    };
    const { sim, asg } = group({ desiredCapacity: 2, launchTimeMs: MIN, instanceWarmupMs: 2 * MIN }, spy);
    asg.setDesiredCapacity(3);
    sim.runUntil(5 * MIN);
    // In service at 1 min, counted from 3 min.
    expect(seen).toEqual([2, 2, 3, 3, 3]);
  });

  it("scales in only after 15 datapoints below 90 % of the target, proportionally, never below min", () => {
    // 18 instances; demand drops to 300 requests/s ⇒ 16.7 % CPU ⇒ ceil(18 × 16.7 / 50) = 6, but min is 8.
    const { sim, asg } = group({ desiredCapacity: 18, minSize: 8, policies: [tt] }, load([[0, 300]]));
    sim.runUntil(14 * MIN);
    expect(asg.view().desired).toBe(18);
    sim.runUntil(15 * MIN);
    expect(asg.view().desired).toBe(8);
    const { sim: sim2, asg: asg2 } = group({ desiredCapacity: 18, minSize: 2, policies: [tt] }, load([[0, 300]]));
    sim2.runUntil(15 * MIN);
    expect(asg2.view().desired).toBe(6);
  });

  it("does not scale in between 90 % and 100 % of the target, nor while instances warm up", () => {
    const { sim, asg } = group({ policies: [tt] }, load([[0, 470]])); // 47 % CPU
    sim.runUntil(60 * MIN);
    expect(asg.view().desired).toBe(10);
    const { sim: sim2, asg: asg2 } = group({ policies: [tt], instanceWarmupMs: 30 * MIN }, load([[0, 200]]));
    asg2.setDesiredCapacity(11); // one instance warming until 31 min
    sim2.runUntil(30 * MIN);
    expect(asg2.view().desired).toBe(11);
    sim2.runUntil(31 * MIN);
    expect(asg2.view().desired).toBeLessThan(11);
  });

  it("disableScaleIn keeps the capacity", () => {
    const { sim, asg } = group({ policies: [{ ...tt, disableScaleIn: true }] }, load([[0, 100]]));
    sim.runUntil(60 * MIN);
    expect(asg.view().desired).toBe(10);
  });
});

describe("step scaling (AWS: Step and simple scaling policies)", () => {
  // The user guide's example: alarm threshold 50 for both policies, PercentChangeInCapacity, capacity 10.
  // Scale out: [0, 10) → 0, [10, 20) → +10 %, [20, ∞) → +30 %. Scale in: (−10, 0] → 0, (−20, −10] → −10 %,
  // (−∞, −20] → −30 %. "If the metric value gets to 60 … by 1, to 11 … rises to 70 … by 3, to 14 (30 % of 11, 3.3,
  // rounded down to 3) … gets to 40 … by 1, to 13 (10 % of 14, 1.4, rounded down to 1) … falls to 30 … by 3, to 10
  // (30 % of 13, 3.9, rounded down to 3)."
  const scaleOut: ScalingPolicy = {
    kind: "step",
    id: "out",
    alarm: { threshold: 50, comparison: ">=" },
    adjustmentType: "PercentChangeInCapacity",
    steps: [
      { lowerBound: 0, upperBound: 10, scalingAdjustment: 0 },
      { lowerBound: 10, upperBound: 20, scalingAdjustment: 10 },
      { lowerBound: 20, upperBound: null, scalingAdjustment: 30 },
    ],
  };
  const scaleIn: ScalingPolicy = {
    kind: "step",
    id: "in",
    alarm: { threshold: 50, comparison: "<=" },
    adjustmentType: "PercentChangeInCapacity",
    steps: [
      { lowerBound: -10, upperBound: 0, scalingAdjustment: 0 },
      { lowerBound: -20, upperBound: -10, scalingAdjustment: -10 },
      { lowerBound: null, upperBound: -20, scalingAdjustment: -30 },
    ],
  };

  it("reproduces the user guide's 10 → 11 → 14 → 13 → 10", () => {
    const metric = scripted([
      [0, 55],
      [MIN, 60],
      [2 * MIN, 55],
      [4 * MIN, 70],
      [5 * MIN, 55],
      [7 * MIN, 40],
      [8 * MIN, 45],
      [9 * MIN, 30],
      [10 * MIN, 45],
    ]);
    const { sim, asg } = group({ policies: [scaleOut, scaleIn] }, metric);
    const desiredAt = (t: number) => (sim.runUntil(t), asg.view().desired);
    expect(desiredAt(MIN)).toBe(11);
    expect(desiredAt(3 * MIN)).toBe(11);
    expect(desiredAt(4 * MIN)).toBe(14);
    expect(desiredAt(7 * MIN)).toBe(13);
    expect(desiredAt(9 * MIN)).toBe(10);
    expect(desiredAt(30 * MIN)).toBe(10);
    expect(scalingLog(sim).map((e) => [e.fromDesired, e.toDesired])).toEqual([
      [10, 11],
      [11, 14],
      [14, 13],
      [13, 10],
    ]);
  });

  it("the brief's variant: 50–60 → +10 %, 60–70 → +20 %, ≥ 70 → +30 % of 10 ⇒ 11, 12, 13", () => {
    const alarm = { threshold: 50, comparison: ">=" as const };
    const steps: StepAdjustment[] = [
      { lowerBound: 0, upperBound: 10, scalingAdjustment: 10 },
      { lowerBound: 10, upperBound: 20, scalingAdjustment: 20 },
      { lowerBound: 20, upperBound: null, scalingAdjustment: 30 },
    ];
    const next = (metric: number) => 10 + capacityChange("PercentChangeInCapacity", findStep(steps, alarm, metric)?.scalingAdjustment ?? 0, 10);
    expect([next(55), next(65), next(75)]).toEqual([11, 12, 13]);
    // Bounds: above the threshold the lower bound is inclusive and the upper exclusive.
    expect([next(50), next(60), next(70)]).toEqual([11, 12, 13]);
    // Below the threshold it is the other way round: (−20, −10] holds −10 (metric 40).
    const inAlarm = { threshold: 50, comparison: "<=" as const };
    expect(findStep((scaleIn as { steps: StepAdjustment[] }).steps, inAlarm, 40)?.scalingAdjustment).toBe(-10);
    expect(findStep((scaleIn as { steps: StepAdjustment[] }).steps, inAlarm, 50)?.scalingAdjustment).toBe(0);
    expect(findStep((scaleIn as { steps: StepAdjustment[] }).steps, inAlarm, 30)?.scalingAdjustment).toBe(-30);
  });

  it("adds only the difference when a higher step fires while instances warm up", () => {
    const changeSteps: ScalingPolicy = {
      kind: "step",
      id: "out",
      alarm: { threshold: 60, comparison: ">=" },
      adjustmentType: "ChangeInCapacity",
      steps: [
        { lowerBound: 0, upperBound: 20, scalingAdjustment: 2 },
        { lowerBound: 20, upperBound: null, scalingAdjustment: 3 },
      ],
    };
    const metric = scripted([
      [0, 50],
      [MIN, 65],
      [3 * MIN, 85],
    ]);
    const { sim, asg } = group({ policies: [changeSteps], launchTimeMs: 5 * MIN, instanceWarmupMs: 5 * MIN }, metric);
    sim.runUntil(2 * MIN);
    expect(asg.view().desired).toBe(12); // the same step again at 2 min adds nothing
    sim.runUntil(3 * MIN);
    expect(asg.view().desired).toBe(13); // 10 warmed + 3, of which 2 are already on their way
  });

  it("ExactCapacity sets the capacity", () => {
    const exact: ScalingPolicy = {
      kind: "step",
      id: "exact",
      alarm: { threshold: 80, comparison: ">" },
      adjustmentType: "ExactCapacity",
      steps: [{ lowerBound: 0, upperBound: null, scalingAdjustment: 25 }],
    };
    const { sim, asg } = group({ policies: [exact] }, () => 95);
    sim.runUntil(MIN);
    expect(asg.view().desired).toBe(25);
  });

  it("needs evaluationPeriods consecutive breaching datapoints", () => {
    const p: ScalingPolicy = { ...(scaleOut as Extract<ScalingPolicy, { kind: "step" }>), alarm: { threshold: 50, comparison: ">=", evaluationPeriods: 3 } };
    const { sim, asg } = group({ policies: [p] }, scripted([[0, 75], [2 * MIN, 40], [3 * MIN, 75]]));
    // Datapoints 75 (1 min), 40 (2 min), 75, 75, 75: the third consecutive breach is at 5 min.
    sim.runUntil(4 * MIN);
    expect(asg.view().desired).toBe(10);
    sim.runUntil(5 * MIN);
    expect(asg.view().desired).toBe(13);
  });

  it("rejects steps that overlap or leave a gap", () => {
    const bad: ScalingPolicy = {
      kind: "step",
      id: "bad",
      alarm: { threshold: 50, comparison: ">=" },
      adjustmentType: "ChangeInCapacity",
      steps: [
        { lowerBound: 0, upperBound: 10, scalingAdjustment: 1 },
        { lowerBound: 15, upperBound: null, scalingAdjustment: 2 },
      ],
    };
    expect(() => group({ policies: [bad] }, () => 0)).toThrow(/gap/);
  });
});

describe("simple scaling and cooldown", () => {
  it("waits for the activity and the 300 s default cooldown before responding again", () => {
    const simple: ScalingPolicy = {
      kind: "simple",
      id: "add2",
      alarm: { threshold: 70, comparison: ">" },
      adjustmentType: "ChangeInCapacity",
      scalingAdjustment: 2,
    };
    const { sim, asg } = group({ policies: [simple], maxSize: 16 }, () => 80);
    sim.runUntil(30 * MIN);
    // 1 min: +2 (in service at 2 min, cooldown until 7 min); 7 min: +2 (until 13); 13 min: +2 ⇒ 16 = max.
    expect(scalingLog(sim).map((e) => [e.atMs / MIN, e.toDesired])).toEqual([
      [1, 12],
      [7, 14],
      [13, 16],
    ]);
    expect(asg.view().desired).toBe(16);
  });
});

describe("scheduled actions, capacity bounds, failures and cost", () => {
  it("scheduled actions set min, max and desired, pulling desired inside the range", () => {
    const { sim, asg } = group(
      {
        desiredCapacity: 2,
        minSize: 1,
        maxSize: 4,
        scheduledActions: [
          { atMs: HOUR, minSize: 5, maxSize: 20 },
          { atMs: 2 * HOUR, desiredCapacity: 15 },
          { atMs: 3 * HOUR, maxSize: 8 },
        ],
      },
      () => 50,
    );
    sim.runUntil(HOUR);
    expect(asg.view()).toMatchObject({ minSize: 5, maxSize: 20, desired: 5 });
    sim.runUntil(2 * HOUR);
    expect(asg.view().desired).toBe(15);
    sim.runUntil(3 * HOUR);
    expect(asg.view()).toMatchObject({ maxSize: 8, desired: 8 });
    expect(asg.view().instances).toHaveLength(8);
  });

  it("bills every instance-millisecond exactly", () => {
    const { sim, asg } = group({ desiredCapacity: 2, launchTimeMs: 5 * MIN }, () => 50);
    sim.runUntil(30 * MIN);
    asg.setDesiredCapacity(4); // billed from launch, pending included
    sim.runUntil(90 * MIN);
    // 2 × 90 min + 2 × 60 min = 300 instance-minutes = 5 instance-hours at $0.10.
    expect(asg.view().instanceHours).toBe(5);
    expect(asg.view().costUsd).toBeCloseTo(0.5, 12);
    asg.setDesiredCapacity(1);
    sim.runUntil(150 * MIN);
    expect(asg.view().instanceHours).toBe(6);
  });

  it("replaces a crashed instance at the next health check, and relaunches an AZ's instances elsewhere", () => {
    const { sim, asg } = group({ desiredCapacity: 6, azIds: ["a", "b", "c"] }, () => 50);
    expect(asg.view().instances.map((i) => i.azId).sort()).toEqual(["a", "a", "b", "b", "c", "c"]);
    sim.runUntil(30_000);
    expect(asg.crashInstance("web-1")).toBe(true);
    expect(asg.view()).toMatchObject({ failed: 1, inService: 5 });
    sim.runUntil(MIN);
    expect(asg.view()).toMatchObject({ failed: 0, pending: 1, inService: 5 });
    sim.runUntil(2 * MIN);
    expect(asg.view().inService).toBe(6);
    asg.applyFault({ kind: "az", id: "b" }, true);
    sim.runUntil(4 * MIN);
    const azs = asg.view().instances.map((i) => i.azId);
    expect(azs).toHaveLength(6);
    expect(azs.filter((z) => z === "b")).toHaveLength(0);
    expect(asg.view().inService).toBe(6);
  });

  it("keeps desired within [min, max] and never runs more than max instances (property)", () => {
    const policyArb = fc.oneof(
      fc.record({ kind: fc.constant("target-tracking" as const), id: fc.constant("tt"), targetValue: fc.integer({ min: 10, max: 90 }) }),
      fc.record({
        kind: fc.constant("step" as const),
        id: fc.constant("step"),
        alarm: fc.record({ threshold: fc.integer({ min: 10, max: 90 }), comparison: fc.constantFrom(">=" as const, ">" as const) }),
        adjustmentType: fc.constantFrom("ChangeInCapacity" as const, "ExactCapacity" as const, "PercentChangeInCapacity" as const),
        steps: fc.integer({ min: 0, max: 300 }).map((a) => [{ lowerBound: 0, upperBound: null, scalingAdjustment: a }]),
        minAdjustmentMagnitude: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({
        kind: fc.constant("simple" as const),
        id: fc.constant("simple"),
        alarm: fc.record({ threshold: fc.integer({ min: 0, max: 60 }), comparison: fc.constantFrom("<" as const, "<=" as const) }),
        adjustmentType: fc.constantFrom("ChangeInCapacity" as const, "PercentChangeInCapacity" as const),
        scalingAdjustment: fc.integer({ min: -100, max: -1 }),
        cooldownMs: fc.integer({ min: 0, max: 10 * MIN }),
      }),
    );
    const sizes = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 20 }))
      .map(([min, extra]) => ({ min, max: min + extra }));
    fc.assert(
      fc.property(
        sizes,
        fc.array(policyArb, { maxLength: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 180 }), sizes), { maxLength: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 40 })), { maxLength: 5 }),
        (size, policies, demand, schedule, crashes) => {
          const points = demand.map(([m, rps]) => [m * MIN, rps] as [number, number]).sort((x, y) => x[0] - y[0]);
          const metric = cpuUtilizationMetric({ demand: { points, interpolation: "linear" }, capacityPerInstanceRps: 100 });
          const { sim, asg } = group(
            {
              minSize: size.min,
              maxSize: size.max,
              desiredCapacity: size.min,
              launchTimeMs: 2 * MIN,
              instanceWarmupMs: 3 * MIN,
              azIds: ["a", "b"],
              policies: policies.map((p, i) => ({ ...p, id: `${p.id}-${i}` })),
              scheduledActions: schedule.map(([m, s]) => ({ atMs: m * MIN, minSize: s.min, maxSize: s.max })),
            },
            metric,
          );
          for (let m = 1; m <= 200; m++) {
            for (const [at, n] of crashes) if (at === m) asg.crashInstance(`web-${n}`);
            sim.runUntil(m * MIN);
            const v = asg.view();
            expect(v.desired).toBeGreaterThanOrEqual(v.minSize);
            expect(v.desired).toBeLessThanOrEqual(v.maxSize);
            expect(v.instances.length).toBeLessThanOrEqual(v.maxSize);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
