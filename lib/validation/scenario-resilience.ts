import { z } from "zod";
import type { DrScenario, ScalingScenario } from "@/lib/sim";

/**
 * Scenario JSON for the resilience models (Auto Scaling, failures, DR): a `scaling` or a `dr` section next to the
 * usual name, seed and duration. Kept apart from lib/validation/scenario.ts so each schema has one owner; the
 * engine takes the parsed, typed objects (runScalingScenario, runDrScenario).
 */

const id = z.string().min(1).max(100);
const ms = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const count = z.number().int().min(0).max(10_000);

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["host", "az", "region", "instance", "component"]), id }),
  z.object({ kind: z.literal("partition"), a: id, b: id }),
]);

const chaosSchema = z.object({ atMs: ms, action: z.enum(["fail", "recover"]), fault: faultSchema, durationMs: ms.optional() });

const randomComponentSchema = z.object({ id, mtbfMs: positive, mttrMs: positive, fault: faultSchema.optional() });

const alarmSchema = z.object({
  threshold: z.number().finite(),
  comparison: z.enum([">=", ">", "<", "<="]),
  evaluationPeriods: z.number().int().min(1).max(1000).optional(),
});

const adjustmentType = z.enum(["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"]);
const bound = z.number().finite().nullable();

const policySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("target-tracking"),
    id,
    targetValue: positive,
    scaleOutEvaluationPeriods: z.number().int().min(1).max(1000).optional(),
    scaleInEvaluationPeriods: z.number().int().min(1).max(1000).optional(),
    scaleInThresholdFraction: z.number().gt(0).max(1).optional(),
    disableScaleIn: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("step"),
    id,
    alarm: alarmSchema,
    adjustmentType,
    steps: z
      .array(z.object({ lowerBound: bound, upperBound: bound, scalingAdjustment: z.number().int() }))
      .min(1)
      .max(20),
    minAdjustmentMagnitude: count.optional(),
  }),
  z.object({
    kind: z.literal("simple"),
    id,
    alarm: alarmSchema,
    adjustmentType,
    scalingAdjustment: z.number().int(),
    minAdjustmentMagnitude: count.optional(),
    cooldownMs: ms.optional(),
  }),
]);

const groupSchema = z
  .object({
    id,
    minSize: count,
    maxSize: count,
    desiredCapacity: count,
    launchTimeMs: ms,
    instanceWarmupMs: ms.optional(),
    defaultCooldownMs: ms.optional(),
    metricPeriodMs: positive.optional(),
    costPerInstanceHour: z.number().finite().nonnegative(),
    azIds: z.array(id).min(1).max(10).optional(),
    regionId: id.optional(),
    policies: z.array(policySchema).max(20).optional(),
    scheduledActions: z
      .array(z.object({ atMs: ms, minSize: count.optional(), maxSize: count.optional(), desiredCapacity: count.optional() }))
      .max(1000)
      .optional(),
  })
  .refine((g) => g.minSize <= g.desiredCapacity && g.desiredCapacity <= g.maxSize, {
    message: "desiredCapacity must be within [minSize, maxSize].",
  });

const demandSchema = z.object({
  points: z.array(z.tuple([ms, z.number().finite().nonnegative()])).min(1).max(100_000),
  interpolation: z.enum(["step", "linear"]),
});

export const scalingScenarioSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  durationMs: positive,
  scaling: z.object({
    group: groupSchema,
    load: z.object({
      demand: demandSchema,
      capacityPerInstanceRps: positive,
      metric: z.enum(["cpu", "requests-per-instance"]).optional(),
    }),
    chaos: z.array(chaosSchema).max(10_000).optional(),
    randomFailures: z.array(randomComponentSchema).max(100).optional(),
  }),
  logTail: z.number().int().min(0).max(10_000).optional(),
});

const locationSchema = z.object({ regionId: id, azId: id });

const lagSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), ms }),
  z.object({ kind: z.literal("uniform"), minMs: ms, maxMs: ms }),
  z.object({ kind: z.literal("exponential"), minMs: ms, meanMs: positive }),
]);

const strategy = z.enum(["backup-restore", "pilot-light", "warm-standby", "active-active"]);

const timingsSchema = z
  .object({ detectionMs: ms, decisionMs: ms, promotionMs: ms, provisioningMs: ms, trafficSwitchMs: ms })
  .partial();

export const drScenarioSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  durationMs: positive,
  dr: z.object({
    strategies: z.array(strategy).min(1).max(4),
    primaryRegionId: id,
    recoveryRegionId: id,
    recoveryAzId: id.optional(),
    timings: z.partialRecord(strategy, timingsSchema).optional(),
    restore: z.object({ fixedMs: ms, msPerGiB: ms }).partial().optional(),
    costs: z.object({
      appInstances: count,
      appInstancePerHour: z.number().finite().nonnegative(),
      dbInstancePerHour: z.number().finite().nonnegative(),
      backupStoragePerGiBMonth: z.number().finite().nonnegative(),
      standbyAppInstances: count.optional(),
    }),
    database: z.object({
      id,
      primary: locationSchema,
      syncStandby: locationSchema.nullable().optional(),
      asyncReplica: z
        .object({ location: locationSchema, lag: lagSchema, shipIntervalMs: positive.optional() })
        .nullable()
        .optional(),
      backups: z
        .object({ intervalMs: positive, firstAtMs: ms.optional(), copyDelayMs: ms.optional() })
        .nullable()
        .optional(),
      writesPerSec: z.number().finite().nonnegative().max(1_000_000),
      dataGiB: z.number().finite().nonnegative(),
      bytesPerWrite: z.number().finite().nonnegative().optional(),
      failoverMs: ms.optional(),
    }),
    chaos: z.array(chaosSchema).max(10_000),
    topology: z.array(z.object({ regionId: id, azIds: z.array(id).max(10) })).max(10).optional(),
  }),
  logTail: z.number().int().min(0).max(10_000).optional(),
});

/** Validates untrusted JSON into the plain object `runScalingScenario` takes. Throws a ZodError when it does not fit. */
export function parseScalingScenario(json: unknown): ScalingScenario {
  return scalingScenarioSchema.parse(json);
}

/** Validates untrusted JSON into the plain object `runDrScenario` takes. Throws a ZodError when it does not fit. */
export function parseDrScenario(json: unknown): DrScenario {
  return drScenarioSchema.parse(json);
}

/** Which runner a scenario file is for, by its section: `scaling`, `dr`, or neither (the core `runScenario`). */
export function resilienceKind(json: unknown): "scaling" | "dr" | null {
  if (typeof json !== "object" || json === null) return null;
  if ("scaling" in json) return "scaling";
  if ("dr" in json) return "dr";
  return null;
}
