import "server-only";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { prisma } from "./client";
import type { Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role?: Role;
  timeZone?: string;
}

/** Sign-up has no actor yet. Returns null when the email is taken (the unique index decides, not a pre-check). */
export async function createUser(input: NewUser) {
  try {
    return await prisma.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: input.passwordHash,
        role: input.role ?? "LEARNER",
        timeZone: input.timeZone ?? "UTC",
      },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** For the credentials check only: the one place a password hash leaves the database. */
export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}

/**
 * The account a session token names, as it is now; null once it has been deleted. Memoised per server render
 * (React `cache`): a page reads the session more than once (guards, layout), and each read would query again.
 */
export const findSessionAccount = cache((userId: string) =>
  prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, name: true, email: true } }),
);

export function getProfile(actor: Actor) {
  return prisma.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, name: true, role: true, timeZone: true, courseStartedAt: true, createdAt: true },
  });
}

/**
 * Seeds accounts that may already exist (demo users): creates or leaves alone, never overwrites a password. Says
 * whether it created the account, so what goes with a new account is seeded once, not again after it was deleted.
 */
export async function ensureUser(input: NewUser): Promise<{ id: string; created: boolean }> {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await createUser(input);
  if (created) return { id: created.id, created: true };
  // Another seed run created it between the two statements.
  const found = await prisma.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
  return { id: found.id, created: false };
}

/**
 * What journey maths needs about the actor: their zone and when their 30 days began. Memoised per server render
 * (React `cache`, keyed by the actor object): the dashboard's summary and journey both need it.
 */
export const getJourneySettings = cache(async (actor: Actor) => {
  const row = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { timeZone: true, courseStartedAt: true },
  });
  return row ?? { timeZone: "UTC", courseStartedAt: new Date() };
});

export function updateSettings(actor: Actor, data: { name?: string; timeZone?: string }) {
  return prisma.user.update({
    where: { id: actor.id },
    data,
    select: { id: true, name: true, timeZone: true },
  });
}
