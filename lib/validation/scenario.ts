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

const geoPoint = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

const serviceArrivalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("poisson"), ratePerSec: positive }),
  z.object({ kind: z.literal("constant"), ratePerSec: positive }),
  z.object({
    kind: z.literal("bursty"),
    onRatePerSec: z.number().finite().nonnegative(),
    offRatePerSec: z.number().finite().nonnegative().optional(),
    meanOnMs: positive,
    meanOffMs: positive,
  }),
  z.object({
    kind: z.literal("diurnal"),
    meanRatePerSec: positive,
    amplitude: z.number().min(0).max(1),
    periodMs: positive.optional(),
    peakAtMs: ms.optional(),
  }),
  z.object({ kind: z.literal("trace"), atMs: z.array(ms).max(1_000_000).refine(ascending, "atMs must ascend") }),
  z.object({ kind: z.literal("trace-counts"), countsPerSec: z.array(z.number().int().nonnegative()).max(1_000_000) }),
]);

function ascending(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));
}

const serviceTimeSchema = z.union([
  z.object({ kind: z.literal("exponential"), meanMs: positive }),
  z.object({ kind: z.literal("deterministic"), ms }),
  z.object({ kind: z.literal("lognormal"), meanMs: positive, sigma: z.number().finite().nonnegative().max(10) }),
  z
    .object({ kind: z.literal("lognormal"), p50Ms: positive, p99Ms: positive })
    .refine((d) => d.p99Ms >= d.p50Ms, "p99Ms must be at least p50Ms"),
]);

const lbAlgorithm = z.enum(["round-robin", "random", "least-outstanding", "power-of-two", "weighted-round-robin", "weighted-random"]);

const serviceSchema = z.object({
  regionId: id,
  azIds: z.array(id).min(1).max(10).optional(),
  sources: z
    .array(
      z.object({
        id,
        arrivals: serviceArrivalSchema,
        location: z.union([id, geoPoint]).optional(),
        startMs: ms.optional(),
        stopMs: ms.optional(),
      }),
    )
    .max(50),
  classes: z
    .array(
      z.object({
        id,
        weight: positive.optional(),
        serviceTime: serviceTimeSchema,
        timeoutMs: positive.nullable().optional(),
      }),
    )
    .min(1)
    .max(20),
  targets: z
    .array(
      z
        .object({
          id,
          azId: id.optional(),
          vmId: id.optional(),
          workers: z.number().int().min(1).max(10_000).optional(),
          maxQueue: z.number().int().nonnegative().nullable().optional(),
          speed: positive.optional(),
          weight: positive.optional(),
          costPerHour: z.number().finite().nonnegative().optional(),
          registered: z.boolean().optional(),
        })
        .refine((t) => t.azId !== undefined || t.vmId !== undefined, "a target needs an azId or a vmId"),
    )
    .max(1000),
  loadBalancer: z.object({
    algorithm: lbAlgorithm,
    crossZone: z.boolean().optional(),
    healthCheck: z
      .object({
        intervalMs: positive.optional(),
        timeoutMs: ms.optional(),
        healthyThreshold: z.number().int().min(1).max(100).optional(),
        unhealthyThreshold: z.number().int().min(1).max(100).optional(),
      })
      .nullable()
      .optional(),
    deregistrationDelayMs: ms.optional(),
  }),
  bucketMs: positive.optional(),
  logRequests: z.boolean().optional(),
  costPerMillionRequests: z.number().finite().nonnegative().optional(),
  actions: z
    .array(
      z.object({
        atMs: ms,
        action: z.enum(["fail-instance", "recover-instance", "register", "deregister"]),
        targetId: id,
      }),
    )
    .max(10_000)
    .optional(),
  race: z.array(lbAlgorithm).max(10).optional(),
  includeSeries: z.boolean().optional(),
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
    service: serviceSchema.optional(),
    logTail: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((s) => s.infrastructure || s.gateway || s.provisioning || s.service, {
    message: "A scenario needs at least one of infrastructure, gateway, provisioning or service.",
  });

/** Validates untrusted JSON into the plain object `runScenario` takes. Throws a ZodError when it does not fit. */
export function parseScenario(json: unknown): Scenario {
  return scenarioSchema.parse(json);
}
