import "server-only";
import { getServerSession } from "next-auth";
import { forbidden as forbiddenPage, redirect } from "next/navigation";
import type { Actor } from "@/lib/db/actor";
import { forbidden, unauthorized } from "@/lib/errors";
import { canTeach } from "./roles";
import { authOptions } from "./options";

export interface SessionUser extends Actor {
  name: string;
  email: string;
}

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, role: user.role, name: user.name ?? "", email: user.email ?? "" };
}

/** Pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** API routes and server actions: the signed-in user, or a 401 AppError. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  return user;
}

/** Pages for instructors: anonymous visitors go to sign-in, signed-in learners get the 403 page (app/forbidden.tsx). */
export async function requireInstructor(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!canTeach(user)) forbiddenPage();
  return user;
}

/** API routes for instructors: 401 when signed out, 403 for anyone who does not teach. */
export async function requireApiInstructor(): Promise<SessionUser> {
  const user = await requireApiUser();
  if (!canTeach(user)) throw forbidden("Only instructors can do this.");
  return user;
}
