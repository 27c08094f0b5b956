import "server-only";
import { clearFailures, recentFailures, recordFailedSignIn } from "@/lib/db/auth-throttle";

/** Failed sign-ins allowed per window: per email (guessing one account) and per IP (spraying many). */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

const keysFor = (email: string, ip: string | null) => [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];

/** Seconds until the caller may try again, or 0 when not limited. */
export async function signInRetryAfterSec(email: string, ip: string | null, nowMs = Date.now()): Promise<number> {
  const since = nowMs - SIGN_IN_WINDOW_MS;
  const rows = await recentFailures(keysFor(email, ip), since);
  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = row.key.startsWith("email:") ? MAX_FAILURES_PER_EMAIL : MAX_FAILURES_PER_IP;
    if (row.count >= limit) retryAfterMs = Math.max(retryAfterMs, row.oldestAtMs + SIGN_IN_WINDOW_MS - nowMs);
  }
  return Math.ceil(retryAfterMs / 1000);
}

export function noteFailedSignIn(email: string, ip: string | null, nowMs = Date.now()) {
  return recordFailedSignIn(keysFor(email, ip), nowMs);
}

export function noteSuccessfulSignIn(email: string, nowMs = Date.now()) {
  return clearFailures(`email:${email}`, nowMs - SIGN_IN_WINDOW_MS);
}
