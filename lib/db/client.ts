import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseFile } from "./database-url";

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { nimbusPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // `timeout` is SQLite's busy timeout: writers wait for the lock instead of failing under concurrency.
  // WAL mode is set on the file by scripts/db-prepare.mjs and persists in the database.
  const adapter = new PrismaBetterSQLite3({ url: `file:${databaseFile()}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = globalForPrisma.nimbusPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.nimbusPrisma = prisma;
