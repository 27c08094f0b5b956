// The production build on a private port with a fresh SQLite database, for the benchmarks. `scripts/start.mjs`
// builds first when the sources changed; the server runs in its own process group so stopping it stops next-server.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

/** Starts the server; `ready` resolves when /api/health answers. `stop` also runs when the process exits. */
export function startServer({ port, database }) {
  const base = `http://localhost:${port}`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/${database}${suffix}`, { force: true });
  const server = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:data/${database}`, NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: base },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("server did not start");
  })();
  return { base, ready, stop };
}
