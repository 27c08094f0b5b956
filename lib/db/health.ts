import "server-only";
import { prisma } from "./client";

/** True when the database answers a trivial query. */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
