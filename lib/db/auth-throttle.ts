import "server-only";
import { prisma } from "./client";

/**
 * Failed sign-in bookkeeping for rate limiting. Keys are "email:<address>" and "ip:<address>"; there is no actor
 * because the person is not signed in yet.
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
