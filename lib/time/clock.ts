import "server-only";
import { cookies } from "next/headers";
import { TEST_CLOCK_COOKIE } from "./clock-cookie";

/**
 * "Now" for the current request. Services take time as a parameter; entry points (pages, actions, route handlers)
 * get it here. Only when NIMBUS_TEST_CLOCK=1 (the e2e server) may a cookie move the clock, so tests can play out
 * streaks and cooldowns over several days; everywhere else this is the wall clock.
 */
export async function requestNow(): Promise<Date> {
  if (process.env.NIMBUS_TEST_CLOCK === "1") {
    const value = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
    const ms = value ? Date.parse(value) : NaN;
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return new Date();
}
