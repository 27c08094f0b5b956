import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// One throwaway SQLite file per `vitest run`; tests/integration/global-setup.ts migrates it.
const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "nimbus-test-")), "test.db");
process.env.DATABASE_URL = `file:${databaseFile}`;

export default defineConfig({
  // `server-only` throws outside the react-server condition; tests import server modules directly.
  resolve: { alias: { "@": import.meta.dirname, "server-only": path.join(import.meta.dirname, "tests/support/empty.ts") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    env: { DATABASE_URL: `file:${databaseFile}`, NEXTAUTH_SECRET: "test-secret-not-for-production" },
    globalSetup: ["tests/integration/global-setup.ts"],
    // Integration files share the database; one file at a time keeps them from seeing each other's rows mid-test.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
