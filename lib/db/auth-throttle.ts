import "server-only";
import type { Actor } from "./actor";
import { prisma } from "./client";

/**
 * Failure bookkeeping for rate limiting. Sign-in keys are "email:<address>" and "ip:<address>" (there is no actor:
 * the person is not signed in yet); wrong class codes are "join:<user id>".
 */
export async function recordFailedSignIn(keys: string[], atMs: number) {
  await prisma.authThrottle.createMany({ data: keys.map((key) => ({ key, atMs: BigInt(atMs) })) });
}

/** Failures per key since `sinceMs`, plus the oldest one in the window (to compute Retry-After). */
export async function recentFailures(keys: string[], sinceMs: number) {
  const rows = await prisma.authThrottle.groupBy({
    by: ["key"],
    where: { key: { in: keys }, atMs: { gte: BigInt(sinceMs) } },
    _count: { _all: true },
    _min: { atMs: true },
  });
  return rows.map((r) => ({ key: r.key, count: r._count._all, oldestAtMs: Number(r._min.atMs ?? 0) }));
}

/** A successful sign-in clears the email's failures; old rows are pruned so the table stays small. */
export async function clearFailures(key: string, olderThanMs: number) {
  await prisma.authThrottle.deleteMany({ where: { OR: [{ key }, { atMs: { lt: BigInt(olderThanMs) } }] } });
}

const joinKey = (actor: Actor) => `join:${actor.id}`;

/** A class code that named no class; the actor's older entries are pruned on the way. */
export async function recordFailedJoin(actor: Actor, atMs: number, pruneBeforeMs: number) {
  await prisma.$transaction([
    prisma.authThrottle.deleteMany({ where: { key: joinKey(actor), atMs: { lt: BigInt(pruneBeforeMs) } } }),
    prisma.authThrottle.create({ data: { key: joinKey(actor), atMs: BigInt(atMs) } }),
  ]);
}

/** The actor's wrong class codes since `sinceMs`, with the oldest one's time (to compute Retry-After). */
export async function recentFailedJoins(actor: Actor, sinceMs: number) {
  const [row] = await recentFailures([joinKey(actor)], sinceMs);
  return { count: row?.count ?? 0, oldestAtMs: row?.oldestAtMs ?? 0 };
}
