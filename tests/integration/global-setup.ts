import { execFileSync } from "node:child_process";

/** Applies the migrations to the throwaway database named by vitest.config.ts. */
export default function setup() {
  execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
}
