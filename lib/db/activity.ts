import "server-only";
import type { ActivityKind } from "@/generated/prisma/enums";
import { prisma } from "./client";
import type { Actor } from "./actor";

/** Records that the actor did `kind` on their calendar day `localDate` (once per kind and day). */
export async function recordActivity(actor: Actor, kind: ActivityKind, localDate: string, at: Date) {
  await prisma.activity.upsert({
    where: { userId_localDate_kind: { userId: actor.id, localDate, kind } },
    create: { userId: actor.id, kind, localDate, at },
    update: {},
  });
}

/** The distinct calendar days on which the actor did anything. */
export async function listActiveDates(actor: Actor): Promise<string[]> {
  const rows = await prisma.activity.findMany({
    where: { userId: actor.id },
    distinct: ["localDate"],
    select: { localDate: true },
    orderBy: { localDate: "asc" },
  });
  return rows.map((r) => r.localDate);
}
