import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

// Debian's Chromium, never a downloaded browser (no network here); see DEVELOPERS.md.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A fresh database per run; the server is the production build (`next build && next start`).
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "file:data/e2e.db",
      NEXTAUTH_SECRET: "e2e-secret-only-for-tests",
      NEXTAUTH_URL: baseURL,
      NIMBUS_DEMO_ACCOUNTS: "on",
      // Lets tests move the server's clock with a cookie (lib/time/clock.ts); never set outside tests.
      NIMBUS_TEST_CLOCK: "1",
    },
  },
});
