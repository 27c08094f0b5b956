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

/** A successful sign-in clears the email's failures; old sign-in rows are pruned so the table stays small. */
export async function clearFailures(key: string, olderThanMs: number) {
  const signIn = [{ key: { startsWith: "email:" } }, { key: { startsWith: "ip:" } }];
  await prisma.authThrottle.deleteMany({ where: { OR: [{ key }, { atMs: { lt: BigInt(olderThanMs) }, OR: signIn }] } });
}

const joinKey = (actor: Actor) => `join:${actor.id}`;

/**
 * Notes a join attempt before its code is looked up (so requests sent at once all see each other) and prunes the
 * actor's entries from before `pruneBeforeMs`. Returns the entry's id, to forget it if the code turns out right.
 */
export async function recordJoinTry(actor: Actor, atMs: number, pruneBeforeMs: number): Promise<string> {
  const [, row] = await prisma.$transaction([
    prisma.authThrottle.deleteMany({ where: { key: joinKey(actor), atMs: { lt: BigInt(pruneBeforeMs) } } }),
    prisma.authThrottle.create({ data: { key: joinKey(actor), atMs: BigInt(atMs) }, select: { id: true } }),
  ]);
  return row.id;
}

/** Removes one of the actor's join entries: a code that was right, or a try that was refused unheard. */
export async function forgetJoinTry(actor: Actor, id: string) {
  await prisma.authThrottle.deleteMany({ where: { id, key: joinKey(actor) } });
}

/** When each of the actor's join entries since `sinceMs` was made, oldest first. */
export async function joinTriesSince(actor: Actor, sinceMs: number): Promise<number[]> {
  const rows = await prisma.authThrottle.findMany({
    where: { key: joinKey(actor), atMs: { gte: BigInt(sinceMs) } },
    orderBy: [{ atMs: "asc" }, { id: "asc" }],
    select: { atMs: true },
  });
  return rows.map((r) => Number(r.atMs));
}
