import { z } from "zod";
import type { Scenario } from "@/lib/sim";

/**
 * The scenario JSON format run by `npm run sim -- file.json` (see docs/engine.md). lib/sim takes the parsed,
 * typed object; validation lives here because the engine imports nothing outside itself.
 */

const id = z.string().min(1).max(100);
const ms = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

const hostSchema = z.object({ id, cpuCores: positive, memoryGiB: positive });
const azSchema = z.object({ id, hosts: z.array(hostSchema).max(100) });
const regionSchema = z.object({ id, azs: z.array(azSchema).min(1).max(10) });

const workloadSchema = z.object({
  id,
  replicas: z.number().int().min(0).max(1000),
  minRunning: z.number().int().min(0),
  vcpu: positive,
  memoryGiB: positive,
  placement: z.enum(["spread", "pack", "single-az"]),
  regionId: id.optional(),
  azId: id.optional(),
});

const infraActionSchema = z.discriminatedUnion("action", [
  z.object({ atMs: ms, action: z.literal("place") }),
  z.object({
    atMs: ms,
    action: z.enum(["fail", "recover"]),
    target: z.enum(["host", "az", "region"]),
    id,
  }),
]);

const infrastructureSchema = z.object({
  regions: z.array(regionSchema).min(1).max(10),
  hypervisor: z.enum(["type-1", "type-2"]),
  overheadFraction: z.number().min(0).lt(1).optional(),
  cpuOvercommit: z.number().min(1).max(16).optional(),
  workloads: z.array(workloadSchema).max(50),
  restartDelayMs: ms.nullable().optional(),
  randomHostFailures: z.object({ mtbfMs: positive, mttrMs: positive }).nullable().optional(),
  actions: z.array(infraActionSchema).max(10_000).optional(),
});

const arrivalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("constant"), ratePerSec: positive }),
  z.object({ kind: z.literal("poisson"), ratePerSec: positive }),
  z.object({ kind: z.literal("scripted"), atMs: z.array(ms).max(1_000_000) }),
]);

const gatewaySchema = z.object({
  ratePerSec: z.number().finite().nonnegative(),
  burst: z.number().finite().nonnegative(),
  clients: z
    .array(
      z.object({
        id,
        arrivals: arrivalSchema,
        startMs: ms.optional(),
        stopMs: ms.optional(),
        retry: z
          .object({ maxRetries: z.number().int().min(0).max(100), baseDelayMs: ms, maxDelayMs: ms })
          .nullable()
          .optional(),
      }),
    )
    .max(100),
  seriesIntervalMs: ms.optional(),
  logRequests: z.boolean().optional(),
});

const provisioningSchema = z.object({
  demand: z.object({
    baseServers: z.number().finite().nonnegative(),
    growthPerDay: z.number().finite().gt(-1),
    dailySwingFraction: z.number().min(0).max(1),
    spikes: z.array(
      z.object({ startDay: z.number().finite(), durationDays: z.number().finite().nonnegative(), extraServers: z.number().finite() }),
    ),
    noiseFraction: z.number().min(0).max(1),
  }),
  onPrem: z.object({
    initialServers: z.number().int().nonnegative(),
    lotSize: z.number().int().min(1),
    leadTimeDays: z.number().finite().nonnegative(),
    reviewEveryDays: z.number().finite().nonnegative(),
    headroomFraction: z.number().finite().nonnegative(),
    costPerServerHour: z.number().finite().nonnegative(),
  }),
  cloud: z.object({
    launchDelayMinutes: z.number().finite().nonnegative(),
    headroomFraction: z.number().finite().nonnegative(),
    minInstances: z.number().int().nonnegative(),
    costPerInstanceHour: z.number().finite().nonnegative(),
  }),
  tickMinutes: positive.optional(),
});

export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    seed: z.number().int().min(0).max(0xffffffff),
    durationMs: positive,
    infrastructure: infrastructureSchema.optional(),
    gateway: gatewaySchema.optional(),
    provisioning: provisioningSchema.optional(),
    logTail: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((s) => s.infrastructure || s.gateway || s.provisioning, {
    message: "A scenario needs at least one of infrastructure, gateway or provisioning.",
  });

/** Validates untrusted JSON into the plain object `runScenario` takes. Throws a ZodError when it does not fit. */
export function parseScenario(json: unknown): Scenario {
  return scenarioSchema.parse(json);
}
