// `npm start` (and `npm run dev` with --dev): the whole quick start in one command. Creates a local auth secret if none is set, migrates the
// database, seeds the demo accounts, builds when the sources are newer than the last build, then serves.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./db-prepare.mjs";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  PORT: port,
  NODE_ENV: dev ? "development" : "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

function ensureSecret() {
  if (env.NEXTAUTH_SECRET) return;
  // Never a secret in the repo: generate one per checkout and keep it in the git-ignored data/ folder.
  const file = path.join(root, "data", ".nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("Generated a local NEXTAUTH_SECRET in data/.nextauth-secret");
  }
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ["app", "lib", "content", "prisma"].map((d) => path.join(root, d)).filter(existsSync);
  const files = ["package.json", "next.config.mjs", "postcss.config.mjs"].map((f) => path.join(root, f)).filter(existsSync);
  return Math.max(...sources.map(newestMtime), ...files.map((f) => statSync(f).mtimeMs)) > built;
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);

ensureSecret();
process.env.DATABASE_URL ??= "file:data/nimbus.db";
env.DATABASE_URL = process.env.DATABASE_URL;
console.log(`Database: ${prepareDatabase()}`);
execFileSync(bin("tsx"), ["--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env });
if (!dev && process.env.NIMBUS_SKIP_BUILD !== "1" && needsBuild()) {
  console.log("Building Nimbus (sources changed since the last build)…");
  execFileSync("npm", ["run", "build"], { stdio: "inherit", env });
}
const server = spawn(bin("next"), [dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
